import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from './index.ts';
import {
	call,
	connectPlayer,
	login,
	postPlayerCapabilities,
	sleep,
	startTestServer,
	TestSocket,
	type AuthFields
} from './test-helpers.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server.close();
});

interface SessionDto {
	Id: string;
	DeviceId: string;
	Capabilities: Record<string, unknown>;
	SupportedCommands: string[];
	PlayableMediaTypes: string[];
	SupportsRemoteControl: boolean;
	SupportsMediaControl: boolean;
}

async function listSessions(auth: AuthFields, query = ''): Promise<SessionDto[]> {
	const response = await call(server, 'GET', `/Sessions${query}`, { auth });
	expect(response.status).toBe(200);
	return (await response.json()) as SessionDto[];
}

async function ownSession(auth: AuthFields): Promise<SessionDto | undefined> {
	const sessions = await listSessions(auth, `?deviceId=${auth.deviceId}`);
	return sessions[0];
}

describe('capabilities', () => {
	it('stores a full ClientCapabilitiesDto', async () => {
		const { auth } = await login(server, 'caps-full');
		const response = await call(server, 'POST', '/Sessions/Capabilities/Full', {
			auth,
			body: {
				PlayableMediaTypes: ['audio', 'Video'],
				SupportedCommands: ['SetVolume', 'displaymessage'],
				SupportsMediaControl: true
			}
		});
		expect(response.status).toBe(204);
		const session = await ownSession(auth);
		expect(session?.PlayableMediaTypes).toEqual(['Audio', 'Video']);
		expect(session?.SupportedCommands).toEqual(['SetVolume', 'DisplayMessage']);
		expect(session?.Capabilities.SupportsMediaControl).toBe(true);
		expect(session?.Capabilities.SupportsPersistentIdentifier).toBe(false);
		// Media control needs an open socket too.
		expect(session?.SupportsRemoteControl).toBe(false);
	});

	it('rejects unknown names in arrays', async () => {
		const { auth } = await login(server, 'caps-unknown');
		for (const body of [
			{ SupportedCommands: ['SetVolume', 'SetPlaybackRate'] },
			{ PlayableMediaTypes: ['Audio', 'Game'] }
		]) {
			const response = await call(server, 'POST', '/Sessions/Capabilities/Full', { auth, body });
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
		}
	});

	it('drops unknown names from strings', async () => {
		const { auth } = await login(server, 'caps-string');
		const response = await call(server, 'POST', '/Sessions/Capabilities/Full', {
			auth,
			body: { SupportedCommands: 'SetVolume,SetPlaybackRate', PlayableMediaTypes: 'Audio' }
		});
		expect(response.status).toBe(204);
		expect((await ownSession(auth))?.SupportedCommands).toEqual(['SetVolume']);
	});

	it('accepts the query form and its defaults', async () => {
		const { auth } = await login(server, 'caps-query');
		const query =
			'?playableMediaTypes=Audio,Video&supportedCommands=Mute,Unmute&supportsMediaControl=true';
		const response = await call(server, 'POST', `/Sessions/Capabilities${query}`, { auth });
		expect(response.status).toBe(204);
		const session = await ownSession(auth);
		expect(session?.SupportedCommands).toEqual(['Mute', 'Unmute']);
		expect(session?.Capabilities.SupportsPersistentIdentifier).toBe(true);
		const invalid = await call(server, 'POST', '/Sessions/Capabilities?supportsMediaControl=yes', {
			auth
		});
		expect(invalid.status).toBe(400);
	});

	it('returns 404 for an unknown ?id=', async () => {
		const { auth } = await login(server, 'caps-id');
		const response = await call(server, 'POST', '/Sessions/Capabilities/Full?id=nope', {
			auth,
			body: { SupportsMediaControl: true }
		});
		expect(response.status).toBe(404);
	});

	it('re-applies capabilities after reconnect', async () => {
		const player = await connectPlayer(server, 'caps-reconnect');
		await player.socket.close();
		await sleep(50);
		const socket = await TestSocket.open(server, `ApiKey=${player.token}`);
		await socket.next('ForceKeepAlive');
		const session = await ownSession(player.auth);
		expect(session?.Id).toBe(player.sessionId);
		expect(session?.SupportsRemoteControl).toBe(true);
		expect(session?.SupportedCommands).toContain('SetVolume');
		await socket.close();
	});
});

