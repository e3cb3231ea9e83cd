import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from './index.ts';
import {
	call,
	connectPlayer,
	login,
	sleep,
	startTestServer,
	type AuthFields
} from './test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server.close();
});

const TRACK = DEMO_ITEM_IDS.tracks[1] ?? '';
const SECOND = 10_000_000;

interface SessionDto {
	PlayState: Record<string, unknown>;
	NowPlayingItem?: Record<string, unknown>;
	NowPlayingQueue: unknown[];
	NowPlayingQueueFullItems: { Id: string }[];
	PlaylistItemId?: string;
	LastPlaybackCheckIn: string;
	LastPausedDate?: string;
}

async function ownSession(auth: AuthFields): Promise<SessionDto> {
	const response = await call(server, 'GET', `/Sessions?deviceId=${auth.deviceId}`, { auth });
	const [session] = (await response.json()) as SessionDto[];
	if (session === undefined) throw new Error(`no session for ${auth.deviceId}`);
	return session;
}

function checkIn(auth: AuthFields, path: string, body: unknown) {
	return call(server, 'POST', `/Sessions/Playing${path}`, { auth, body });
}

describe('playback check-ins', () => {
	it('fills NowPlayingItem and PlayState from a start report', async () => {
		const { auth } = await login(server, 'checkin-start');
		const response = await checkIn(auth, '', {
			ItemId: TRACK,
			PositionTicks: 0,
			IsPaused: true,
			IsMuted: false,
			VolumeLevel: 80,
			CanSeek: true,
			PlayMethod: 'DirectPlay',
			RepeatMode: 'RepeatAll',
			PlaybackOrder: 'Shuffle',
			PlaySessionId: 'c0ffee00c0ffee00c0ffee00c0ffee00'
		});
		expect(response.status).toBe(204);
		const session = await ownSession(auth);
		expect(session.NowPlayingItem?.Id).toBe(TRACK);
		expect(session.NowPlayingItem?.Name).toBe('Second Wind');
		expect(session.NowPlayingItem?.MediaStreams).toHaveLength(1);
		expect(session.NowPlayingItem?.MediaSources).toBeUndefined();
		expect(session.PlayState).toEqual({
			PositionTicks: 0,
			CanSeek: true,
			IsPaused: true,
			IsMuted: false,
			VolumeLevel: 80,
			MediaSourceId: TRACK,
			PlayMethod: 'DirectPlay',
			RepeatMode: 'RepeatAll',
			PlaybackOrder: 'Shuffle'
		});
		expect(session.LastPlaybackCheckIn).not.toBe('0001-01-01T00:00:00.0000000Z');
		expect(session.LastPausedDate).toBeDefined();
	});

	it('accepts nulls and maps Transcode', async () => {
		const { auth } = await login(server, 'checkin-nulls');
		const response = await checkIn(auth, '', {
			CanSeek: true,
			Item: null,
			ItemId: TRACK,
			SessionId: null,
			MediaSourceId: null,
			PositionTicks: '50000000',
			PlayMethod: 'Transcode',
			NowPlayingQueue: null
		});
		expect(response.status).toBe(204);
		const session = await ownSession(auth);
		expect(session.PlayState.PlayMethod).toBe('DirectPlay');
		expect(session.PlayState.PositionTicks).toBe(50000000);
	});

	it('extrapolates the position while playing', async () => {
		const { auth } = await login(server, 'checkin-extrapolate');
		await checkIn(auth, '/Progress', {
			ItemId: TRACK,
			PositionTicks: 10 * SECOND,
			IsPaused: false
		});
		await sleep(2100);
		const playing = await ownSession(auth);
		// Two or three whole seconds have passed, depending on how fast the requests ran.
		expect([12 * SECOND, 13 * SECOND]).toContain(playing.PlayState.PositionTicks);
		await checkIn(auth, '/Progress', { ItemId: TRACK, PositionTicks: 20 * SECOND, IsPaused: true });
		await sleep(1100);
		const paused = await ownSession(auth);
		expect(paused.PlayState.PositionTicks).toBe(20 * SECOND);
	});

	it('stops extrapolating before the runtime', async () => {
		const { auth } = await login(server, 'checkin-runtime');
		const runtime = 37 * SECOND;
		await checkIn(auth, '/Progress', { ItemId: TRACK, PositionTicks: runtime - SECOND / 2 });
		await sleep(1100);
		expect((await ownSession(auth)).PlayState.PositionTicks).toBe(runtime - SECOND / 2);
	});

	it('stores the queue and its full items', async () => {
		const { auth } = await login(server, 'checkin-queue');
		const queue = DEMO_ITEM_IDS.tracks.map((id, index) => ({
			Id: id,
			PlaylistItemId: `playlistItem${index}`
		}));
		await checkIn(auth, '/Progress', {
			ItemId: TRACK,
			NowPlayingQueue: queue,
			PlaylistItemId: 'playlistItem1'
		});
		const session = await ownSession(auth);
		expect(session.NowPlayingQueue).toEqual(queue);
		expect(session.NowPlayingQueueFullItems.map((item) => item.Id)).toEqual(DEMO_ITEM_IDS.tracks);
		expect(session.PlaylistItemId).toBe('playlistItem1');
	});

	it('clears now-playing state on stop', async () => {
		const { auth } = await login(server, 'checkin-stop');
		await checkIn(auth, '', { ItemId: TRACK, PositionTicks: SECOND });
		const negative = await checkIn(auth, '/Stopped', { ItemId: TRACK, PositionTicks: -1 });
		expect(negative.status).toBe(400);
		const stopped = await checkIn(auth, '/Stopped', { ItemId: TRACK, PositionTicks: 5 * SECOND });
		expect(stopped.status).toBe(204);
		const session = await ownSession(auth);
		expect(session.NowPlayingItem).toBeUndefined();
		expect(session.PlayState).toEqual({
			CanSeek: false,
			IsPaused: false,
			IsMuted: false,
			RepeatMode: 'RepeatNone',
			PlaybackOrder: 'Default'
		});
	});

	it('accepts Ping with a playSessionId', async () => {
		const { auth } = await login(server, 'checkin-ping');
		const ok = await call(server, 'POST', '/Sessions/Playing/Ping?playSessionId=abc', { auth });
		const missing = await call(server, 'POST', '/Sessions/Playing/Ping', { auth });
		expect(ok.status).toBe(204);
		expect(missing.status).toBe(400);
	});

	it('rejects an empty body', async () => {
		const { auth } = await login(server, 'checkin-empty');
		const response = await call(server, 'POST', '/Sessions/Playing', { auth, body: '' });
		expect(response.status).toBe(400);
	});
});

