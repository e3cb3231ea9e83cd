import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from '../index.ts';
import {
	call,
	connectPlayer,
	login,
	postPlayerCapabilities,
	rejectedHandshakeStatus,
	sleep,
	startTestServer,
	TestSocket
} from '../test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server.close();
});

afterEach(async () => {
	await control('/faults/reset');
});

async function control(path: string, body?: unknown): Promise<Response> {
	const response = await call(server, 'POST', `/__test${path}`, { body });
	if (response.status >= 300) throw new Error(`${path} failed with HTTP ${response.status}`);
	return response;
}

/** Returns the HTTP status of a public request, or 'failed' when the connection failed. */
async function publicInfoStatus(): Promise<number | 'failed'> {
	try {
		return (await call(server, 'GET', '/System/Info/Public')).status;
	} catch {
		return 'failed';
	}
}

async function sessionListed(sessionId: string): Promise<boolean> {
	const response = await call(server, 'GET', '/__test/sessions');
	const sessions = (await response.json()) as { session: { Id: string } }[];
	return sessions.some((entry) => entry.session.Id === sessionId);
}

describe('downtime', () => {
	it('restart announces, closes, refuses, then accepts', async () => {
		const player = await connectPlayer(server, 'restart-player');
		await control('/restart?downMs=400');
		expect((await player.socket.next('ServerRestarting')).Data).toBe('');
		expect(await player.socket.closed).toEqual({ code: 1000, reason: 'System Shutdown' });
		expect(await publicInfoStatus()).toBe('failed');
		expect(await sessionListed(player.sessionId)).toBe(false);
		await sleep(500);
		expect(await publicInfoStatus()).toBe(200);
		const me = await call(server, 'GET', '/Users/Me', { auth: player.auth });
		expect(me.status).toBe(200);
	});

	it('shutdown refuses sockets until started', async () => {
		const player = await connectPlayer(server, 'shutdown-player');
		await control('/shutdown');
		await player.socket.next('ServerShuttingDown');
		await player.socket.closed;
		await sleep(200);
		const query = `ApiKey=${player.token}&deviceId=shutdown-player`;
		await expect(TestSocket.open(server, query)).rejects.toThrow();
		await control('/start');
		const socket = await TestSocket.open(server, query);
		await socket.next('ForceKeepAlive');
		await socket.close();
	});

	it('crash aborts sockets without a notice', async () => {
		const player = await connectPlayer(server, 'crash-player');
		await control('/crash?downMs=300');
		expect((await player.socket.closed).code).toBe(1006);
		expect(player.socket.count('ServerRestarting')).toBe(0);
		expect(await publicInfoStatus()).toBe('failed');
		await sleep(400);
		expect(await publicInfoStatus()).toBe(200);
	});

	it('logs when the server is back', async () => {
		await control('/shutdown');
		await control('/start');
		const log = await (await call(server, 'GET', '/__test/log?since=0')).json();
		const kinds = (log as { events: { kind: string }[] }).events.map((event) => event.kind);
		expect(kinds).toContain('server-down');
		expect(kinds).toContain('server-up');
	});
});

describe('black hole', () => {
	it('swallows keep-alives and replies on open sockets', async () => {
		const player = await connectPlayer(server, 'hole-player');
		await control('/black-hole');
		player.socket.send({ MessageType: 'KeepAlive' });
		await sleep(300);
		expect(player.socket.count('KeepAlive')).toBe(0);

		const fresh = await TestSocket.open(server, `ApiKey=${player.token}&deviceId=hole-player`);
		await fresh.next('ForceKeepAlive');
		await control('/black-hole/lift');
		// The buffered KeepAlive crosses once the path works again, and gets its reply.
		await player.socket.next('KeepAlive');
		await fresh.close();
		await player.socket.close();
	});

	it('holds HTTP requests until lifted', async () => {
		await control('/black-hole?http=true');
		let answered = false;
		const pending = call(server, 'GET', '/System/Info/Public').then((response) => {
			answered = true;
			return response.status;
		});
		await sleep(300);
		expect(answered).toBe(false);
		await control('/black-hole/lift');
		expect(await pending).toBe(200);
	});

	it('defers a server close until lifted', async () => {
		const player = await connectPlayer(server, 'hole-close-player');
		await control('/black-hole');
		let closed = false;
		void player.socket.closed.then(() => (closed = true));
		await call(server, 'POST', `/__test/sessions/${player.sessionId}/close?code=1006`);
		await sleep(200);
		expect(closed).toBe(false);
		await control('/black-hole/lift');
		expect((await player.socket.closed).code).toBe(1006);
	});
});

