import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from '../index.ts';
import { startTestServer, TestSocket } from '../test-helpers.ts';
import { embyLogin, logEvents, request, type ModeLogin } from './mode-test-helpers.ts';

let server: RunningServer;
let player: ModeLogin;

beforeAll(async () => {
	server = await startTestServer({ mode: 'emby' });
	player = await embyLogin(server, 'emby-control');
});

afterAll(async () => {
	await server.close();
});

function authed(method: string, path: string, body?: unknown): Promise<Response> {
	return request(server, method, path, { headers: { 'X-Emby-Token': player.token }, body });
}

describe('Emby subtitles', () => {
	it('serves the external subtitle by its decimal DeliveryUrl', async () => {
		const twoVoices = server.itemIds.twoVoices;
		const response = await authed('POST', `/emby/Items/${twoVoices}/PlaybackInfo`, {
			UserId: player.userId,
			DeviceProfile: {
				DirectPlayProfiles: [
					{ Container: 'mp4', Type: 'Video', VideoCodec: 'h264', AudioCodec: 'aac' }
				],
				SubtitleProfiles: [{ Format: 'vtt', Method: 'External' }]
			}
		});
		const info = (await response.json()) as {
			MediaSources: { MediaStreams: { Index: number; DeliveryUrl?: string }[] }[];
		};
		const url = info.MediaSources[0]?.MediaStreams.find(
			(stream) => stream.Index === 3
		)?.DeliveryUrl;
		expect(url).toBe(
			`/Videos/${twoVoices}/${twoVoices}/Subtitles/3/0/Stream.vtt?api_key=${player.token}`
		);
		const subtitle = await request(server, 'GET', `/emby${url}`);
		expect(subtitle.status).toBe(200);
		expect(await subtitle.text()).toMatch(/^WEBVTT/);
	});
});

describe('control API in Emby mode', () => {
	it('stays at the root path and lists decimal ids', async () => {
		const response = await fetch(`${server.url}/__test/library`);
		const library = (await response.json()) as { ids: { album: string }; items: { id: string }[] };
		expect(library.ids.album).toBe(server.itemIds.album);
		expect(library.items.every((item) => /^\d+$/.test(item.id))).toBe(true);
	});

	it('logs a 32-hex item id as the client sent it', async () => {
		await authed('POST', '/emby/Sessions/Playing', { ItemId: DEMO_ITEM_IDS.colorBars });
		const events = await logEvents(server, 'http');
		const checkIn = events.filter((event) => event.path === '/emby/Sessions/Playing').at(-1);
		expect(checkIn?.body).toEqual({ ItemId: DEMO_ITEM_IDS.colorBars });
	});

	it('fails requests by the path with or without /emby', async () => {
		for (const path of ['/emby/System/Info', '/System/Info']) {
			const url = `${server.url}/__test/fail-requests?path=${encodeURIComponent(path)}&status=503`;
			await fetch(url, { method: 'POST' });
			expect((await authed('GET', '/emby/System/Info')).status).toBe(503);
			expect((await authed('GET', '/emby/System/Info')).status).toBe(200);
		}
	});

	it('sends raw frames and restarts', async () => {
		const url = `${server.url.replace('http', 'ws')}/embywebsocket?api_key=${player.token}&deviceId=${player.deviceId}`;
		const socket = await TestSocket.connect(url);
		const raw = await fetch(`${server.url}/__test/sessions/${player.sessionId}/raw`, {
			method: 'POST',
			body: '{"MessageType":"Custom"}'
		});
		expect(raw.status).toBe(204);
		expect((await socket.next('Custom')).raw).toBe('{"MessageType":"Custom"}');
		await fetch(`${server.url}/__test/restart`, { method: 'POST' });
		const restarting = await socket.next('ServerRestarting');
		expect(JSON.parse(restarting.raw)).toEqual({ MessageType: 'ServerRestarting', Data: '' });
		expect(await socket.closed).toEqual({ code: 1000, reason: 'System Shutdown' });
	});
});
