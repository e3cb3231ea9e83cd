import { readFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from './index.ts';
import { findItem } from './library/catalog.ts';
import { mediaFilePath } from './library/media-files.ts';
import { renderWavBytes, wavByteLength } from './library/tone.ts';
import { call, startTestServer } from './test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server.close();
});

function toneOf(id: string) {
	const media = findItem(id)?.media;
	if (media?.kind !== 'tone') throw new Error(`item ${id} is not synthesised audio`);
	return media.tone;
}

describe('audio streams', () => {
	const track = DEMO_ITEM_IDS.tracks[0] ?? '';
	const path = `/Audio/${track}/stream.wav?Static=true&mediaSourceId=${track}&deviceId=d&ApiKey=x`;

	it('serves the whole WAV without a token', async () => {
		const response = await call(server, 'GET', path);
		const body = Buffer.from(await response.arrayBuffer());
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('audio/wav');
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		expect(body.length).toBe(wavByteLength(toneOf(track)));
		expect(body.subarray(0, 4).toString('ascii')).toBe('RIFF');
		expect(body.subarray(8, 12).toString('ascii')).toBe('WAVE');
	});

	it('serves a byte range with 206 and the right bytes', async () => {
		const response = await call(server, 'GET', path, { headers: { Range: 'bytes=40-1000' } });
		const body = Buffer.from(await response.arrayBuffer());
		const size = wavByteLength(toneOf(track));
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe(`bytes 40-1000/${size}`);
		expect(body.equals(renderWavBytes(toneOf(track), 40, 1001))).toBe(true);
	});

	it('serves the end of the long item', async () => {
		const tone = toneOf(DEMO_ITEM_IDS.longAudio);
		const size = wavByteLength(tone);
		const start = size - 4096;
		const response = await call(server, 'GET', `/Audio/${DEMO_ITEM_IDS.longAudio}/stream`, {
			headers: { Range: `bytes=${start}-` }
		});
		const body = Buffer.from(await response.arrayBuffer());
		expect(response.status).toBe(206);
		expect(body.length).toBe(4096);
		expect(body.equals(renderWavBytes(tone, start, size))).toBe(true);
	});

	it('returns 416 past the end', async () => {
		const size = wavByteLength(toneOf(track));
		const response = await call(server, 'GET', path, { headers: { Range: `bytes=${size}-` } });
		expect(response.status).toBe(416);
		expect(response.headers.get('content-range')).toBe(`bytes */${size}`);
	});

	it('sends only headers for HEAD', async () => {
		const response = await call(server, 'HEAD', path);
		expect(response.status).toBe(200);
		expect(Number(response.headers.get('content-length'))).toBe(wavByteLength(toneOf(track)));
	});

	it('adds the CORS header for a cross-origin request', async () => {
		const response = await call(server, 'GET', path, {
			headers: { Origin: 'http://127.0.0.1:4173', Range: 'bytes=0-1' }
		});
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
	});
});

describe('video streams', () => {
	it.each([
		[DEMO_ITEM_IDS.colorBars, 'color-bars.mp4', 'video/mp4'],
		[DEMO_ITEM_IDS.countingPattern, 'counting-pattern.webm', 'video/webm']
	])('serves ranges of %s from the file', async (id, file, type) => {
		const bytes = await readFile(mediaFilePath(file));
		const response = await call(server, 'GET', `/Videos/${id}/stream?Static=true`, {
			headers: { Range: 'bytes=-100' }
		});
		const body = Buffer.from(await response.arrayBuffer());
		expect(response.status).toBe(206);
		expect(response.headers.get('content-type')).toBe(type);
		expect(response.headers.get('content-range')).toBe(
			`bytes ${bytes.length - 100}-${bytes.length - 1}/${bytes.length}`
		);
		expect(body.equals(bytes.subarray(bytes.length - 100))).toBe(true);
	});

	it('returns 404 without media', async () => {
		const response = await call(server, 'GET', `/Videos/${DEMO_ITEM_IDS.album}/stream`);
		expect(response.status).toBe(404);
	});
});
