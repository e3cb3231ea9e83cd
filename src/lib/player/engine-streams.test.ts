import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PlaybackInfoRequest } from '$lib/api/media-server';
import { parseFrame, type InboundMessage } from '$lib/protocol/messages';
import type { PlaybackInfoResponse } from '$lib/protocol/schemas';
import { messages } from '$lib/stores/messages.svelte';
import { player } from '$lib/stores/player.svelte';
import { createPlayerHarness } from '$lib/testing/player-harness';

const MOVIE = 'b0000000000000000000000000000001';
const SONG = 'b0000000000000000000000000000002';
const TICKS = 10_000_000;
/** The fake server cuts transcodes into 2-second segments, like the test server. */
const SEGMENT_SECONDS = 2;
const RUNTIME_SECONDS = 12;

function frame(text: object): InboundMessage {
	const parsed = parseFrame(JSON.stringify(text));
	if (parsed.kind !== 'message')
		throw new Error(`test frame did not parse: ${JSON.stringify(parsed)}`);
	return parsed.message;
}

const command = (name: string, args: Record<string, string>) =>
	frame({ MessageType: 'GeneralCommand', Data: { Name: name, Arguments: args } });
const playstate = (name: string, extra: object = {}) =>
	frame({ MessageType: 'Playstate', Data: { Command: name, ...extra } });

/**
 * Returns the test server's response for an HEVC movie with two audio streams and a PGS
 * subtitle. Direct play is never possible, and the transcode's playlist starts at the segment
 * that contains StartTimeTicks.
 */
function hevcMovie(itemId: string, request: PlaybackInfoRequest, session: string) {
	const audio = request.audioStreamIndex ?? 1;
	const start = request.startTimeTicks ?? 0;
	const reasons =
		audio === 2 ? 'VideoCodecNotSupported,SecondaryAudioNotSupported' : 'VideoCodecNotSupported';
	return {
		PlaySessionId: session,
		MediaSources: [
			{
				Id: itemId,
				Container: 'mov,mp4,m4a,3gp,3g2,mj2',
				RunTimeTicks: RUNTIME_SECONDS * TICKS,
				SupportsDirectPlay: false,
				SupportsTranscoding: true,
				TranscodingUrl: `/videos/${itemId}/master.m3u8?PlaySessionId=${session}&AudioStreamIndex=${audio}&StartTimeTicks=${start}&TranscodeReasons=${reasons}`,
				TranscodingSubProtocol: 'hls',
				DefaultAudioStreamIndex: 1,
				MediaStreams: [
					{ Index: 0, Type: 'Video', Codec: 'hevc' },
					{ Index: 1, Type: 'Audio', Codec: 'aac', Language: 'eng' },
					{ Index: 2, Type: 'Audio', Codec: 'aac', Language: 'fra' },
					{ Index: 3, Type: 'Subtitle', Codec: 'PGSSUB', DeliveryMethod: 'Encode' }
				]
			}
		]
	} as unknown as PlaybackInfoResponse;
}

function movieHarness() {
	const harness = createPlayerHarness([MOVIE, SONG]);
	const movie = harness.items.get(MOVIE)!;
	harness.items.set(MOVIE, { ...movie, MediaType: 'Video', RunTimeTicks: RUNTIME_SECONDS * TICKS });
	harness.answerPlaybackInfo((itemId, request, session) => {
		if (itemId === MOVIE) {
			const startSeconds = (request.startTimeTicks ?? 0) / TICKS;
			// The playlist starts at the segment that contains the start position.
			const offset = Math.floor(startSeconds / SEGMENT_SECONDS) * SEGMENT_SECONDS;
			harness.media.sourceDuration = RUNTIME_SECONDS - offset;
			return hevcMovie(itemId, request, session);
		}
		harness.media.sourceDuration = 120;
		return {
			MediaSources: [{ Id: itemId, Container: 'mp3', MediaStreams: [] }],
			PlaySessionId: session
		} as unknown as PlaybackInfoResponse;
	});
	return harness;
}

const play = (ids: string[], extra: object = {}) =>
	frame({ MessageType: 'Play', Data: { ItemIds: ids, PlayCommand: 'PlayNow', ...extra } });

