import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from './index.ts';
import {
	call,
	connectPlayer,
	login,
	rejectedHandshakeStatus,
	sleep,
	startTestServer,
	TestSocket
} from './test-helpers.ts';

describe('socket handshake and keep-alive', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startTestServer({ keepAliveSeconds: 60 });
	});

	afterAll(async () => {
		await server.close();
	});

	it('rejects bad tokens before the upgrade', async () => {
		expect(await rejectedHandshakeStatus(server, 'deviceId=x')).toBe(403);
		expect(await rejectedHandshakeStatus(server, 'api_key=ffffffffffffffffffffffffffffffff')).toBe(
			403
		);
	});

	it('sends ForceKeepAlive with the timeout on attach', async () => {
		const { token } = await login(server, 'force-keep-alive');
		const socket = await TestSocket.open(server, `api_key=${token}&deviceId=force-keep-alive`);
		const message = await socket.next('ForceKeepAlive');
		expect(Object.keys(JSON.parse(message.raw) as object)).toEqual([
			'MessageType',
			'MessageId',
			'Data'
		]);
		expect(message.Data).toBe(60);
		expect(message.MessageId).toMatch(/^[0-9a-f]{32}$/);
		await socket.close();
	});

	it('replies to KeepAlive without Data', async () => {
		const { token } = await login(server, 'keep-alive-reply');
		const socket = await TestSocket.open(server, `ApiKey=${token}`);
		socket.send({ MessageType: 'KeepAlive' });
		const reply = await socket.next('KeepAlive');
		expect(Object.keys(JSON.parse(reply.raw) as object)).toEqual(['MessageType', 'MessageId']);
		expect(reply.MessageId).toMatch(/^[0-9a-f]{32}$/);
		await socket.close();
	});

	it('ignores malformed and unknown frames', async () => {
		const { token } = await login(server, 'malformed');
		const socket = await TestSocket.open(server, `ApiKey=${token}`);
		socket.send('{not json');
		socket.send({ MessageType: 'keepalive' });
		socket.send({ MessageType: 'NoSuchType', Data: 1 });
		socket.send({ MessageType: 'SessionsStart', Data: '0,1500' });
		await sleep(100);
		expect(socket.count('KeepAlive')).toBe(0);
		socket.send({ MessageType: 'KeepAlive' });
		await socket.next('KeepAlive');
		await socket.close();
	});

	it('accepts any path, as Jellyfin does', async () => {
		const { token } = await login(server, 'any-path');
		for (const path of ['/socket', '/websocket', '/embywebsocket']) {
			const socket = await TestSocket.open(server, `ApiKey=${token}`, path);
			await socket.next('ForceKeepAlive');
			await socket.close();
		}
	});

	it('binds to the token session', async () => {
		const { token, sessionId } = await login(server, 'real-device');
		const socket = await TestSocket.open(server, `ApiKey=${token}&deviceId=other-device`);
		await socket.next('ForceKeepAlive');
		const response = await call(server, 'GET', '/__test/sessions');
		const sessions = (await response.json()) as {
			session: { Id: string };
			openSocketCount: number;
			sockets: { deviceIdQuery: string }[];
		}[];
		const entry = sessions.find((candidate) => candidate.session.Id === sessionId);
		expect(entry?.openSocketCount).toBe(1);
		expect(entry?.sockets[0]?.deviceIdQuery).toBe('other-device');
		await socket.close();
	});

	it('removes the session when its last socket closes', async () => {
		const { token, sessionId, auth } = await login(server, 'last-socket');
		const first = await TestSocket.open(server, `ApiKey=${token}`);
		const second = await TestSocket.open(server, `ApiKey=${token}`);
		await first.close();
		await sleep(50);
		const listed = async () =>
			((await (await call(server, 'GET', '/Sessions', { auth })).json()) as { Id: string }[]).map(
				(session) => session.Id
			);
		expect(await listed()).toContain(sessionId);
		await second.close();
		await sleep(50);
		// Listing creates no session, so the closed one must be gone.
		expect(await listed()).not.toContain(sessionId);
	});

	it('targets the most recently active socket', async () => {
		const player = await connectPlayer(server, 'two-sockets');
		const second = await TestSocket.open(server, `ApiKey=${player.token}`);
		await second.next('ForceKeepAlive');
		const controller = await login(server, 'two-sockets-remote');
		const path = `/Sessions/${player.sessionId}/Command/Mute`;
		await call(server, 'POST', path, { auth: controller.auth });
		expect((await second.next('GeneralCommand')).MessageType).toBe('GeneralCommand');
		player.socket.send({ MessageType: 'KeepAlive' });
		await player.socket.next('KeepAlive');
		await call(server, 'POST', path, { auth: controller.auth });
		await player.socket.next('GeneralCommand');
		expect(second.count('GeneralCommand')).toBe(1);
		await second.close();
		await player.socket.close();
	});
});

describe('socket watchdog', () => {
	it('marks a silent socket lost (10.11)', async () => {
		const server = await startTestServer({ keepAliveSeconds: 1 });
		const { token, sessionId } = await login(server, 'watchdog');
		const socket = await TestSocket.open(server, `ApiKey=${token}`);
		await socket.next('ForceKeepAlive', 2000, 1);
		await sleep(800);
		const log = (await (await call(server, 'GET', '/__test/log')).json()) as {
			events: { kind: string; sessionId?: string }[];
		};
		expect(
			log.events.some((event) => event.kind === 'ws-lost' && event.sessionId === sessionId)
		).toBe(true);
		const forced = socket.count('ForceKeepAlive');
		await sleep(500);
		expect(socket.count('ForceKeepAlive')).toBe(forced);
		expect(socket.ws.readyState).toBe(socket.ws.OPEN);
		await socket.close();
		await server.close();
	});

	it('keeps answering sockets watched', async () => {
		const server = await startTestServer({ keepAliveSeconds: 1 });
		const { token } = await login(server, 'answering');
		const socket = await TestSocket.open(server, `ApiKey=${token}`);
		for (let round = 0; round < 6; round++) {
			socket.send({ MessageType: 'KeepAlive' });
			await sleep(250);
		}
		expect(socket.count('ForceKeepAlive')).toBe(1);
		await socket.close();
		await server.close();
	});

	it('aborts a lost socket when closeLostSockets is set (12.0)', async () => {
		const server = await startTestServer({ keepAliveSeconds: 1, closeLostSockets: true });
		const { token } = await login(server, 'closing-watchdog');
		const socket = await TestSocket.open(server, `ApiKey=${token}`);
		const closed = await socket.closed;
		expect(closed.code).toBe(1006);
		await server.close();
	});

	it('rejects the api_key socket query in 12.0 mode', async () => {
		const server = await startTestServer({ legacyAuthorization: false });
		const { token } = await login(server, 'modern-socket');
		expect(await rejectedHandshakeStatus(server, `api_key=${token}`)).toBe(403);
		const socket = await TestSocket.open(server, `ApiKey=${token}`);
		await socket.next('ForceKeepAlive');
		await socket.close();
		await server.close();
	});
});