describe('GET /Sessions', () => {
	it('writes SessionInfoDto in server order', async () => {
		const { auth } = await login(server, 'dto-order');
		const response = await call(server, 'GET', '/Sessions?deviceId=dto-order', { auth });
		const [session] = (await response.json()) as Record<string, unknown>[];
		// The order of a GET /Sessions body captured from a 10.11.11 server.
		expect(Object.keys(session ?? {})).toEqual([
			'PlayState',
			'AdditionalUsers',
			'Capabilities',
			'RemoteEndPoint',
			'PlayableMediaTypes',
			'Id',
			'UserId',
			'UserName',
			'Client',
			'LastActivityDate',
			'LastPlaybackCheckIn',
			'DeviceName',
			'DeviceId',
			'ApplicationVersion',
			'IsActive',
			'SupportsMediaControl',
			'SupportsRemoteControl',
			'NowPlayingQueue',
			'NowPlayingQueueFullItems',
			'HasCustomDeviceName',
			'ServerId',
			'SupportedCommands'
		]);
		expect(session?.PlayState).toEqual({
			CanSeek: false,
			IsPaused: false,
			IsMuted: false,
			RepeatMode: 'RepeatNone',
			PlaybackOrder: 'Default'
		});
	});

	it('lists only controllable sessions', async () => {
		const player = await connectPlayer(server, 'listed-player');
		const remote = await login(server, 'listed-remote');
		const noSocket = await login(server, 'listed-no-socket');
		await postPlayerCapabilities(server, noSocket.auth);

		const sessions = await listSessions(remote.auth, `?controllableByUserId=${remote.userId}`);
		const ids = sessions.map((session) => session.DeviceId);
		expect(ids).toContain('listed-player');
		expect(ids).not.toContain('listed-remote');
		expect(ids).not.toContain('listed-no-socket');
		expect(sessions.every((session) => session.SupportsRemoteControl)).toBe(true);
		await player.socket.close();
	});

	it("hides other users' sessions", async () => {
		const guestPlayer = await login(server, 'guest-player', { name: 'guest', password: 'guest' });
		await postPlayerCapabilities(server, guestPlayer.auth);
		const socket = await TestSocket.open(server, `ApiKey=${guestPlayer.token}`);
		const remote = await login(server, 'demo-remote');
		const controllable = await listSessions(remote.auth, `?controllableByUserId=${remote.userId}`);
		const all = await listSessions(remote.auth);
		expect(controllable.map((session) => session.DeviceId)).not.toContain('guest-player');
		expect(all.map((session) => session.DeviceId)).not.toContain('guest-player');
		await socket.close();
	});

	it('forbids naming another user', async () => {
		const remote = await login(server, 'forbidden-remote');
		const guest = await login(server, 'forbidden-guest', { name: 'guest', password: 'guest' });
		const response = await call(server, 'GET', `/Sessions?controllableByUserId=${guest.userId}`, {
			auth: remote.auth
		});
		expect(response.status).toBe(403);
	});

	it('filters by deviceId and activeWithinSeconds', async () => {
		const { auth } = await login(server, 'filter-device');
		expect((await listSessions(auth, '?deviceId=FILTER-DEVICE')).length).toBe(1);
		expect(
			(await listSessions(auth, '?deviceId=FILTER-DEVICE&activeWithinSeconds=60')).length
		).toBe(1);
		await sleep(1100);
		expect((await listSessions(auth, '?deviceId=filter-device&activeWithinSeconds=1')).length).toBe(
			0
		);
	});
});