describe('PlaybackEngine with server streams', () => {
	let harness: ReturnType<typeof movieHarness>;

	afterEach(() => {
		harness?.engine.stop();
		vi.useRealTimers();
	});

	it('plays the transcode URL', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE]));
		await harness.settle();
		expect(harness.media.src).toMatch(/^http:\/\/server\.invalid\/videos\/.+\/master\.m3u8\?/);
		const start = harness.reports.find((report) => report.kind === 'start');
		expect(start?.body.PlayMethod).toBe('Transcode');
		expect(start?.body.AudioStreamIndex).toBe(1);
		expect(harness.playbackInfoRequests[0]?.deviceProfile).toBeDefined();
	});

	it('reports item positions with offset', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE], { StartPositionTicks: 7 * TICKS }));
		await harness.settle();
		expect(player.loaded?.offsetSeconds).toBe(6);
		expect(harness.media.currentTime).toBe(1);
		expect(player.durationSeconds).toBe(12);
		const start = harness.reports.find((report) => report.kind === 'start');
		expect(start?.body.PositionTicks).toBe(7 * TICKS);
	});

	it('seeks before offset with new stream', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE], { StartPositionTicks: 7 * TICKS }));
		await harness.settle();
		harness.remote.handle(playstate('Seek', { SeekPositionTicks: 2 * TICKS }));
		await harness.settle();
		expect(harness.playbackInfoRequests.map((request) => request.startTimeTicks)).toEqual([
			7 * TICKS,
			2 * TICKS
		]);
		expect(player.loaded?.offsetSeconds).toBe(2);
		expect(harness.reports.map((report) => report.kind)).not.toContain('stopped');
		expect(harness.stoppedTranscodes).toEqual(['session1']);
		const last = harness.reports.at(-1)!;
		expect(last.body.PlaySessionId).toBe('session2');
		expect(last.body.PositionTicks).toBe(2 * TICKS);
	});

	it('seeks inside the transcode', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE], { StartPositionTicks: 7 * TICKS }));
		await harness.settle();
		harness.remote.handle(playstate('Seek', { SeekPositionTicks: 10 * TICKS }));
		await harness.settle();
		expect(harness.playbackInfoRequests).toHaveLength(1);
		expect(harness.media.currentTime).toBe(4);
	});

	it('switches audio through the server', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE]));
		await harness.settle();
		harness.remote.handle(command('SetAudioStreamIndex', { Index: '2' }));
		await harness.settle();
		expect(harness.playbackInfoRequests.at(-1)?.audioStreamIndex).toBe(2);
		expect(harness.reports.map((report) => report.kind)).not.toContain('stopped');
		const last = harness.reports.at(-1)!;
		expect(last.body.AudioStreamIndex).toBe(2);
		expect(harness.media.paused).toBe(false);
	});

	it('ignores unknown stream indexes', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE]));
		await harness.settle();
		harness.remote.handle(command('SetAudioStreamIndex', { Index: '3' }));
		harness.remote.handle(command('SetSubtitleStreamIndex', { Index: '9' }));
		await harness.settle();
		expect(harness.playbackInfoRequests).toHaveLength(1);
	});

	it('burns in image subtitles', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE]));
		await harness.settle();
		harness.remote.handle(command('SetSubtitleStreamIndex', { Index: '3' }));
		await harness.settle();
		expect(harness.playbackInfoRequests.at(-1)?.subtitleStreamIndex).toBe(3);
		expect(player.loaded?.subtitleBurnedIn).toBe(true);
		expect(harness.reports.at(-1)?.body.SubtitleStreamIndex).toBe(3);
	});

	it('restarts a broken transcode once', async () => {
		harness = movieHarness();
		const shown = vi.spyOn(messages, 'show');
		harness.remote.handle(play([MOVIE, SONG]));
		await harness.settle();
		harness.media.error = { code: 2, message: 'network error' };
		harness.media.dispatchEvent(new Event('error'));
		await harness.settle();
		expect(harness.playbackInfoRequests).toHaveLength(2);
		expect(player.current?.itemId).toBe(MOVIE);
		harness.media.dispatchEvent(new Event('error'));
		await harness.settle();
		const stopped = harness.reports.find((report) => report.kind === 'stopped');
		expect(stopped?.body).toMatchObject({ ItemId: MOVIE, Failed: true });
		expect(player.current?.itemId).toBe(SONG);
		expect(shown).toHaveBeenCalledWith(
			'Skipped an item that failed',
			expect.stringContaining('network error'),
			expect.any(Number)
		);
		shown.mockRestore();
	});

	it('fails a transcode that never started', async () => {
		harness = movieHarness();
		harness.media.loadError = { code: 4, message: 'not found' };
		harness.remote.handle(play([MOVIE, SONG]));
		await harness.settle();
		harness.media.loadError = null;
		await harness.settle();
		expect(harness.reports.find((report) => report.kind === 'stopped')?.body.Failed).toBe(true);
		expect(player.current?.itemId).toBe(SONG);
	});

	it('restarts a paused transcode once gone', async () => {
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
		harness = movieHarness();
		harness.remote.handle(play([MOVIE], { StartPositionTicks: 3 * TICKS }));
		await harness.settle();
		harness.remote.handle(playstate('Pause'));
		await harness.settle();
		vi.advanceTimersByTime(10_000);
		await harness.settle();
		expect(harness.pings).toEqual(['session1']);
		const pausedReport = harness.reports.at(-1)!;
		expect(pausedReport.body).toMatchObject({ IsPaused: true, PlayMethod: 'Transcode' });
		harness.goneStreams.add(player.loaded!.url);
		harness.remote.handle(playstate('Unpause'));
		await harness.settle();
		expect(harness.playbackInfoRequests.at(-1)?.startTimeTicks).toBe(3 * TICKS);
		expect(player.loaded?.playSessionId).toBe('session2');
		expect(harness.media.paused).toBe(false);
	});

	it('skips the check after short pauses', async () => {
		harness = movieHarness();
		harness.remote.handle(play([MOVIE]));
		await harness.settle();
		harness.remote.handle(playstate('Pause'));
		await harness.settle();
		harness.goneStreams.add(player.loaded!.url);
		harness.remote.handle(playstate('Unpause'));
		await harness.settle();
		expect(harness.playbackInfoRequests).toHaveLength(1);
		expect(harness.media.paused).toBe(false);
	});
});
