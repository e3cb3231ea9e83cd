import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from './index.ts';
import { call, login, startTestServer, TEST_CLIENT, TestSocket } from './test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server.close();
});

describe('system info', () => {
	it('returns the public info without a token', async () => {
		const response = await call(server, 'GET', '/System/Info/Public');
		const body = (await response.json()) as Record<string, unknown>;
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(Object.keys(body)).toEqual([
			'LocalAddress',
			'ServerName',
			'Version',
			'ProductName',
			'OperatingSystem',
			'Id',
			'StartupWizardCompleted'
		]);
		expect(body.ProductName).toBe('Jellyfin Server');
		expect(body.Version).toMatch(/^10\.11\.\d+$/);
		expect(body.OperatingSystem).toBe('');
		expect(body.Id).toMatch(/^[0-9a-f]{32}$/);
		expect(body.LocalAddress).toBe(server.url);
	});

	it('requires a token for the full info', async () => {
		const anonymous = await call(server, 'GET', '/System/Info');
		expect(anonymous.status).toBe(401);
		const { auth } = await login(server, 'system-info');
		const response = await call(server, 'GET', '/System/Info', { auth });
		const body = (await response.json()) as Record<string, unknown>;
		expect(body.WebSocketPortNumber).toBe(server.port);
		expect(body.ProductName).toBe('Jellyfin Server');
	});
});

describe('AuthenticateByName', () => {
	const credentials = { Username: 'demo', Pw: 'demo' };

	it.each(['client', 'device', 'deviceId', 'version'] as const)(
		'rejects a header without %s',
		async (field) => {
			const auth = { ...TEST_CLIENT, deviceId: 'missing-field', [field]: undefined };
			const response = await call(server, 'POST', '/Users/AuthenticateByName', {
				auth,
				body: credentials
			});
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toBe('text/plain');
			expect(await response.text()).toBe('Error processing request.');
		}
	);

	it('rejects a wrong password with 401', async () => {
		const response = await call(server, 'POST', '/Users/AuthenticateByName', {
			auth: { ...TEST_CLIENT, deviceId: 'bad-password' },
			body: { Username: 'demo', Pw: 'nope' }
		});
		expect(response.status).toBe(401);
		expect(await response.text()).toBe('Error processing request.');
	});

	it('accepts body property names in any case', async () => {
		const response = await call(server, 'POST', '/Users/AuthenticateByName', {
			auth: { ...TEST_CLIENT, deviceId: 'lower-case-body' },
			body: { username: 'DEMO', pw: 'demo' }
		});
		expect(response.status).toBe(200);
	});

	it('returns an AuthenticationResult like a real server', async () => {
		const { body, token, sessionId } = await login(server, 'result-shape');
		expect(Object.keys(body)).toEqual(['User', 'SessionInfo', 'AccessToken', 'ServerId']);
		expect(token).toMatch(/^[0-9a-f]{32}$/);
		expect(body.ServerId).toBe(server.serverId);
		const user = body.User as Record<string, unknown>;
		expect(user.Name).toBe('demo');
		expect(Object.keys(user)).toEqual(
			expect.arrayContaining(['Name', 'ServerId', 'Id', 'HasPassword', 'Configuration', 'Policy'])
		);
		const sessionInfo = body.SessionInfo as Record<string, unknown>;
		expect(sessionInfo.Id).toBe(sessionId);
		expect(sessionInfo.Client).toBe(TEST_CLIENT.client);
		expect(sessionInfo.DeviceId).toBe('result-shape');
		expect(sessionInfo.LastPlaybackCheckIn).toBe('0001-01-01T00:00:00.0000000Z');
		expect(sessionInfo.SupportsRemoteControl).toBe(false);
		expect(sessionInfo.Capabilities).toEqual({
			PlayableMediaTypes: [],
			SupportedCommands: [],
			SupportsMediaControl: false,
			SupportsPersistentIdentifier: true
		});
	});

	it('revokes the earlier token of the same user and device', async () => {
		const first = await login(server, 'same-device');
		const socket = await TestSocket.open(server, `ApiKey=${first.token}`);
		const second = await login(server, 'same-device');
		expect(await socket.closed).toEqual({ code: 1000, reason: 'System Shutdown' });
		const old = await call(server, 'GET', '/Users/Me', { auth: first.auth });
		const current = await call(server, 'GET', '/Users/Me', { auth: second.auth });
		expect(old.status).toBe(401);
		expect(current.status).toBe(200);
	});
});

describe('authorization', () => {
	it('returns an empty 401 without a token', async () => {
		const response = await call(server, 'GET', '/Users/Me');
		expect(response.status).toBe(401);
		expect(await response.text()).toBe('');
	});

	it('returns 401 for an unknown token', async () => {
		const response = await call(server, 'GET', '/Users/Me', {
			auth: { ...TEST_CLIENT, deviceId: 'x', token: '0123456789abcdef0123456789abcdef' }
		});
		expect(response.status).toBe(401);
	});

	it('returns the signed-in user from /Users/Me', async () => {
		const { auth, userId } = await login(server, 'users-me');
		const response = await call(server, 'GET', '/Users/Me', { auth });
		const body = (await response.json()) as Record<string, unknown>;
		expect(body.Id).toBe(userId);
		expect(body.Name).toBe('demo');
	});

	it('strips the /emby path prefix', async () => {
		const response = await call(server, 'GET', '/emby/System/Info/Public');
		expect(response.status).toBe(200);
	});
});

describe('logout', () => {
	it('deletes the token and closes the sockets of the device', async () => {
		const { auth, token } = await login(server, 'logout-device');
		const socket = await TestSocket.open(server, `ApiKey=${token}`);
		await socket.next('ForceKeepAlive');
		const response = await call(server, 'POST', '/Sessions/Logout', { auth });
		expect(response.status).toBe(204);
		expect(await socket.closed).toEqual({ code: 1000, reason: 'System Shutdown' });
		const after = await call(server, 'GET', '/Users/Me', { auth });
		expect(after.status).toBe(401);
	});
});

describe('CORS', () => {
	it('accepts a cross-origin preflight', async () => {
		const response = await call(server, 'OPTIONS', '/Sessions/Capabilities/Full', {
			headers: {
				Origin: 'http://127.0.0.1:4173',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'authorization,content-type'
			}
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toBe('POST');
		expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
		expect(response.headers.get('access-control-allow-credentials')).toBeNull();
	});

	it('allows any origin on responses', async () => {
		const headers = { Origin: 'http://127.0.0.1:4173' };
		const ok = await call(server, 'GET', '/System/Info/Public', { headers });
		const denied = await call(server, 'GET', '/Users/Me', { headers });
		expect(ok.headers.get('access-control-allow-origin')).toBe('*');
		expect(denied.headers.get('access-control-allow-origin')).toBe('*');
	});
});
