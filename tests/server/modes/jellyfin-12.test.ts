import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from '../index.ts';
import {
	authHeader,
	call,
	login,
	startTestServer,
	TEST_CLIENT,
	TestSocket
} from '../test-helpers.ts';
import { handshakeStatus, waitForEvent } from './mode-test-helpers.ts';

describe('jellyfin-12 mode', () => {
	let server: RunningServer;
	let token: string;
	const deviceId = 'twelve';

	beforeAll(async () => {
		server = await startTestServer({ mode: 'jellyfin-12' });
		({ token } = await login(server, deviceId));
	});

	afterAll(async () => {
		await server.close();
	});

	it('reports version 12.0.0 as Jellyfin', async () => {
		const info = (await (await call(server, 'GET', '/System/Info/Public')).json()) as Record<
			string,
			unknown
		>;
		expect(info.Version).toBe('12.0.0');
		expect(info.ProductName).toBe('Jellyfin Server');
	});

	it('describes itself at /__test/mode', async () => {
		const mode = (await (await fetch(`${server.url}/__test/mode`)).json()) as Record<
			string,
			unknown
		>;
		expect(mode).toEqual({
			mode: 'jellyfin-12',
			version: '12.0.0',
			apiPrefix: '',
			socketPath: '/socket',
			socketPort: server.port
		});
	});

	it('turns on both 12.0 rules by default', async () => {
		const response = await fetch(`${server.url}/__test/options`, { method: 'POST', body: '{}' });
		expect(await response.json()).toEqual({ legacyAuthorization: false, closeLostSockets: true });
	});

	it.each([
		['X-Emby-Token', () => ({ 'X-Emby-Token': token }), ''],
		['X-MediaBrowser-Token', () => ({ 'X-MediaBrowser-Token': token }), ''],
		[
			'X-Emby-Authorization',
			() => ({ 'X-Emby-Authorization': authHeader({ ...TEST_CLIENT, deviceId, token }) }),
			''
		],
		['the Emby scheme', () => ({ Authorization: `Emby Token="${token}"` }), ''],
		['the api_key query', () => ({}), 'api_key']
	])('rejects %s', async (_name, headers, queryName) => {
		const query = queryName ? `?${queryName}=${token}` : '';
		const response = await call(server, 'GET', `/Users/Me${query}`, { headers: headers() });
		expect(response.status).toBe(401);
	});

	it('accepts Authorization and ApiKey', async () => {
		const byHeader = await call(server, 'GET', '/Users/Me', {
			headers: { Authorization: `MediaBrowser Token="${token}"` }
		});
		const byQuery = await call(server, 'GET', `/Users/Me?ApiKey=${token}`);
		expect(byHeader.status).toBe(200);
		expect(byQuery.status).toBe(200);
	});

	it('rejects a socket with api_key as tokenless', async () => {
		const url = `${server.url.replace('http', 'ws')}/socket?api_key=${token}&deviceId=${deviceId}`;
		expect(await handshakeStatus(url)).toBe(403);
		const event = await waitForEvent(server, 'ws-rejected');
		expect(event.reason).toBe('Token is required');
	});

	it('opens a socket with ApiKey', async () => {
		const socket = await TestSocket.open(server, `ApiKey=${token}&deviceId=${deviceId}`);
		const message = await socket.next('ForceKeepAlive');
		expect(message.MessageId).toMatch(/^[0-9a-f]{32}$/);
		await socket.close();
	});

	it('offers Quick Connect Initiate by POST only', async () => {
		const auth = { ...TEST_CLIENT, deviceId: 'quick-twelve' };
		const byGet = await call(server, 'GET', '/QuickConnect/Initiate', { auth });
		const byPost = await call(server, 'POST', '/QuickConnect/Initiate', { auth });
		expect(byGet.status).toBe(405);
		expect(byPost.status).toBe(200);
	});
});

describe('jellyfin mode', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startTestServer();
	});

	afterAll(async () => {
		await server.close();
	});

	it('is the default and reports 10.11.11', async () => {
		const mode = (await (await fetch(`${server.url}/__test/mode`)).json()) as Record<
			string,
			unknown
		>;
		expect(mode.mode).toBe('jellyfin');
		expect(mode.version).toBe('10.11.11');
		expect(server.apiUrl).toBe(server.url);
	});

	it('still serves the /emby and /mediabrowser prefixes', async () => {
		const emby = await call(server, 'GET', '/emby/System/Info/Public');
		const legacy = await call(server, 'GET', '/mediabrowser/System/Info/Public');
		expect(emby.status).toBe(200);
		expect(legacy.status).toBe(200);
	});

	it('rejects an unknown mode name', async () => {
		await expect(startTestServer({ mode: 'plex' as never })).rejects.toThrow(/Invalid server mode/);
	});
});
