import { afterEach, describe, expect, it, vi } from 'vitest';

import { MediaServerApi } from './media-server';

const IDENTITY = { client: 'Cue', version: '0.1.0', device: 'Tablet', deviceId: 'device-1' };

function captureFetch() {
	const calls: { url: string; init: RequestInit }[] = [];
	vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
		calls.push({ url, init });
		return Promise.resolve(new Response(null, { status: 204 }));
	});
	return calls;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('MediaServerApi.reportPlaybackStoppedOnExit', () => {
	it('posts with keepalive and the Authorization header', () => {
		const calls = captureFetch();
		const api = new MediaServerApi('http://jf.test:8096', IDENTITY, 'secret-token');
		api.checkIns.stoppedOnExit({ ItemId: 'a', PositionTicks: 10 });
		expect(calls).toHaveLength(1);
		const { url, init } = calls[0];
		expect(url).toBe('http://jf.test:8096/Sessions/Playing/Stopped');
		expect(init.method).toBe('POST');
		expect(init.keepalive).toBe(true);
		const headers = init.headers as Record<string, string>;
		expect(headers.Authorization).toContain('DeviceId="device-1"');
		expect(headers.Authorization).toContain('Token="secret-token"');
		expect(headers['Content-Type']).toBe('application/json');
		expect(JSON.parse(String(init.body))).toEqual({ ItemId: 'a', PositionTicks: 10 });
	});

	it('leaves out a queue too long for a keepalive body', () => {
		const calls = captureFetch();
		const api = new MediaServerApi('http://jf.test:8096', IDENTITY, 'secret-token');
		const queue = Array.from({ length: 2000 }, (_, index) => ({
			Id: `${index}`.padStart(32, '0'),
			PlaylistItemId: `playlistItem${index}`
		}));
		api.checkIns.stoppedOnExit({ ItemId: 'a', NowPlayingQueue: queue });
		const body = JSON.parse(String(calls[0].init.body));
		expect(body).toEqual({ ItemId: 'a' });
	});

	it('keeps a queue that fits', () => {
		const calls = captureFetch();
		const api = new MediaServerApi('http://jf.test:8096', IDENTITY, 'secret-token');
		const queue = [{ Id: 'a', PlaylistItemId: 'playlistItem0' }];
		api.checkIns.stoppedOnExit({ ItemId: 'a', NowPlayingQueue: queue });
		expect(JSON.parse(String(calls[0].init.body)).NowPlayingQueue).toEqual(queue);
	});
});
