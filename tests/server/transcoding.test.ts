import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from './index.ts';
import { call, login, startTestServer, type AuthFields } from './test-helpers.ts';

let server: RunningServer;
let auth: AuthFields;
let userId: string;

/** A DeviceProfile like the one Cue posts from Chromium, cut down to what the server reads. */
const PROFILE = {
	DirectPlayProfiles: [
		{ Container: 'mp4,m4v', Type: 'Video', VideoCodec: 'h264,vp9', AudioCodec: 'aac,opus' },
		{ Container: 'wav', Type: 'Audio' }
	],
	TranscodingProfiles: [
		{ Container: 'ts', Type: 'Video', VideoCodec: 'h264', AudioCodec: 'aac', Protocol: 'hls' }
	],
	SubtitleProfiles: [
		{ Format: 'vtt', Method: 'External' },
		{ Format: 'pgssub', Method: 'Encode' }
	]
};

interface Source {
	SupportsDirectPlay: boolean;
	SupportsTranscoding: boolean;
	TranscodingUrl?: string;
	TranscodingSubProtocol?: string;
	TranscodingContainer?: string;
	MediaStreams: { Index: number; Type: string; DeliveryMethod?: string; DeliveryUrl?: string }[];
}

beforeAll(async () => {
	server = await startTestServer();
	({ auth, userId } = await login(server, 'transcode-client'));
});

afterAll(async () => {
	await server.close();
});

async function playbackInfo(itemId: string, body: Record<string, unknown> = {}) {
	const response = await call(server, 'POST', `/Items/${itemId}/PlaybackInfo`, {
		auth,
		body: { UserId: userId, DeviceProfile: PROFILE, ...body }
	});
	expect(response.status).toBe(200);
	const info = (await response.json()) as { MediaSources: Source[]; PlaySessionId: string };
	return { source: info.MediaSources[0]!, playSessionId: info.PlaySessionId };
}

async function text(path: string): Promise<{ status: number; body: string; type: string | null }> {
	const response = await call(server, 'GET', path);
	return {
		status: response.status,
		body: await response.text(),
		type: response.headers.get('content-type')
	};
}

/** Resolves a playlist entry against the playlist's own URL, as a player does. */
function resolve(entry: string, base: string): string {
	const url = new URL(entry, `http://server${base}`);
	return `${url.pathname}${url.search}`;
}

/** Fetches a transcode's master playlist and returns the URL of its one variant. */
async function variantOf(source: Source): Promise<string> {
	const master = await text(source.TranscodingUrl!);
	const entry = master.body.split('\n').find((line) => line.startsWith('main.m3u8'));
	return resolve(entry!, source.TranscodingUrl!);
}

describe('PlaybackInfo with a DeviceProfile', () => {
	it('offers playable files directly', async () => {
		const { source } = await playbackInfo(DEMO_ITEM_IDS.colorBars);
		expect(source.SupportsDirectPlay).toBe(true);
		expect(source.TranscodingUrl).toBeUndefined();
	});

	it('transcodes HEVC to HLS', async () => {
		const { source, playSessionId } = await playbackInfo(DEMO_ITEM_IDS.nightDrive);
		expect(source.SupportsDirectPlay).toBe(false);
		expect(source.SupportsTranscoding).toBe(true);
		expect(source.TranscodingSubProtocol).toBe('hls');
		expect(source.TranscodingContainer).toBe('ts');
		const url = new URL(source.TranscodingUrl!, 'http://server');
		expect(url.pathname).toBe(`/videos/${DEMO_ITEM_IDS.nightDrive}/master.m3u8`);
		expect(url.searchParams.get('PlaySessionId')).toBe(playSessionId);
		expect(url.searchParams.get('ApiKey')).toBe(auth.token);
		expect(url.searchParams.get('TranscodeReasons')).toBe('VideoCodecNotSupported');
	});

	it('sets subtitle delivery methods', async () => {
		const { source } = await playbackInfo(DEMO_ITEM_IDS.twoVoices);
		const subtitles = source.MediaStreams.filter((stream) => stream.Type === 'Subtitle');
		expect(subtitles.map((stream) => [stream.Index, stream.DeliveryMethod])).toEqual([
			[3, 'External'],
			[4, 'External'],
			[5, 'Encode']
		]);
		expect(subtitles[0]?.DeliveryUrl).toMatch(
			/^\/Videos\/[0-9a-f-]{36}\/[0-9a-f]{32}\/Subtitles\/3\/0\/Stream\.vtt\?ApiKey=/
		);
	});
});