describe('UserDataChanged', () => {
	it('announces start and stop after 500 ms', async () => {
		// A server of its own, so no earlier test has played the track.
		const freshServer = await startTestServer();
		const player = await connectPlayer(freshServer, 'user-data-player');
		const checkIn = (path: string, body: unknown) =>
			call(freshServer, 'POST', `/Sessions/Playing${path}`, { auth: player.auth, body });
		const started = Date.now();
		await checkIn('', { ItemId: TRACK, PositionTicks: 0 });
		const message = await player.socket.next('UserDataChanged', 2000);
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
		const data = message.Data as { UserId: string; UserDataList: Record<string, unknown>[] };
		expect(data.UserId).toBe(player.userId);
		expect(data.UserDataList.map((entry) => entry.ItemId)).toEqual([TRACK, DEMO_ITEM_IDS.album]);
		expect(data.UserDataList[0]).toMatchObject({ PlayCount: 1, Played: true, IsFavorite: false });
		expect(data.UserDataList[1]).toMatchObject({ UnplayedItemCount: 4, Played: false });

		await checkIn('/Progress', { ItemId: TRACK, PositionTicks: SECOND });
		await sleep(700);
		expect(player.socket.count('UserDataChanged')).toBe(1);
		await checkIn('/Stopped', { ItemId: TRACK, PositionTicks: 2 * SECOND });
		await player.socket.next('UserDataChanged', 2000, 1);
		await player.socket.close();
		await freshServer.close();
	});
});

describe('idle playback', () => {
	it('stops a session that stops checking in', async () => {
		const idleServer = await startTestServer({ idlePlaybackTimeoutSeconds: 1 });
		const { auth } = await login(idleServer, 'idle-player');
		await call(idleServer, 'POST', '/Sessions/Playing', { auth, body: { ItemId: TRACK } });
		// The check runs every second, so the stop comes 1 to 2 s after the check-in.
		await sleep(2600);
		const response = await call(idleServer, 'GET', '/Sessions?deviceId=idle-player', { auth });
		const [session] = (await response.json()) as SessionDto[];
		expect(session?.NowPlayingItem).toBeUndefined();
		await idleServer.close();
	});
});
