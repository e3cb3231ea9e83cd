import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from '../index.ts';
import { sleep, startTestServer, TEST_CLIENT, TestSocket } from '../test-helpers.ts';
import {
	handshakeStatus,
	logEvents,
	mediaBrowserLogin,
	request,
	testSession,
	waitForEvent,
	type ModeLogin
} from './mode-test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer({ mode: 'mediabrowser' });
});

afterAll(async () => {
	await server.close();
});

function legacySocketUrl(path = '/mediabrowser'): string {
	return `ws://127.0.0.1:${server.legacySocketPort}${path}`;
}

function identity(deviceId: string, client = TEST_CLIENT.client): object {
	return { MessageType: 'Identity', Data: `${client}|${deviceId}|0.0.1|Vitest` };
}

/** Signs in, opens a socket on the separate port and identifies it with `client`. */
async function openPlayer(deviceId: string, client = TEST_CLIENT.client) {
	const login = await mediaBrowserLogin(server, deviceId);
	const socket = await TestSocket.connect(legacySocketUrl());
	socket.send(identity(deviceId, client));
	return { ...login, socket };
}

function sendTest(sessionId: string, type: string, data?: unknown): Promise<Response> {
	const body = data === undefined ? undefined : JSON.stringify(data);
	const url = `${server.url}/__test/sessions/${sessionId}/send?type=${type}`;
	return fetch(url, { method: 'POST', body });
}

describe('MediaBrowser socket server', () => {
	it('listens on its own port at /mediabrowser', async () => {
		expect(server.legacySocketPort).toBeGreaterThan(0);
		expect(server.legacySocketPort).not.toBe(server.port);
		expect(await handshakeStatus(legacySocketUrl('/socket'))).toBe(404);
		const plain = await fetch(`http://127.0.0.1:${server.legacySocketPort}/mediabrowser`);
		expect(plain.status).toBe(404);
	});

	it('takes no socket on the HTTP port', async () => {
		const { token } = await mediaBrowserLogin(server, 'mb-http-port');
		const base = server.url.replace('http', 'ws');
		expect(await handshakeStatus(`${base}/mediabrowser?api_key=${token}`)).toBe(404);
		expect(await handshakeStatus(`${base}/socket?api_key=${token}`)).toBe(404);
	});

	it('accepts a socket without credentials and sends nothing', async () => {
		const socket = await TestSocket.connect(legacySocketUrl());
		socket.send({ MessageType: 'KeepAlive' });
		await sleep(200);
		expect(socket.messages).toEqual([]);
		const opened = (await logEvents(server, 'ws-open')).at(-1);
		expect(opened?.sessionId).toBeUndefined();
		await socket.close();
	});
});

describe('MediaBrowser Identity', () => {
	let player: Awaited<ReturnType<typeof openPlayer>>;
	let controller: ModeLogin;

	beforeAll(async () => {
		player = await openPlayer('mb-player');
		controller = await mediaBrowserLogin(server, 'mb-remote', 'Cue Remote');
		await waitForEvent(server, 'ws-bound', (event) => event.sessionId === player.sessionId);
	});

	afterAll(async () => {
		await player.socket.close();
	});

	function control(path: string, body?: unknown): Promise<Response> {
		const headers = { 'X-MediaBrowser-Token': controller.token };
		return request(server, 'POST', `/mediabrowser/Sessions/${player.sessionId}${path}`, {
			headers,
			body
		});
	}

	it('binds the socket to the signed-in session', async () => {
		const entry = await testSession(server, player.sessionId);
		expect(entry?.openSocketCount).toBe(1);
		expect(entry?.session.SupportsRemoteControl).toBe(true);
	});

	it('delivers commands without MessageId', async () => {
		expect((await control('/Playing/Pause')).status).toBe(204);
		const message = await player.socket.next('Playstate');
		expect(JSON.parse(message.raw)).toEqual({
			MessageType: 'Playstate',
			Data: { Command: 'Pause', ControllingUserId: controller.userId }
		});
	});

	it.each([
		['/Playing/Rewind', 204],
		['/Playing/FastForward', 204],
		['/Playing/PlayPause', 400],
		['/Command/DisplayMessage', 204],
		['/Command/SetRepeatMode', 400]
	])('answers %s with %i', async (path, status) => {
		expect((await control(path)).status).toBe(status);
	});

	it('passes PlayShuffle through', async () => {
		const count = player.socket.count('Play');
		const query = `ItemIds=${DEMO_ITEM_IDS.album}&PlayCommand=PlayShuffle`;
		expect((await control(`/Playing?${query}`)).status).toBe(204);
		const message = await player.socket.next('Play', 2000, count);
		expect(message.Data).toMatchObject({
			ItemIds: [DEMO_ITEM_IDS.album],
			PlayCommand: 'PlayShuffle'
		});
	});

	it.each([
		['UserDataChanged', { UserId: 'u', UserDataList: [] }],
		['UserDeleted', 'u'],
		['UserUpdated', { Name: 'demo' }],
		['NotificationAdded', { Name: 'Done' }],
		['NotificationUpdated', { Name: 'Done' }],
		['NotificationsMarkedRead', { Ids: ['1'], IsRead: true }],
		['RestartRequired', ''],
		['ServerRestarting', ''],
		['ServerShuttingDown', ''],
		['Play', { ItemIds: [DEMO_ITEM_IDS.colorBars], PlayCommand: 'PlayNow' }],
		['Playstate', { Command: 'Stop' }]
	])('sends %s from the test API', async (type, data) => {
		const count = player.socket.count(type);
		expect((await sendTest(player.sessionId, type, data)).status).toBe(204);
		const message = await player.socket.next(type, 2000, count);
		expect(JSON.parse(message.raw)).toEqual({ MessageType: type, Data: data });
	});

	it('leaves a socket of another client unbound', async () => {
		const other = await openPlayer('mb-wrong-client', 'Other App');
		const unbound = await waitForEvent(
			server,
			'ws-unbound',
			(event) => event.identity !== undefined
		);
		expect(unbound.reason).toBe('Unable to determine session based on identity message');
		expect(unbound.identity).toBe('Other App|mb-wrong-client|0.0.1|Vitest');
		expect((await sendTest(other.sessionId, 'Playstate', { Command: 'Stop' })).status).toBe(404);
		other.socket.send({
			MessageType: 'ReportPlaybackStart',
			Data: { ItemId: DEMO_ITEM_IDS.colorBars }
		});
		const checkIn = await waitForEvent(
			server,
			'ws-checkin',
			(event) => event.type === 'ReportPlaybackStart' && event.accepted === false
		);
		expect(checkIn.error).toBe('no session');
		expect(other.socket.ws.readyState).toBe(other.socket.ws.OPEN);
		await other.socket.close();
	});
});

