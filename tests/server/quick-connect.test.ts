import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from './index.ts';
import { call, login, startTestServer, TEST_CLIENT } from './test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server.close();
});

describe('Quick Connect', () => {
	const auth = { ...TEST_CLIENT, deviceId: 'quick-connect-device' };

	it('signs a device in by code', async () => {
		expect(await (await call(server, 'GET', '/QuickConnect/Enabled')).json()).toBe(true);
		const initiated = await call(server, 'POST', '/QuickConnect/Initiate', { auth });
		const request = (await initiated.json()) as {
			Secret: string;
			Code: string;
			Authenticated: boolean;
		};
		expect(request.Secret).toMatch(/^[0-9A-F]{64}$/);
		expect(request.Code).toMatch(/^\d{6}$/);
		expect(request.Authenticated).toBe(false);

		const pending = await call(server, 'POST', '/Users/AuthenticateWithQuickConnect', {
			body: { Secret: request.Secret }
		});
		expect(pending.status).toBe(404);

		const approver = await login(server, 'quick-connect-approver');
		const authorized = await call(server, 'POST', `/QuickConnect/Authorize?code=${request.Code}`, {
			auth: approver.auth
		});
		expect(await authorized.json()).toBe(true);
		const state = await call(server, 'GET', `/QuickConnect/Connect?secret=${request.Secret}`);
		expect(((await state.json()) as { Authenticated: boolean }).Authenticated).toBe(true);

		const result = await call(server, 'POST', '/Users/AuthenticateWithQuickConnect', {
			body: { Secret: request.Secret }
		});
		const body = (await result.json()) as {
			AccessToken: string;
			SessionInfo: { DeviceId: string };
		};
		expect(body.SessionInfo.DeviceId).toBe('quick-connect-device');
		const me = await call(server, 'GET', '/Users/Me', {
			auth: { ...auth, token: body.AccessToken }
		});
		expect(me.status).toBe(200);
	});

	it('returns 404 for unknown secrets and codes', async () => {
		const approver = await login(server, 'quick-connect-unknown');
		const secret = await call(server, 'GET', '/QuickConnect/Connect?secret=NOPE');
		const code = await call(server, 'POST', '/QuickConnect/Authorize?code=000000', {
			auth: approver.auth
		});
		expect(secret.status).toBe(404);
		expect(code.status).toBe(404);
	});

	it('requires the client fields to initiate', async () => {
		const response = await call(server, 'GET', '/QuickConnect/Initiate', {
			auth: { client: 'Cue Test', deviceId: 'no-version' }
		});
		expect(response.status).toBe(400);
	});
});
