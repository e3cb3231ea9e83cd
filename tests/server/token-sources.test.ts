import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseAuthorizationHeader, parseAuthorizationParts } from './auth/authorization-header.ts';
import type { RunningServer } from './index.ts';
import { authHeader, call, login, startTestServer, TEST_CLIENT } from './test-helpers.ts';

describe('authorization header parsing', () => {
	it('reads quoted and bare values and URL-decodes them', () => {
		const parts = parseAuthorizationParts(
			'Client="Cue%20Player", Device=Living+room, DeviceId="a,b", Version=1.2'
		);
		expect(parts.get('Client')).toBe('Cue Player');
		expect(parts.get('Device')).toBe('Living room');
		expect(parts.get('DeviceId')).toBe('a,b');
		expect(parts.get('Version')).toBe('1.2');
	});

	it('keeps key names case-sensitive', () => {
		const parts = parseAuthorizationParts('client="x", Token="t"');
		expect(parts.get('Client')).toBeUndefined();
		expect(parts.get('client')).toBe('x');
		expect(parts.get('Token')).toBe('t');
	});

	it('accepts scheme words per mode', () => {
		expect(parseAuthorizationHeader('mediabrowser Token="t"', false)?.get('Token')).toBe('t');
		expect(parseAuthorizationHeader('Emby Token="t"', true)?.get('Token')).toBe('t');
		expect(parseAuthorizationHeader('Emby Token="t"', false)).toBeUndefined();
		expect(parseAuthorizationHeader('Bearer t', true)).toBeUndefined();
	});
});

describe('token sources in 10.11 mode', () => {
	let server: RunningServer;
	let token: string;
	const deviceId = 'token-sources';

	beforeAll(async () => {
		server = await startTestServer();
		({ token } = await login(server, deviceId));
	});

	afterAll(async () => {
		await server.close();
	});

	const header = (fields: object) => authHeader({ ...TEST_CLIENT, deviceId, ...fields });

	it.each([
		['the Authorization Token', () => ({ Authorization: header({ token }) }), ''],
		['X-Emby-Authorization', () => ({ 'X-Emby-Authorization': header({ token }) }), ''],
		['X-Emby-Token', () => ({ 'X-Emby-Token': token }), ''],
		['X-MediaBrowser-Token', () => ({ 'X-MediaBrowser-Token': token }), ''],
		['the ApiKey query', () => ({}), 'ApiKey'],
		['the api_key query', () => ({}), 'api_key'],
		['a query name in another case', () => ({}), 'APIKEY'],
		['the Emby scheme', () => ({ Authorization: `Emby Token="${token}"` }), '']
	])('accepts %s', async (_name, headers, queryName) => {
		const query = queryName ? `?${queryName}=${token}` : '';
		const response = await call(server, 'GET', `/Users/Me${query}`, { headers: headers() });
		expect(response.status).toBe(200);
	});

	it('reads Authorization before X-Emby-Authorization', async () => {
		const response = await call(server, 'GET', '/Users/Me', {
			headers: {
				Authorization: header({ token: 'ffffffffffffffffffffffffffffffff' }),
				'X-Emby-Authorization': header({ token })
			}
		});
		expect(response.status).toBe(401);
	});

	it('URL-decodes the client fields of the header', async () => {
		const response = await call(server, 'POST', '/Sessions/Capabilities', {
			headers: {
				Authorization: authHeader({ ...TEST_CLIENT, client: 'Cue%Other', deviceId, token })
			}
		});
		expect(response.status).toBe(204);
		const sessions = (await (
			await call(server, 'GET', '/Sessions', { headers: { Authorization: header({ token }) } })
		).json()) as { Client: string }[];
		expect(sessions.map((session) => session.Client)).toContain('Cue%Other');
	});
});

describe('token sources in 12.0 mode', () => {
	let server: RunningServer;
	let token: string;

	beforeAll(async () => {
		server = await startTestServer({ legacyAuthorization: false });
		({ token } = await login(server, 'modern-mode'));
	});

	afterAll(async () => {
		await server.close();
	});

	it.each([
		['X-Emby-Token', { 'X-Emby-Token': () => token }, ''],
		['X-MediaBrowser-Token', { 'X-MediaBrowser-Token': () => token }, ''],
		['X-Emby-Authorization', { 'X-Emby-Authorization': () => `MediaBrowser Token="${token}"` }, ''],
		['the Emby scheme', { Authorization: () => `Emby Token="${token}"` }, ''],
		['the api_key query', {}, 'api_key']
	])('ignores %s', async (_name, headerMakers, queryName) => {
		const headers = Object.fromEntries(
			Object.entries(headerMakers).map(([name, make]) => [name, make()])
		);
		const query = queryName ? `?${queryName}=${token}` : '';
		const response = await call(server, 'GET', `/Users/Me${query}`, { headers });
		expect(response.status).toBe(401);
	});

	it('accepts the Authorization header and the ApiKey query', async () => {
		const byHeader = await call(server, 'GET', '/Users/Me', {
			headers: { Authorization: `MediaBrowser Token="${token}"` }
		});
		const byQuery = await call(server, 'GET', `/Users/Me?ApiKey=${token}`);
		expect(byHeader.status).toBe(200);
		expect(byQuery.status).toBe(200);
	});
});
