import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from '../index.ts';
import { startTestServer, TEST_CLIENT } from '../test-helpers.ts';
import {
	mediaBrowserLogin,
	request,
	schemeHeader,
	sha1Hex,
	type ModeLogin
} from './mode-test-helpers.ts';

let server: RunningServer;
let player: ModeLogin;

beforeAll(async () => {
	server = await startTestServer({ mode: 'mediabrowser' });
	player = await mediaBrowserLogin(server, 'mb-http');
});

afterAll(async () => {
	await server.close();
});

function authed(method: string, path: string, body?: unknown): Promise<Response> {
	return request(server, method, path, { headers: { 'X-MediaBrowser-Token': player.token }, body });
}

function signIn(body: unknown, headerName = 'Authorization'): Promise<Response> {
	const header = schemeHeader('MediaBrowser', {
		...TEST_CLIENT,
		deviceId: 'mb-sign-in',
		userId: ''
	});
	return request(server, 'POST', '/mediabrowser/Users/AuthenticateByName', {
		headers: { [headerName]: header },
		body
	});
}

describe('MediaBrowser discovery', () => {
	it('serves the API only under /mediabrowser', async () => {
		expect((await request(server, 'GET', '/System/Info/Public')).status).toBe(404);
		expect((await request(server, 'GET', '/emby/System/Info/Public')).status).toBe(404);
		expect((await request(server, 'GET', '/mediabrowser/System/Info/Public')).status).toBe(200);
		expect(server.apiUrl).toBe(`${server.url}/mediabrowser`);
	});

	it('reports 3.0.5482.0 without ProductName', async () => {
		const response = await request(server, 'GET', '/mediabrowser/System/Info/Public');
		const info = (await response.json()) as Record<string, unknown>;
		expect(Object.keys(info).sort()).toEqual(
			['Id', 'LocalAddress', 'OperatingSystem', 'ServerName', 'Version'].sort()
		);
		expect(info.Version).toBe('3.0.5482.0');
	});

	it('reports the separate socket port in System/Info', async () => {
		const info = (await (await authed('GET', '/mediabrowser/System/Info')).json()) as Record<
			string,
			unknown
		>;
		expect(info.WebSocketPortNumber).toBe(server.legacySocketPort);
		expect(info.WebSocketPortNumber).not.toBe(server.port);
		expect(info.HasPendingRestart).toBe(false);
	});

	it.each([
		['GET', '/mediabrowser/QuickConnect/Enabled'],
		['GET', '/mediabrowser/System/Ping'],
		['POST', '/mediabrowser/Sessions/Playing'],
		['POST', '/mediabrowser/Sessions/Playing/Progress'],
		['POST', '/mediabrowser/Sessions/Playing/Stopped'],
		['POST', '/mediabrowser/Sessions/Capabilities/Full'],
		['POST', `/mediabrowser/Items/${DEMO_ITEM_IDS.colorBars}/PlaybackInfo`],
		['GET', '/mediabrowser/Users/Me']
	])('has no %s %s', async (method, path) => {
		const response = await authed(method, path, method === 'POST' ? {} : undefined);
		expect(response.status).toBe(404);
	});
});