describe('HLS transcodes', () => {
	it('serves playlists and segments', async () => {
		const { source } = await playbackInfo(DEMO_ITEM_IDS.nightDrive);
		const master = await text(source.TranscodingUrl!);
		expect(master.status).toBe(200);
		expect(master.type).toBe('application/vnd.apple.mpegurl');
		expect(master.body).toContain('CODECS="avc1.640015,mp4a.40.2"');
		const variant = await variantOf(source);
		const media = await text(variant);
		expect(media.body).toContain('#EXT-X-MEDIA-SEQUENCE:0');
		expect(media.body).toContain('#EXT-X-ENDLIST');
		const segments = media.body.split('\n').filter((line) => line.startsWith('hls1/'));
		expect(segments).toHaveLength(6);
		const segment = await call(server, 'GET', resolve(segments[0]!, variant));
		expect(segment.status).toBe(200);
		expect(segment.headers.get('content-type')).toBe('video/mp2t');
		// MPEG-TS packets start with the sync byte 0x47.
		expect(new Uint8Array(await segment.arrayBuffer())[0]).toBe(0x47);
	});

	it('honours StartTimeTicks by segment', async () => {
		const { source } = await playbackInfo(DEMO_ITEM_IDS.nightDrive, { StartTimeTicks: 70_000_000 });
		const variant = resolve(
			'main.m3u8' + source.TranscodingUrl!.slice(source.TranscodingUrl!.indexOf('?')),
			source.TranscodingUrl!
		);
		const media = await text(variant);
		expect(media.body).toContain('#EXT-X-MEDIA-SEQUENCE:3');
		expect(media.body.split('\n').filter((line) => line.startsWith('hls1/'))[0]).toMatch(
			/^hls1\/main\/3\.ts\?/
		);
	});

	it('serves fMP4 init segments', async () => {
		const { source } = await playbackInfo(DEMO_ITEM_IDS.harbourLights);
		expect(source.TranscodingContainer).toBe('mp4');
		const variant = resolve(
			'main.m3u8' + source.TranscodingUrl!.slice(source.TranscodingUrl!.indexOf('?')),
			source.TranscodingUrl!
		);
		const media = await text(variant);
		expect(media.body).toMatch(/#EXT-X-MAP:URI="hls1\/main\/-1\.mp4\?/);
		const init = await call(server, 'GET', resolve(/URI="([^"]+)"/.exec(media.body)![1]!, variant));
		expect(init.status).toBe(200);
		expect(
			Buffer.from(await init.arrayBuffer())
				.subarray(4, 8)
				.toString('ascii')
		).toBe('ftyp');
	});

	it('returns 404 after stopping', async () => {
		const { source, playSessionId } = await playbackInfo(DEMO_ITEM_IDS.nightDrive);
		expect((await call(server, 'HEAD', source.TranscodingUrl!)).status).toBe(200);
		const stop = await call(
			server,
			'DELETE',
			`/Videos/ActiveEncodings?deviceId=transcode-client&playSessionId=${playSessionId}`,
			{ auth }
		);
		expect(stop.status).toBe(204);
		expect((await call(server, 'HEAD', source.TranscodingUrl!)).status).toBe(404);
		expect((await text(source.TranscodingUrl!)).status).toBe(404);
	});

	it('keeps Transcode for a running job', async () => {
		const { playSessionId } = await playbackInfo(DEMO_ITEM_IDS.nightDrive);
		const start = await call(server, 'POST', '/Sessions/Playing', {
			auth,
			body: {
				ItemId: DEMO_ITEM_IDS.nightDrive,
				PlaySessionId: playSessionId,
				PlayMethod: 'Transcode'
			}
		});
		expect(start.status).toBe(204);
		const sessions = await call(server, 'GET', '/Sessions?deviceId=transcode-client', { auth });
		const [session] = (await sessions.json()) as { PlayState: { PlayMethod: string } }[];
		expect(session?.PlayState.PlayMethod).toBe('Transcode');
	});

	it('returns 404 without a job', async () => {
		const path = `/videos/${DEMO_ITEM_IDS.nightDrive}/master.m3u8?PlaySessionId=ffffffffffffffffffffffffffffffff`;
		expect((await text(path)).status).toBe(404);
	});

	it('fails the failing items', async () => {
		const { source } = await playbackInfo(DEMO_ITEM_IDS.lostTape);
		expect((await text(source.TranscodingUrl!)).status).toBe(404);
		const file = await call(
			server,
			'GET',
			`/Videos/${DEMO_ITEM_IDS.scratchedDisc}/stream?Static=true`
		);
		expect(file.status).toBe(500);
	});
});

describe('external subtitles', () => {
	it('serves WebVTT from SubRip', async () => {
		const id = DEMO_ITEM_IDS.twoVoices;
		const english = await text(`/Videos/${id}/${id}/Subtitles/3/0/Stream.vtt`);
		expect(english.status).toBe(200);
		expect(english.type).toBe('text/vtt; charset=utf-8');
		expect(english.body).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:02\.000\nEnglish line 1\n/);
		const french = await text(`/Videos/${id}/${id}/Subtitles/4/20000000/Stream.vtt`);
		expect(french.body).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:02\.000\nLigne française 2\n/);
	});

	it('rejects image subtitles and formats', async () => {
		const id = DEMO_ITEM_IDS.twoVoices;
		expect((await text(`/Videos/${id}/${id}/Subtitles/5/0/Stream.vtt`)).status).toBe(404);
		expect((await text(`/Videos/${id}/${id}/Subtitles/3/0/Stream.srt`)).status).toBe(404);
	});
});