describe('MediaBrowser socket check-ins', () => {
	let player: Awaited<ReturnType<typeof openPlayer>>;
	const itemId = DEMO_ITEM_IDS.colorBars;

	beforeAll(async () => {
		player = await openPlayer('mb-checkins');
		await waitForEvent(server, 'ws-bound', (event) => event.sessionId === player.sessionId);
	});

	afterAll(async () => {
		await player.socket.close();
	});

	async function checkIn(type: string, data: unknown) {
		const before = (await logEvents(server, 'ws-checkin')).length;
		player.socket.send({ MessageType: type, Data: data });
		for (;;) {
			const events = await logEvents(server, 'ws-checkin');
			if (events.length > before) return events.at(-1)!;
			await sleep(10);
		}
	}

	async function session() {
		return (await testSession(server, player.sessionId))?.session;
	}

	it('applies ReportPlaybackStart with an object', async () => {
		const event = await checkIn('ReportPlaybackStart', {
			ItemId: itemId,
			CanSeek: true,
			PositionTicks: 0
		});
		expect(event).toMatchObject({
			type: 'ReportPlaybackStart',
			accepted: true,
			sessionId: player.sessionId
		});
		expect((await session())?.NowPlayingItem?.Id).toBe(itemId);
	});

	it('applies ReportPlaybackProgress with a JSON string', async () => {
		const body = { ItemId: itemId, PositionTicks: 30_000_000, IsPaused: true, EventName: 'pause' };
		const event = await checkIn('ReportPlaybackProgress', JSON.stringify(body));
		expect(event.body).toEqual(body);
		const current = await session();
		expect(current?.PlayState.PositionTicks).toBe(30_000_000);
		expect(current?.PlayState.IsPaused).toBe(true);
	});

	it('applies the pipe-delimited PlaybackProgress', async () => {
		const data = `${itemId}|60000000|false|true|${itemId}|80|1|-1`;
		const event = await checkIn('PlaybackProgress', data);
		expect(event.body).toEqual({
			ItemId: itemId,
			PositionTicks: 60_000_000,
			IsPaused: false,
			IsMuted: true,
			MediaSourceId: itemId,
			VolumeLevel: 80,
			AudioStreamIndex: 1,
			SubtitleStreamIndex: -1
		});
		const current = await session();
		expect(current?.PlayState.PositionTicks).toBe(60_000_000);
		expect(current?.PlayState.IsPaused).toBe(false);
	});

	it('ignores a check-in it cannot read', async () => {
		const event = await checkIn('PlaybackProgress', `${itemId}|soon`);
		expect(event.accepted).toBe(false);
		expect(player.socket.ws.readyState).toBe(player.socket.ws.OPEN);
	});

	it('applies the pipe-delimited PlaybackStopped', async () => {
		const event = await checkIn('PlaybackStopped', `${itemId}|90000000|${itemId}`);
		expect(event.accepted).toBe(true);
		expect((await session())?.NowPlayingItem).toBeUndefined();
	});

	it('applies ReportPlaybackStopped', async () => {
		await checkIn('PlaybackStart', `${itemId}|true|Audio,Video|${itemId}|1|-1`);
		expect((await session())?.NowPlayingItem?.Id).toBe(itemId);
		const event = await checkIn('ReportPlaybackStopped', { ItemId: itemId, PositionTicks: 1 });
		expect(event.accepted).toBe(true);
		expect((await session())?.NowPlayingItem).toBeUndefined();
	});
});

describe('MediaBrowser restarts', () => {
	it('sends the SystemInfo as RestartRequired Data', async () => {
		const player = await openPlayer('mb-restart');
		await waitForEvent(server, 'ws-bound', (event) => event.sessionId === player.sessionId);
		expect((await fetch(`${server.url}/__test/restart-required`, { method: 'POST' })).status).toBe(
			204
		);
		const message = await player.socket.next('RestartRequired');
		expect(message.MessageId).toBeUndefined();
		expect(message.Data).toMatchObject({
			HasPendingRestart: true,
			WebSocketPortNumber: server.legacySocketPort,
			Version: '3.0.5482.0'
		});
		await fetch(`${server.url}/__test/restart`, { method: 'POST' });
		const restarting = await player.socket.next('ServerRestarting');
		expect(JSON.parse(restarting.raw)).toEqual({ MessageType: 'ServerRestarting', Data: '' });
		expect(await player.socket.closed).toEqual({ code: 1000, reason: 'System Shutdown' });
	});
});
