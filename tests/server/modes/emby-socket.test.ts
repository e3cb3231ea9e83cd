import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sessionIdFor, type RunningServer } from '../index.ts';
import { sleep, startTestServer, TEST_CLIENT, TestSocket } from '../test-helpers.ts';
import { EMBY_ONLY_GENERAL_COMMANDS } from './older-enums.ts';
import {
	embyLogin,
	handshakeStatus,
	logEvents,
	request,
	waitForEvent,
	type ModeLogin
} from './mode-test-helpers.ts';

function socketUrl(server: RunningServer, path: string, query: string): string {
	return `${server.url.replace('http', 'ws')}${path}?${query}`;
}

async function openPlayer(server: RunningServer, deviceId: string) {
	const login = await embyLogin(server, deviceId);
	await request(server, 'POST', `/emby/Sessions/Capabilities/Full?Id=${login.sessionId}`, {
		headers: { 'X-Emby-Token': login.token },
		body: { PlayableMediaTypes: ['Audio', 'Video'], SupportsMediaControl: true }
	});
	const query = `api_key=${login.token}&deviceId=${deviceId}`;
	const socket = await TestSocket.connect(socketUrl(server, '/embywebsocket', query));
	return { ...login, socket };
}

describe('Emby socket handshake', () => {
	let server: RunningServer;
	let player: ModeLogin;

	beforeAll(async () => {
		server = await startTestServer({ mode: 'emby' });
		player = await embyLogin(server, 'emby-handshake');
	});

	afterAll(async () => {
		await server.close();
	});

	it('accepts only /embywebsocket', async () => {
		const query = `api_key=${player.token}&deviceId=${player.deviceId}`;
		expect(await handshakeStatus(socketUrl(server, '/socket', query))).toBe(404);
		expect(await handshakeStatus(socketUrl(server, '/emby/socket', query))).toBe(404);
		const socket = await TestSocket.connect(socketUrl(server, '/embywebsocket', query));
		await socket.close();
	});

	it.each([
		['no token', () => `deviceId=${player.deviceId}`, 403, 'Token is required'],
		['the ApiKey query', () => `ApiKey=${player.token}&deviceId=x`, 403, 'Token is required'],
		[
			'an unknown token',
			() => 'api_key=ffffffffffffffffffffffffffffffff&deviceId=x',
			403,
			'Invalid token.'
		],
		['no deviceId', () => `api_key=${player.token}`, 400, 'deviceId is required']
	])('rejects %s', async (_name, query, status, reason) => {
		expect(await handshakeStatus(socketUrl(server, '/embywebsocket', query()))).toBe(status);
		const events = await logEvents(server, 'ws-rejected');
		expect(events.at(-1)?.reason).toBe(reason);
	});

	it('binds to the session of the deviceId query', async () => {
		const query = `api_key=${player.token}&deviceId=second-device`;
		const socket = await TestSocket.connect(socketUrl(server, '/embywebsocket', query));
		const opened = await waitForEvent(
			server,
			'ws-open',
			(event) => event.deviceId === 'second-device'
		);
		expect(opened.sessionId).toBe(sessionIdFor(TEST_CLIENT.client, 'second-device'));
		await socket.close();
	});

	it('sends no ForceKeepAlive and answers no KeepAlive', async () => {
		const query = `api_key=${player.token}&deviceId=${player.deviceId}`;
		const socket = await TestSocket.connect(socketUrl(server, '/embywebsocket', query));
		socket.send({ MessageType: 'KeepAlive' });
		await waitForEvent(server, 'ws-in', (event) => String(event.frame).includes('KeepAlive'));
		await sleep(200);
		expect(socket.messages).toEqual([]);
		await socket.close();
	});
});