describe('MediaBrowser sign-in', () => {
	it('takes the SHA-1 of the password in either case', async () => {
		const lower = await signIn({ Username: 'demo', Password: sha1Hex('demo') });
		const upper = await signIn({ Username: 'demo', Password: sha1Hex('demo').toUpperCase() });
		expect(lower.status).toBe(200);
		expect(upper.status).toBe(200);
		const body = (await lower.json()) as Record<string, unknown>;
		expect(Object.keys(body)).toEqual(['User', 'SessionInfo', 'AccessToken', 'ServerId']);
	});

	it.each([
		['only Pw', { Username: 'demo', Pw: 'demo' }],
		['a clear-text Password', { Username: 'demo', Password: 'demo' }],
		['the SHA-1 of another password', { Username: 'demo', Password: sha1Hex('guest') }]
	])('rejects %s', async (_name, body) => {
		expect((await signIn(body)).status).toBe(401);
	});

	it('reads no X-Emby-Authorization header', async () => {
		const response = await signIn(
			{ Username: 'demo', Password: sha1Hex('demo') },
			'X-Emby-Authorization'
		);
		expect(response.status).toBe(400);
	});

	const header = (token: string) =>
		schemeHeader('MediaBrowser', { ...TEST_CLIENT, deviceId: player.deviceId, token });
	it.each([
		['the header Token', () => ({ Authorization: header(player.token) }), '', 200],
		['X-MediaBrowser-Token', () => ({ 'X-MediaBrowser-Token': player.token }), '', 200],
		['the api_key query', () => ({}), 'api_key', 200],
		['X-Emby-Token', () => ({ 'X-Emby-Token': player.token }), '', 401],
		['the ApiKey query', () => ({}), 'ApiKey', 401],
		['the Emby scheme', () => ({ Authorization: `Emby Token="${player.token}"` }), '', 401]
	])('answers a token in %s with %i', async (_name, headers, queryName, status) => {
		const query = queryName ? `?${queryName}=${player.token}` : '';
		const response = await request(server, 'GET', `/mediabrowser/System/Info${query}`, {
			headers: headers()
		});
		expect(response.status).toBe(status);
	});
});

describe('MediaBrowser sessions and items', () => {
	it('takes capabilities only in the query form with an Id', async () => {
		const query = 'PlayableMediaTypes=Audio,Video&SupportedCommands=DisplayMessage,SetVolume';
		const missing = await authed('POST', `/mediabrowser/Sessions/Capabilities?${query}`);
		const unknown = await authed('POST', `/mediabrowser/Sessions/Capabilities?${query}&Id=ffff`);
		const ok = await authed(
			'POST',
			`/mediabrowser/Sessions/Capabilities?${query}&Id=${player.sessionId}`
		);
		expect(missing.status).toBe(400);
		expect(unknown.status).toBe(404);
		expect(ok.status).toBe(204);
		const sessions = (await (
			await authed('GET', `/mediabrowser/Sessions?DeviceId=${player.deviceId}`)
		).json()) as { Id: string; SupportedCommands: string[] }[];
		expect(sessions.map((session) => session.Id)).toEqual([player.sessionId]);
		expect(sessions[0]?.SupportedCommands).toEqual(['DisplayMessage', 'SetVolume']);
	});

	it('offers MediaSources and the static stream', async () => {
		const id = DEMO_ITEM_IDS.colorBars;
		const response = await authed(
			'GET',
			`/mediabrowser/Users/${player.userId}/Items?Ids=${id}&Fields=MediaSources`
		);
		const body = (await response.json()) as {
			Items: { Id: string; MediaSources: { Id: string; Container: string }[] }[];
		};
		const source = body.Items[0]?.MediaSources[0];
		expect(body.Items[0]?.Id).toBe(id);
		expect(source?.Id).toBe(id);
		const container = source?.Container.split(',')[0];
		const path = `/mediabrowser/Videos/${id}/stream.${container}?Static=true&MediaSourceId=${id}`;
		const stream = await request(server, 'HEAD', `${path}&api_key=${player.token}`);
		expect(stream.status).toBe(200);
	});

	it('returns one item by id', async () => {
		const id = DEMO_ITEM_IDS.longAudio;
		const response = await authed('GET', `/mediabrowser/Users/${player.userId}/Items/${id}`);
		expect(((await response.json()) as { Id: string }).Id).toBe(id);
	});

	it('logs out', async () => {
		const other = await mediaBrowserLogin(server, 'mb-logout');
		const headers = { 'X-MediaBrowser-Token': other.token };
		const logout = await request(server, 'POST', '/mediabrowser/Sessions/Logout', { headers });
		const after = await request(server, 'GET', '/mediabrowser/System/Info', { headers });
		expect(logout.status).toBe(204);
		expect(after.status).toBe(401);
	});
});
