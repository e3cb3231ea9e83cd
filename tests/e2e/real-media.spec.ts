import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

import { expectPaused, expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { library, twoVoicesStreams as streams } from './support/library';
import { Remote, ticks, type SessionDto } from './support/remote';
import {
	checkInBody,
	checkInKind,
	checkIns,
	logCursor,
	readLog,
	sendRawFrame,
	waitForEvent,
	type LogEvent
} from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

interface PlayOptions {
	startPositionTicks?: number;
	audioStreamIndex?: number;
	subtitleStreamIndex?: number;
	mediaSourceId?: string;
}

/** Sends PlayNow through the controller endpoint, with the stream choices Remote.play lacks. */
async function playWith(sessionId: string, itemIds: string[], options: PlayOptions = {}) {
	const query = new URLSearchParams({ playCommand: 'PlayNow', itemIds: itemIds.join(',') });
	for (const [name, value] of Object.entries(options)) {
		if (value !== undefined) query.set(name, String(value));
	}
	const response = await remote.request('POST', `/Sessions/${sessionId}/Playing?${query}`);
	expect(response.status).toBe(204);
}

/** Sends a Play message as it is, for PlayCommands the server would convert before sending. */
async function sendPlayFrame(sessionId: string, command: string, itemIds: string[]) {
	const data = { ItemIds: itemIds, PlayCommand: command, ControllingUserId: remote.userId };
	const frame = { MessageType: 'Play', MessageId: randomUUID().replaceAll('-', ''), Data: data };
	await sendRawFrame(sessionId, JSON.stringify(frame));
}

async function startTwoVoices(
	page: Page,
	options: PlayOptions = {}
): Promise<{ deviceId: string; session: SessionDto }> {
	const found = await signInAndFindSession(page, remote);
	await playWith(found.session.Id, [library.twoVoices.Id], options);
	await expectPlaying(page);
	return found;
}

function isCheckIn(deviceId: string, kind: 'start' | 'progress' | 'stopped') {
	return (event: LogEvent) =>
		event.kind === 'http' &&
		event.deviceId === deviceId &&
		event.method === 'POST' &&
		/^\/Sessions\/Playing(\/Progress|\/Stopped)?$/.test(event.path ?? '') &&
		checkInKind(event) === kind;
}

/** Waits for a check-in of `kind` after `since` whose body satisfies `predicate`. */
async function nextCheckIn(
	since: number,
	deviceId: string,
	kind: 'start' | 'progress' | 'stopped',
	predicate: (body: Record<string, unknown>) => boolean = () => true,
	description = `a ${kind} check-in`,
	timeoutMs?: number
): Promise<Record<string, unknown>> {
	const matches = (event: LogEvent) =>
		isCheckIn(deviceId, kind)(event) && predicate(checkInBody(event));
	return checkInBody(await waitForEvent(since, matches, description, timeoutMs));
}

async function requests(since: number, deviceId: string, method: string, path: RegExp) {
	const { events } = await readLog(since);
	return events.filter(
		(event) =>
			event.kind === 'http' &&
			event.deviceId === deviceId &&
			event.method === method &&
			path.test(event.path ?? '')
	);
}

/** Requests from the page that carry no client headers, such as media and segment fetches. */
async function anonymousGets(since: number, path: RegExp): Promise<LogEvent[]> {
	const { events } = await readLog(since);
	return events.filter(
		(event) => event.kind === 'http' && event.method === 'GET' && path.test(event.path ?? '')
	);
}

function playbackInfoBodies(events: LogEvent[]): Record<string, unknown>[] {
	return events.map((event) => (event.body ?? {}) as Record<string, unknown>);
}

const playbackInfoPath = (itemId: string) => new RegExp(`^/Items/${itemId}/PlaybackInfo$`);

/** Waits for the device's next PlaybackInfo request for an item and returns its body. */
async function nextPlaybackInfo(since: number, deviceId: string, itemId: string) {
	const event = await waitForEvent(
		since,
		(candidate) =>
			candidate.deviceId === deviceId &&
			candidate.method === 'POST' &&
			playbackInfoPath(itemId).test(candidate.path ?? ''),
		`a PlaybackInfo request for ${itemId}`
	);
	return (event.body ?? {}) as Record<string, unknown>;
}

async function videoWidth(page: Page): Promise<number> {
	return page.evaluate(() => document.querySelector('video')!.videoWidth);
}

interface TrackState {
	label: string;
	mode: string;
	cue: string | null;
}

async function textTracks(page: Page): Promise<TrackState[]> {
	return page.evaluate(() =>
		Array.from(document.querySelector('video')!.textTracks, (track) => ({
			label: track.label,
			mode: track.mode,
			cue: (track.activeCues?.[0] as VTTCue | undefined)?.text ?? null
		}))
	);
}

async function visibleCue(page: Page): Promise<string | null> {
	const showing = (await textTracks(page)).filter((track) => track.mode === 'showing');
	return showing.length === 1 ? showing[0]!.cue : null;
}

/**
 * Returns the colour of the video picture at a point (fractions of its width and height), read
 * from a screenshot so a cross-origin picture can be measured. Controls over the picture are
 * hidden first.
 */
async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
	await page.addStyleTag({ content: '.overlay { visibility: hidden !important; }' });
	const png = (await page.locator('video').screenshot()).toString('base64');
	return page.evaluate(
		async ({ png, x, y }) => {
			const image = new Image();
			image.src = `data:image/png;base64,${png}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const [red, green, blue] = context.getImageData(
				Math.round(image.width * x),
				Math.round(image.height * y),
				1,
				1
			).data;
			return [red!, green!, blue!] as [number, number, number];
		},
		{ png, x, y }
	);
}

/**
 * Records whether the page loads hls.js, which Cue imports only for a stream the browser cannot
 * play natively. hls.js is recognised by an error name that only it contains.
 */
function watchForHlsJs(page: Page): () => Promise<boolean> {
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('.js')) scripts.push(response.text().catch(() => ''));
	});
	return async () =>
		(await Promise.all(scripts)).some((text) => text.includes('manifestLoadError'));
}

/** Where the burned-in subtitle band sits in the picture: centred, 133 of 180 rows down. */
const SUBTITLE_BAND = { x: 0.5, y: 133 / 180 };

test.describe('sources the browser cannot decode', () => {
	test('HEVC plays through the HLS transcode', async ({ page }) => {
		const loadedHlsJs = watchForHlsJs(page);
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.play(session.Id, [library.hevcVideo.Id]);
		await expectPlaying(page);
		expect(await videoWidth(page)).toBe(320);
		expect((await mediaState(page)).src).toMatch(/\/videos\/[0-9a-f]{32}\/master\.m3u8\?/);
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start.PlayMethod).toBe('Transcode');
		await expect
			.poll(async () => (await remote.session(deviceId))?.PlayState?.PlayMethod)
			.toBe('Transcode');
		const [info] = playbackInfoBodies(
			await requests(since, deviceId, 'POST', playbackInfoPath(library.hevcVideo.Id))
		);
		const profile = info?.DeviceProfile as {
			DirectPlayProfiles: { Container: string; VideoCodec?: string }[];
			TranscodingProfiles: { Protocol: string; VideoCodec?: string }[];
		};
		const mp4 = profile.DirectPlayProfiles.find((entry) => entry.Container.includes('mp4'));
		expect(mp4?.VideoCodec?.split(',')).toContain('h264');
		expect(mp4?.VideoCodec?.split(',')).not.toContain('hevc');
		expect(profile.TranscodingProfiles[0]).toMatchObject({ Protocol: 'hls', VideoCodec: 'h264' });
		await expect(page.getByTestId('duration')).toHaveText('0:12');
		// This Chromium plays HLS natively, so hls.js is never downloaded.
		expect(await loadedHlsJs()).toBe(false);
	});

	test('DTS in MKV plays as fMP4 HLS', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.play(session.Id, [library.dtsVideo.Id]);
		await expectPlaying(page);
		expect(await videoWidth(page)).toBe(320);
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start.PlayMethod).toBe('Transcode');
		const segments = await anonymousGets(since, /\/hls1\/main\/-?\d+\.mp4$/);
		expect(segments.map((event) => event.path)).toContain(
			`/videos/${library.dtsVideo.Id}/hls1/main/-1.mp4`
		);
	});

	test('transcode starts at StartPositionTicks', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.play(session.Id, [library.hevcVideo.Id], { startPositionTicks: ticks(7) });
		await expectPlaying(page);
		const [info] = playbackInfoBodies(
			await requests(since, deviceId, 'POST', playbackInfoPath(library.hevcVideo.Id))
		);
		expect(info?.StartTimeTicks).toBe(ticks(7));
		// The server starts the playlist at the segment holding 7 s, which begins at 6 s.
		const first = (await anonymousGets(since, /\/hls1\/main\/\d+\.ts$/))[0];
		expect(first?.path).toMatch(/\/3\.ts$/);
		const media = await mediaState(page);
		expect(media.duration).toBeCloseTo(6, 0);
		expect(media.currentTime).toBeGreaterThanOrEqual(0.9);
		expect(media.currentTime).toBeLessThan(4);
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(Math.abs(Number(start.PositionTicks) - ticks(7))).toBeLessThan(ticks(1));
		await expect(page.getByTestId('duration')).toHaveText('0:12');
		await expect(page.getByTestId('position')).toHaveText(/^0:0[789]$/);
	});

	test('seek before the transcode requests a new stream', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		await remote.play(session.Id, [library.hevcVideo.Id], { startPositionTicks: ticks(7) });
		await expectPlaying(page);
		const firstSrc = (await mediaState(page)).src;
		const since = await logCursor();
		await remote.playstate(session.Id, 'Seek', ticks(2));
		const info = await nextPlaybackInfo(since, deviceId, library.hevcVideo.Id);
		expect(info?.StartTimeTicks).toBe(ticks(2));
		await expect.poll(async () => (await mediaState(page)).src).not.toBe(firstSrc);
		await expectPlaying(page);
		// The new stream starts at the segment holding 2 s, which begins at 2 s.
		const progress = await nextCheckIn(since, deviceId, 'progress', (body) =>
			Boolean(body.PlaySessionId && Number(body.PositionTicks) < ticks(5))
		);
		expect(progress.PlayMethod).toBe('Transcode');
		expect(Number(progress.PositionTicks)).toBeGreaterThanOrEqual(ticks(2));
		const kinds = (await checkIns(since, deviceId)).map(checkInKind);
		expect(kinds).not.toContain('stopped');
		expect(kinds).not.toContain('start');
	});

	test('seek within the transcode stays in it', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		await remote.play(session.Id, [library.hevcVideo.Id]);
		await expectPlaying(page);
		const since = await logCursor();
		await remote.playstate(session.Id, 'Seek', ticks(8));
		await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThanOrEqual(8);
		const progress = await nextCheckIn(since, deviceId, 'progress', (body) =>
			Boolean(Number(body.PositionTicks) >= ticks(8))
		);
		expect(progress.PlayMethod).toBe('Transcode');
		const infos = await requests(since, deviceId, 'POST', playbackInfoPath(library.hevcVideo.Id));
		expect(infos).toHaveLength(0);
	});
});

test.describe('audio streams', () => {
	test('Play starts the second audio stream', async ({ page }) => {
		const since = await logCursor();
		const { deviceId } = await startTwoVoices(page, { audioStreamIndex: streams.frenchAudio });
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start.AudioStreamIndex).toBe(streams.frenchAudio);
		expect(start.PlayMethod).toBe('DirectStream');
		expect((await mediaState(page)).src).toContain('AudioStreamIndex=2');
		await expect(page.getByLabel('Audio')).toHaveValue(String(streams.frenchAudio));
	});

	test('SetAudioStreamIndex switches at the current position', async ({ page }) => {
		const { deviceId, session } = await startTwoVoices(page);
		expect((await mediaState(page)).src).toContain('Static=true');
		await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThan(2);
		const before = (await mediaState(page)).currentTime;
		const since = await logCursor();
		await remote.command(session.Id, 'SetAudioStreamIndex', { Index: streams.frenchAudio });
		const progress = await nextCheckIn(
			since,
			deviceId,
			'progress',
			(body) => body.AudioStreamIndex === streams.frenchAudio,
			'a progress report with the French stream'
		);
		expect(progress.PlayMethod).toBe('DirectStream');
		expect(Number(progress.PositionTicks)).toBeGreaterThanOrEqual(ticks(before) - ticks(0.5));
		const [info] = playbackInfoBodies(
			await requests(since, deviceId, 'POST', playbackInfoPath(library.twoVoices.Id))
		);
		expect(info?.AudioStreamIndex).toBe(streams.frenchAudio);
		expect(Number(info?.StartTimeTicks)).toBeGreaterThanOrEqual(ticks(before) - ticks(0.5));
		await expectPlaying(page);
		expect((await mediaState(page)).src).toContain('.m3u8');
		await expect(page.getByLabel('Audio')).toHaveValue(String(streams.frenchAudio));
		const kinds = (await checkIns(since, deviceId)).map(checkInKind);
		expect(kinds).not.toContain('stopped');

		const back = await logCursor();
		await page.getByLabel('Audio').selectOption(String(streams.englishAudio));
		const direct = await nextCheckIn(back, deviceId, 'progress', (body) => {
			return body.AudioStreamIndex === streams.englishAudio;
		});
		expect(direct.PlayMethod).toBe('DirectPlay');
		await expect.poll(async () => (await mediaState(page)).src).toContain('Static=true');
	});

	test('unknown audio stream changes nothing', async ({ page }) => {
		const { session } = await startTwoVoices(page);
		const src = (await mediaState(page)).src;
		await remote.command(session.Id, 'SetAudioStreamIndex', { Index: 9 });
		const ignored = page.getByTestId('command-log').locator('[data-outcome="ignored"]');
		await expect(ignored).toContainText('no audio stream 9');
		expect((await mediaState(page)).src).toBe(src);
	});
});

test.describe('subtitles', () => {
	test('text subtitles switch and turn off', async ({ page }) => {
		const { deviceId, session } = await startTwoVoices(page);
		const since = await logCursor();
		await remote.command(session.Id, 'SetSubtitleStreamIndex', { Index: streams.englishSubtitle });
		await expect.poll(() => visibleCue(page)).toMatch(/^English line \d$/);
		const english = await nextCheckIn(since, deviceId, 'progress', (body) => {
			return body.SubtitleStreamIndex === streams.englishSubtitle;
		});
		expect(english.PlayMethod).toBe('DirectPlay');
		await expect(page.getByLabel('Subtitles')).toHaveValue(String(streams.englishSubtitle));

		await remote.command(session.Id, 'SetSubtitleStreamIndex', { Index: streams.frenchSubtitle });
		await expect.poll(() => visibleCue(page)).toMatch(/^Ligne française \d$/);
		const modes = (await textTracks(page)).map((track) => track.mode);
		expect(modes.filter((mode) => mode === 'showing')).toHaveLength(1);

		const off = await logCursor();
		await remote.command(session.Id, 'SetSubtitleStreamIndex', { Index: -1 });
		await expect
			.poll(async () => (await textTracks(page)).every((track) => track.mode === 'disabled'))
			.toBe(true);
		const none = await nextCheckIn(off, deviceId, 'progress', (body) => {
			return body.SubtitleStreamIndex === -1;
		});
		expect(none.PlayMethod).toBe('DirectPlay');
		await expect(page.getByLabel('Subtitles')).toHaveValue('-1');
		// Text subtitles switch in the element: no new stream was asked for.
		const infos = await requests(since, deviceId, 'POST', playbackInfoPath(library.twoVoices.Id));
		expect(infos).toHaveLength(0);
	});

	test('PGS subtitle is burned in', async ({ page }) => {
		const { deviceId, session } = await startTwoVoices(page);
		const plain = await pixelAt(page, SUBTITLE_BAND.x, SUBTITLE_BAND.y);
		expect(Math.min(...plain)).toBeLessThan(150);
		const since = await logCursor();
		await remote.command(session.Id, 'SetSubtitleStreamIndex', { Index: streams.pgsSubtitle });
		const burned = await nextCheckIn(since, deviceId, 'progress', (body) => {
			return body.SubtitleStreamIndex === streams.pgsSubtitle;
		});
		expect(burned.PlayMethod).toBe('Transcode');
		const [info] = playbackInfoBodies(
			await requests(since, deviceId, 'POST', playbackInfoPath(library.twoVoices.Id))
		);
		expect(info?.SubtitleStreamIndex).toBe(streams.pgsSubtitle);
		expect((await mediaState(page)).src).toContain('SubtitleMethod=Encode');
		await expectPlaying(page);
		await expect
			.poll(async () => Math.min(...(await pixelAt(page, SUBTITLE_BAND.x, SUBTITLE_BAND.y))))
			.toBeGreaterThan(200);

		const off = await logCursor();
		await page.getByLabel('Subtitles').selectOption('-1');
		const direct = await nextCheckIn(off, deviceId, 'progress', (body) => {
			return body.SubtitleStreamIndex === -1 && body.PlayMethod === 'DirectPlay';
		});
		expect(direct.AudioStreamIndex).toBe(streams.englishAudio);
		await expect.poll(async () => (await mediaState(page)).src).toContain('Static=true');
	});

	test('Play starts with a subtitle', async ({ page }) => {
		const since = await logCursor();
		const { deviceId } = await startTwoVoices(page, {
			subtitleStreamIndex: streams.frenchSubtitle
		});
		await expect.poll(() => visibleCue(page)).toMatch(/^Ligne française \d$/);
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start.SubtitleStreamIndex).toBe(streams.frenchSubtitle);
		expect(start.PlayMethod).toBe('DirectPlay');
	});

	test('subtitle cues follow the transcode offset', async ({ page }) => {
		await startTwoVoices(page, {
			audioStreamIndex: streams.frenchAudio,
			subtitleStreamIndex: streams.englishSubtitle,
			startPositionTicks: ticks(7)
		});
		const media = await mediaState(page);
		expect(media.duration).toBeCloseTo(6, 0);
		// Item time 7–8 s is element time 1–2 s, and cue 4 covers 6–8 s of the item.
		await expect.poll(() => visibleCue(page)).toBe('English line 4');
	});

	test('PlayMediaSource starts with the chosen streams', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.command(session.Id, 'PlayMediaSource', {
			ItemId: library.twoVoices.Id,
			MediaSourceId: library.twoVoices.Id,
			AudioStreamIndex: streams.frenchAudio,
			SubtitleStreamIndex: streams.frenchSubtitle
		});
		await expectPlaying(page);
		await expect.poll(() => visibleCue(page)).toMatch(/^Ligne française \d$/);
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start).toMatchObject({
			ItemId: library.twoVoices.Id,
			MediaSourceId: library.twoVoices.Id,
			AudioStreamIndex: streams.frenchAudio,
			SubtitleStreamIndex: streams.frenchSubtitle,
			PlayMethod: 'DirectStream'
		});
	});
});

test.describe('failures', () => {
	test('failing transcode is reported and skipped', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.play(session.Id, [library.brokenTranscode.Id, library.tracks[0]!.Id]);
		const stopped = await nextCheckIn(since, deviceId, 'stopped', (body) => {
			return body.ItemId === library.brokenTranscode.Id;
		});
		expect(stopped.Failed).toBe(true);
		await expect(page.getByTestId('display-message')).toContainText('Could not play "Lost Tape"');
		await expect.poll(async () => (await mediaState(page)).src).toContain(library.tracks[0]!.Id);
		await expectPlaying(page);
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start.ItemId).toBe(library.tracks[0]!.Id);
	});

	test('failing direct stream is reported and skipped', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.play(session.Id, [library.brokenFile.Id, library.tracks[1]!.Id]);
		const stopped = await nextCheckIn(since, deviceId, 'stopped', (body) => {
			return body.ItemId === library.brokenFile.Id;
		});
		expect(stopped.Failed).toBe(true);
		expect(stopped.PlaySessionId).toMatch(/^[0-9a-f]{32}$/);
		await expect(page.getByTestId('display-message')).toContainText(
			'Could not play "Scratched Disc"'
		);
		await expect.poll(async () => (await mediaState(page)).src).toContain(library.tracks[1]!.Id);
		await expectPlaying(page);
	});
});

test.describe('paused transcodes', () => {
	test.setTimeout(60_000);

	test('paused transcode reports and restarts', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		await remote.play(session.Id, [library.hevcVideo.Id], { startPositionTicks: ticks(3) });
		await expectPlaying(page);
		await remote.playstate(session.Id, 'Pause');
		await expectPaused(page);
		const pauseStarted = Date.now();
		const since = await logCursor();
		// The 10-second timer reports while paused, and pings the transcoding job.
		const timerReport = await waitForEvent(
			since,
			(event) =>
				isCheckIn(deviceId, 'progress')(event) &&
				checkInBody(event).IsPaused === true &&
				event.time >= pauseStarted + 1000,
			'a progress report from the timer while paused',
			15_000
		);
		const paused = checkInBody(timerReport);
		expect(paused.PlayMethod).toBe('Transcode');
		const ping = await waitForEvent(
			since,
			(event) => event.deviceId === deviceId && event.path === '/Sessions/Playing/Ping',
			'a ping of the paused transcode'
		);
		expect(ping.query?.playSessionId).toBe(paused.PlaySessionId);

		// The server ends the transcode, as Jellyfin does when it hears nothing for a minute.
		const stop = await remote.request(
			'DELETE',
			`/Videos/ActiveEncodings?deviceId=${deviceId}&playSessionId=${paused.PlaySessionId}`
		);
		expect(stop.status).toBe(204);
		// Unpausing checks the stream after a pause of 10 s or more.
		await page.waitForTimeout(Math.max(0, pauseStarted + 10_500 - Date.now()));
		const resumed = await logCursor();
		await remote.playstate(session.Id, 'Unpause');
		const info = await nextPlaybackInfo(resumed, deviceId, library.hevcVideo.Id);
		expect(Math.abs(Number(info?.StartTimeTicks) - Number(paused.PositionTicks))).toBeLessThan(
			ticks(0.5)
		);
		await expectPlaying(page);
		const progress = await nextCheckIn(resumed, deviceId, 'progress', (body) => {
			return body.PlaySessionId !== paused.PlaySessionId && body.IsPaused === false;
		});
		expect(progress.PlayMethod).toBe('Transcode');
		expect(Number(progress.PositionTicks)).toBeGreaterThanOrEqual(Number(paused.PositionTicks));
	});
});

test.describe('hls.js', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => localStorage.setItem('cue.debug.forceHlsJs', '1'));
	});

	test('forced hls.js plays a transcode', async ({ page }) => {
		const loadedHlsJs = watchForHlsJs(page);
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.play(session.Id, [library.dtsVideo.Id], { startPositionTicks: ticks(5) });
		await expectPlaying(page);
		expect(await videoWidth(page)).toBe(320);
		// hls.js feeds the element through Media Source Extensions.
		const src = await page.evaluate(() => document.querySelector('video')!.src);
		expect(src).toMatch(/^blob:/);
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start.PlayMethod).toBe('Transcode');
		expect(Math.abs(Number(start.PositionTicks) - ticks(5))).toBeLessThan(ticks(1));
		expect(await loadedHlsJs()).toBe(true);
	});

	test('hls.js failure is reported and skipped', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await remote.play(session.Id, [library.brokenTranscode.Id, library.tracks[0]!.Id]);
		const stopped = await nextCheckIn(since, deviceId, 'stopped', (body) => {
			return body.ItemId === library.brokenTranscode.Id;
		});
		expect(stopped.Failed).toBe(true);
		await expect(page.getByTestId('display-message')).toContainText('Could not play "Lost Tape"');
		await expect.poll(async () => (await mediaState(page)).src).toContain(library.tracks[0]!.Id);
	});
});

test.describe('play commands', () => {
	test('PlayInstantMix plays the instant mix', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		await sendPlayFrame(session.Id, 'PlayInstantMix', [library.tracks[2]!.Id]);
		await expectPlaying(page);
		const mixes = await requests(
			since,
			deviceId,
			'GET',
			new RegExp(`^/Items/${library.tracks[2]!.Id}/InstantMix$`)
		);
		expect(mixes).toHaveLength(1);
		expect(mixes[0]?.query?.userId).toBeTruthy();
		const names = await page.getByTestId('queue').locator('li .name').allTextContents();
		expect(names[0]).toBe(library.tracks[2]!.Name);
		expect([...names].sort()).toEqual(library.tracks.map((track) => track.Name).sort());
		const start = await nextCheckIn(since, deviceId, 'start');
		expect(start.ItemId).toBe(library.tracks[2]!.Id);
	});

	test('PlayShuffle plays every item', async ({ page }) => {
		const { deviceId, session } = await signInAndFindSession(page, remote);
		const since = await logCursor();
		const ids = library.tracks.map((track) => track.Id);
		await sendPlayFrame(session.Id, 'PlayShuffle', ids);
		await expectPlaying(page);
		const start = await nextCheckIn(since, deviceId, 'start');
		const queue = (start.NowPlayingQueue as { Id: string }[]).map((entry) => entry.Id);
		expect([...queue].sort()).toEqual([...ids].sort());
		expect(start.ItemId).toBe(queue[0]);
	});
});

test.describe('capabilities', () => {
	test('use exact stream command names', async ({ page }) => {
		const { session } = await signInAndFindSession(page, remote);
		expect(session.SupportsMediaControl).toBe(true);
		expect(session.SupportsRemoteControl).toBe(true);
		for (const name of [
			'SetAudioStreamIndex',
			'SetSubtitleStreamIndex',
			'PlayMediaSource',
			'DisplayMessage',
			'SetVolume'
		]) {
			expect(session.SupportedCommands).toContain(name);
		}
	});

	test('every advertised command is handled', async ({ page }) => {
		const { session } = await startTwoVoices(page);
		const args: Record<string, Record<string, unknown>> = {
			SetVolume: { Volume: 40 },
			SetAudioStreamIndex: { Index: streams.englishAudio },
			SetSubtitleStreamIndex: { Index: streams.englishSubtitle },
			DisplayMessage: { Header: 'Hdr', Text: 'Hello', TimeoutMs: 1000 },
			SetRepeatMode: { RepeatMode: 'RepeatAll' },
			SetShuffleQueue: { ShuffleMode: 'Sorted' },
			SetMaxStreamingBitrate: { Bitrate: 8_000_000 },
			PlayMediaSource: { ItemId: library.twoVoices.Id },
			DisplayContent: { ItemId: library.twoVoices.Id, ItemName: 'Two Voices', ItemType: 'Movie' }
		};
		const advertised = session.SupportedCommands ?? [];
		for (const name of advertised) {
			await remote.command(session.Id, name, args[name] ?? {});
		}
		const entries = page.getByTestId('command-log').locator('li');
		await expect(entries).toHaveCount(advertised.length + 1);
		await expect(page.getByTestId('display-message')).toContainText('Hello');
		await expect(page.getByTestId('command-log').locator('[data-outcome="pending"]')).toHaveCount(
			0
		);
		const text = await page.getByTestId('command-log').innerText();
		expect(text).not.toContain('not supported');
		await expect(page.getByTestId('command-log').locator('[data-outcome="failed"]')).toHaveCount(0);
	});
});