describe('session faults', () => {
	it('revoking a device gives 401, 403 and closes its socket', async () => {
		const player = await connectPlayer(server, 'revoked-player');
		await control('/devices/revoked-player/revoke');
		expect((await player.socket.closed).code).toBe(1000);
		const me = await call(server, 'GET', '/Users/Me', { auth: player.auth });
		expect(me.status).toBe(401);
		const status = await rejectedHandshakeStatus(server, `ApiKey=${player.token}`);
		expect(status).toBe(403);
	});

	it('forgetting a session keeps its socket answering', async () => {
		const player = await connectPlayer(server, 'forgotten-player');
		await control(`/sessions/${player.sessionId}/forget`);
		expect(await sessionListed(player.sessionId)).toBe(false);
		player.socket.send({ MessageType: 'KeepAlive' });
		await player.socket.next('KeepAlive');

		await postPlayerCapabilities(server, player.auth);
		const response = await call(server, 'GET', '/Sessions?deviceId=forgotten-player', {
			auth: player.auth
		});
		const [session] = (await response.json()) as { SupportsRemoteControl: boolean }[];
		expect(session?.SupportsRemoteControl).toBe(false);
		await player.socket.close();
	});

	it('unbound sockets get no ForceKeepAlive', async () => {
		const player = await login(server, 'unbound-player');
		await control('/unbound-sockets?count=1');
		const query = `ApiKey=${player.token}&deviceId=unbound-player`;
		const unbound = await TestSocket.open(server, query);
		await expect(unbound.next('ForceKeepAlive', 300)).rejects.toThrow();
		const bound = await TestSocket.open(server, query);
		await bound.next('ForceKeepAlive');
		await unbound.close();
		await bound.close();
	});

	it('a user at the session limit gets 403 at sign-in', async () => {
		await login(server, 'limit-first');
		await control('/users/demo/max-sessions?count=1');
		const refused = await call(server, 'POST', '/Users/AuthenticateByName', {
			auth: { client: 'Cue Test', device: 'Vitest', version: '0.0.1', deviceId: 'limit-second' },
			body: { Username: 'demo', Pw: 'demo' }
		});
		expect(refused.status).toBe(403);
		const wrongPassword = await call(server, 'POST', '/Users/AuthenticateByName', {
			auth: { client: 'Cue Test', device: 'Vitest', version: '0.0.1', deviceId: 'limit-second' },
			body: { Username: 'demo', Pw: 'nope' }
		});
		expect(wrongPassword.status).toBe(401);
	});

	it('injected failures hit the next requests only', async () => {
		await control('/fail-requests?path=/System/Info/Public&status=503&count=2');
		expect(await publicInfoStatus()).toBe(503);
		expect(await publicInfoStatus()).toBe(503);
		expect(await publicInfoStatus()).toBe(200);
	});

	it('injected failures also reject socket handshakes', async () => {
		const player = await login(server, 'failing-handshakes');
		await control('/fail-requests?path=/socket&status=503&count=2');
		expect(await rejectedHandshakeStatus(server, `ApiKey=${player.token}`)).toBe(403);
		expect(await rejectedHandshakeStatus(server, `ApiKey=${player.token}`)).toBe(403);
		const socket = await TestSocket.open(server, `ApiKey=${player.token}`);
		await socket.next('ForceKeepAlive');
		await socket.close();
	});

	it('12.0 options take effect at run time', async () => {
		const player = await login(server, 'options-player');
		const response = await control('/options', { legacyAuthorization: false });
		expect(await response.json()).toEqual({ legacyAuthorization: false, closeLostSockets: false });
		expect(await rejectedHandshakeStatus(server, `api_key=${player.token}`)).toBe(403);
		await control('/faults/reset');
		const socket = await TestSocket.open(server, `api_key=${player.token}`);
		await socket.next('ForceKeepAlive');
		await socket.close();
	});
});
