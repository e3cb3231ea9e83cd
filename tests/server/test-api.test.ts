import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from './index.ts';
import {
	call,
	connectPlayer,
	login,
	rejectedHandshakeStatus,
	sleep,
	startTestServer
} from './test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server.close();
});

interface LogEvent {
	seq: number;
	time: number;
	kind: string;
	[field: string]: unknown;
}

async function readLog(since = 0): Promise<{ next: number; events: LogEvent[] }> {
	const response = await call(server, 'GET', `/__test/log?since=${since}`);
	return (await response.json()) as { next: number; events: LogEvent[] };
}

describe('test log', () => {
	it('records requests and socket traffic without tokens', async () => {
		const { next } = await readLog();
		const player = await connectPlayer(server, 'logged-player');
		player.socket.send({ MessageType: 'KeepAlive' });
		await player.socket.next('KeepAlive');
		await player.socket.close();
		await sleep(50);
		expect(await rejectedHandshakeStatus(server, 'ApiKey=nope')).toBe(403);

		const { events } = await readLog(next);
		const kinds = events.map((event) => event.kind);
		expect(kinds).toEqual(
			expect.arrayContaining(['http', 'ws-open', 'ws-out', 'ws-in', 'ws-close', 'ws-rejected'])
		);
		expect(events.every((event) => event.seq > next && typeof event.time === 'number')).toBe(true);
		expect(JSON.stringify(events)).not.toContain(player.token);

		const loginEvent = events.find((event) => event.path === '/Users/AuthenticateByName');
		expect(loginEvent).toMatchObject({ method: 'POST', status: 200, deviceId: 'logged-player' });
		expect(loginEvent?.body).toEqual({ Username: 'demo', Pw: '[password]' });
		const open = events.find((event) => event.kind === 'ws-open');
		expect(open).toMatchObject({ sessionId: player.sessionId, path: '/socket' });
		expect((open?.query as Record<string, string>).ApiKey).toBe('[token]');
		const close = events.find((event) => event.kind === 'ws-close');
		expect(close).toMatchObject({ code: 1000, reason: 'test done', by: 'client' });
		expect(events.find((event) => event.kind === 'ws-rejected')).toMatchObject({ status: 403 });
	});

	it('records preflight requests and clears on reset', async () => {
		await call(server, 'OPTIONS', '/Sessions', {
			headers: { Origin: 'http://127.0.0.1:4173', 'Access-Control-Request-Method': 'GET' }
		});
		const { events, next } = await readLog();
		expect(events.some((event) => event.method === 'OPTIONS' && event.status === 204)).toBe(true);
		expect((await call(server, 'POST', '/__test/reset-log')).status).toBe(204);
		const after = await readLog();
		expect(after.events).toEqual([]);
		expect(after.next).toBe(next);
	});
});

describe('test control', () => {
	it('lists sessions with socket details', async () => {
		const player = await connectPlayer(server, 'listed-by-test-api');
		const response = await call(server, 'GET', '/__test/sessions');
		const sessions = (await response.json()) as {
			session: { Id: string };
			openSocketCount: number;
			lastKeepAliveAt: number;
		}[];
		const entry = sessions.find((candidate) => candidate.session.Id === player.sessionId);
		expect(entry?.openSocketCount).toBe(1);
		expect(entry?.lastKeepAliveAt).toBeGreaterThan(0);
		await player.socket.close();
	});

	it('sends a raw frame verbatim', async () => {
		const player = await connectPlayer(server, 'raw-target');
		const response = await call(server, 'POST', `/__test/sessions/${player.sessionId}/raw`, {
			body: '{"MessageType":"Play","Data":',
			headers: { 'Content-Type': 'text/plain' }
		});
		expect(response.status).toBe(204);
		await sleep(50);
		expect(player.socket.messages.at(-1)?.raw).toBe('{"MessageType":"Play","Data":');
		expect(player.socket.ws.readyState).toBe(player.socket.ws.OPEN);
		const missing = await call(server, 'POST', '/__test/sessions/nope/raw', { body: '{}' });
		expect(missing.status).toBe(404);
		await player.socket.close();
	});

	it('closes a session socket with a chosen code', async () => {
		const player = await connectPlayer(server, 'closed-by-test-api');
		await call(server, 'POST', `/__test/sessions/${player.sessionId}/close?code=4000&reason=bye`);
		expect(await player.socket.closed).toEqual({ code: 4000, reason: 'bye' });
	});

	it('imitates a restart', async () => {
		const player = await connectPlayer(server, 'restarted-player');
		const response = await call(server, 'POST', '/__test/restart');
		expect(response.status).toBe(204);
		const notice = await player.socket.next('ServerRestarting');
		expect(notice.Data).toBe('');
		expect(await player.socket.closed).toEqual({ code: 1000, reason: 'System Shutdown' });
		const me = await call(server, 'GET', '/Users/Me', { auth: player.auth });
		expect(me.status).toBe(200);
		const remote = await login(server, 'after-restart');
		const listed = await call(server, 'GET', `/Sessions?controllableByUserId=${remote.userId}`, {
			auth: remote.auth
		});
		expect(await listed.json()).toEqual([]);
	});
});