describe('Emby commands', () => {
	let server: RunningServer;
	let player: Awaited<ReturnType<typeof openPlayer>>;
	let controller: ModeLogin;

	beforeAll(async () => {
		server = await startTestServer({ mode: 'emby' });
		player = await openPlayer(server, 'emby-player');
		controller = await embyLogin(server, 'emby-remote', 'Cue Remote');
	});

	afterAll(async () => {
		await player.socket.close();
		await server.close();
	});

	function control(path: string, body?: unknown) {
		const headers = { 'X-Emby-Token': controller.token };
		return request(server, 'POST', `/emby/Sessions/${player.sessionId}${path}`, { headers, body });
	}

	async function lastMessage(type: string) {
		await player.socket.next(type, 2000, player.socket.count(type) - 1);
		const messages = player.socket.messages.filter((message) => message.MessageType === type);
		return messages.at(-1)!;
	}

	it('sends envelopes without MessageId', async () => {
		expect((await control('/Playing/Pause')).status).toBe(204);
		const message = await player.socket.next('Playstate');
		expect(Object.keys(JSON.parse(message.raw) as object)).toEqual(['MessageType', 'Data']);
	});

	it.each(['PlayShuffle', 'PlayInstantMix'])('passes %s through unexpanded', async (command) => {
		const { album, colorBars } = server.itemIds;
		const count = player.socket.count('Play');
		const response = await control(`/Playing?ItemIds=${album},${colorBars}&PlayCommand=${command}`);
		expect(response.status).toBe(204);
		const message = await player.socket.next('Play', 2000, count);
		expect(message.Data).toMatchObject({ ItemIds: [album, colorBars], PlayCommand: command });
	});

	it('expands an album for PlayNow into decimal ids', async () => {
		const count = player.socket.count('Play');
		await control(`/Playing?ItemIds=${server.itemIds.album}&PlayCommand=PlayNow&StartIndex=1`);
		await player.socket.next('Play', 2000, count);
		const message = await lastMessage('Play');
		expect(message.Data).toMatchObject({
			ItemIds: server.itemIds.tracks,
			PlayCommand: 'PlayNow',
			StartIndex: 1,
			ControllingUserId: controller.userId
		});
	});

	it('relays SeekRelative with a signed offset', async () => {
		const count = player.socket.count('Playstate');
		const response = await control('/Playing/seekrelative?SeekPositionTicks=-100000000');
		expect(response.status).toBe(204);
		await player.socket.next('Playstate', 2000, count);
		const message = await lastMessage('Playstate');
		expect(message.Data).toMatchObject({ Command: 'SeekRelative', SeekPositionTicks: -100000000 });
	});

	it.each([...EMBY_ONLY_GENERAL_COMMANDS, 'SomethingNew'])(
		'relays the command %s',
		async (name) => {
			const count = player.socket.count('GeneralCommand');
			const response = await control('/Command', {
				Name: name,
				Arguments: { Value: 1.5, On: true }
			});
			expect(response.status).toBe(204);
			await player.socket.next('GeneralCommand', 2000, count);
			const message = await lastMessage('GeneralCommand');
			expect(message.Data).toEqual({
				Name: name,
				ControllingUserId: controller.userId,
				Arguments: { Value: '1.5', On: 'true' }
			});
		}
	);

	it('relays a named command of any name', async () => {
		const count = player.socket.count('GeneralCommand');
		expect((await control('/Command/SetSubtitleOffset')).status).toBe(204);
		await player.socket.next('GeneralCommand', 2000, count);
		expect((await lastMessage('GeneralCommand')).Data).toMatchObject({ Name: 'SetSubtitleOffset' });
	});

	it('takes message fields from the query', async () => {
		const count = player.socket.count('GeneralCommand');
		expect((await control('/Message?Text=Hello&Header=Note&TimeoutMs=5000')).status).toBe(204);
		await player.socket.next('GeneralCommand', 2000, count);
		const message = await lastMessage('GeneralCommand');
		expect(message.Data).toMatchObject({
			Name: 'DisplayMessage',
			Arguments: { Header: 'Note', Text: 'Hello', TimeoutMs: '5000' }
		});
	});

	it('answers 404 for an unknown session', async () => {
		const headers = { 'X-Emby-Token': controller.token };
		const response = await request(server, 'POST', '/emby/Sessions/ffff/Playing/Stop', { headers });
		expect(response.status).toBe(404);
	});

	it('pushes test messages without MessageId', async () => {
		const response = await fetch(
			`${server.url}/__test/sessions/${player.sessionId}/send?type=NotificationAdded`,
			{ method: 'POST', body: JSON.stringify({ Name: 'Backup done' }) }
		);
		expect(response.status).toBe(204);
		const message = await player.socket.next('NotificationAdded');
		expect(JSON.parse(message.raw)).toEqual({
			MessageType: 'NotificationAdded',
			Data: { Name: 'Backup done' }
		});
	});
});

describe('Emby idle sockets', () => {
	let server: RunningServer;

	beforeAll(async () => {
		server = await startTestServer({ mode: 'emby', embyIdleSocketSeconds: 0.3 });
	});

	afterAll(async () => {
		await server.close();
	});

	function sendPause(sessionId: string, token: string) {
		const headers = { 'X-Emby-Token': token };
		return request(server, 'POST', `/emby/Sessions/${sessionId}/Playing/Pause`, { headers });
	}

	it('stops delivering to a silent socket that stays open', async () => {
		const player = await openPlayer(server, 'emby-silent');
		const stale = await waitForEvent(
			server,
			'ws-stale',
			(event) => event.sessionId === player.sessionId
		);
		expect(stale.silentMs).toBeGreaterThanOrEqual(300);
		expect((await sendPause(player.sessionId, player.token)).status).toBe(204);
		const dropped = await waitForEvent(server, 'ws-dropped', (event) => event.reason === 'stale');
		expect(String(dropped.frame)).toContain('Playstate');
		await sleep(100);
		expect(player.socket.count('Playstate')).toBe(0);
		expect(player.socket.ws.readyState).toBe(player.socket.ws.OPEN);
		player.socket.send({ MessageType: 'KeepAlive' });
		await sleep(50);
		await sendPause(player.sessionId, player.token);
		await sleep(100);
		expect(player.socket.count('Playstate')).toBe(0);
		await player.socket.close();
	});

	it('keeps delivering to a socket that keeps talking', async () => {
		const player = await openPlayer(server, 'emby-chatty');
		const timer = setInterval(() => player.socket.send({ MessageType: 'KeepAlive' }), 100);
		await sleep(600);
		await sendPause(player.sessionId, player.token);
		await player.socket.next('Playstate');
		clearInterval(timer);
		await player.socket.close();
	});
});
