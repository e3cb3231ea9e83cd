import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from '../index.ts';
import { startTestServer, TEST_CLIENT } from '../test-helpers.ts';
import {
	embyLogin,
	logEvents,
	request,
	schemeHeader,
	testSession,
	type ModeLogin
} from './mode-test-helpers.ts';

let server: RunningServer;
let player: ModeLogin;

beforeAll(async () => {
	server = await startTestServer({ mode: 'emby' });
	player = await embyLogin(server, 'emby-http');
});

afterAll(async () => {
	await server.close();
});

/** Sends a request with the player's token in X-Emby-Token. */
function authed(method: string, path: string, body?: unknown): Promise<Response> {
	return request(server, method, path, { headers: { 'X-Emby-Token': player.token }, body });
}

describe('Emby discovery', () => {
	it('serves the API only under /emby', async () => {
		const bare = await request(server, 'GET', '/System/Info/Public');
		const prefixed = await request(server, 'GET', '/emby/System/Info/Public');
		const lowerCase = await request(server, 'GET', '/emby/system/info/public');
		expect(bare.status).toBe(404);
		expect(prefixed.status).toBe(200);
		expect(lowerCase.status).toBe(200);
	});

	it('reports Emby Server 4.8.11.0', async () => {
		const info = (await (
			await request(server, 'GET', '/emby/System/Info/Public')
		).json()) as Record<string, unknown>;
		expect(info.ProductName).toBe('Emby Server');
		expect(info.Version).toBe('4.8.11.0');
		expect(info.OperatingSystem).toBe('Linux');
		expect(info.Id).toMatch(/^[0-9a-f]{32}$/);
		expect(info.LocalAddresses).toEqual([server.url]);
		expect(info.RemoteAddresses).toEqual([server.url]);
		expect(info.WanAddress).toBe(server.url);
		expect(info.StartupWizardCompleted).toBe(true);
	});

	it('exposes apiUrl and decimal item ids', () => {
		expect(server.mode).toBe('emby');
		expect(server.apiUrl).toBe(`${server.url}/emby`);
		expect(server.itemIds.album).toMatch(/^\d+$/);
		expect(server.itemIds.tracks.every((id) => /^\d+$/.test(id))).toBe(true);
	});

	it('has no Quick Connect and no /Users/Me', async () => {
		expect((await request(server, 'GET', '/emby/QuickConnect/Enabled')).status).toBe(404);
		expect((await request(server, 'POST', '/emby/QuickConnect/Initiate')).status).toBe(404);
		expect((await authed('GET', '/emby/Users/Me')).status).toBe(404);
	});
});

describe('Emby sign-in and tokens', () => {
	it('returns the session id on sign-in', () => {
		expect(player.sessionId).toMatch(/^[0-9a-f]{32}$/);
		expect(player.userId).toMatch(/^[0-9a-f]{32}$/);
		expect(player.token).toMatch(/^[0-9a-f]{32}$/);
	});

	it('signs in with the Authorization header and the Emby scheme', async () => {
		const header = schemeHeader('Emby', { ...TEST_CLIENT, deviceId: 'plain', userId: '' });
		const response = await request(server, 'POST', '/emby/Users/AuthenticateByName', {
			headers: { Authorization: header },
			body: { Username: 'demo', Pw: 'demo' }
		});
		expect(response.status).toBe(200);
	});

	it('rejects a wrong password', async () => {
		const header = schemeHeader('Emby', { ...TEST_CLIENT, deviceId: 'wrong' });
		const response = await request(server, 'POST', '/emby/Users/AuthenticateByName', {
			headers: { 'X-Emby-Authorization': header },
			body: { Username: 'demo', Pw: 'nope' }
		});
		expect(response.status).toBe(401);
	});

	const fields = () => ({ ...TEST_CLIENT, deviceId: player.deviceId });
	it.each([
		[
			'X-Emby-Authorization with Token',
			() => ({
				'X-Emby-Authorization': schemeHeader('MediaBrowser', { ...fields(), token: player.token })
			}),
			''
		],
		[
			'Authorization with the Emby scheme',
			() => ({ Authorization: schemeHeader('Emby', { ...fields(), token: player.token }) }),
			''
		],
		['X-Emby-Token', () => ({ 'X-Emby-Token': player.token }), ''],
		['X-MediaBrowser-Token', () => ({ 'X-MediaBrowser-Token': player.token }), ''],
		['the api_key query', () => ({}), 'api_key']
	])('accepts %s', async (_name, headers, queryName) => {
		const query = queryName ? `?${queryName}=${player.token}` : '';
		const response = await request(server, 'GET', `/emby/System/Info${query}`, {
			headers: headers()
		});
		expect(response.status).toBe(200);
	});

	it.each([
		['the ApiKey query', () => ({}), 'ApiKey'],
		['a Bearer header', () => ({ Authorization: `Bearer ${player.token}` }), ''],
		['no token', () => ({}), '']
	])('rejects %s', async (_name, headers, queryName) => {
		const query = queryName ? `?${queryName}=${player.token}` : '';
		const response = await request(server, 'GET', `/emby/System/Info${query}`, {
			headers: headers()
		});
		expect(response.status).toBe(401);
	});
});

describe('Emby items', () => {
	const ids = () => server.itemIds;

	it('writes decimal item ids everywhere', async () => {
		const query = `Ids=${ids().album},${ids().colorBars}&Fields=MediaSources`;
		const response = await authed('GET', `/emby/Users/${player.userId}/Items?${query}`);
		const text = await response.text();
		const body = JSON.parse(text) as { Items: { Id: string; MediaSources?: { Id: string }[] }[] };
		expect(body.Items.map((item) => item.Id)).toEqual([ids().album, ids().colorBars]);
		expect(body.Items[1]?.MediaSources?.[0]?.Id).toBe(ids().colorBars);
		expect(text).not.toContain(DEMO_ITEM_IDS.album);
		expect(text).not.toContain(DEMO_ITEM_IDS.musicLibrary);
	});

	it('finds an item by its decimal id only', async () => {
		const byDecimal = await authed('GET', `/emby/Users/${player.userId}/Items/${ids().colorBars}`);
		const byGuid = await authed(
			'GET',
			`/emby/Users/${player.userId}/Items/${DEMO_ITEM_IDS.colorBars}`
		);
		expect(byDecimal.status).toBe(200);
		expect(((await byDecimal.json()) as { Id: string }).Id).toBe(ids().colorBars);
		expect(byGuid.status).toBe(404);
	});

	it('lists items without a user in the path', async () => {
		const response = await authed(
			'GET',
			`/emby/Items?Ids=${ids().longAudio}&UserId=${player.userId}`
		);
		const body = (await response.json()) as { Items: { Id: string }[] };
		expect(body.Items.map((item) => item.Id)).toEqual([ids().longAudio]);
	});

	it('answers InstantMix with decimal ids', async () => {
		const track = ids().tracks[0];
		const response = await authed('GET', `/emby/Items/${track}/InstantMix?UserId=${player.userId}`);
		const body = (await response.json()) as { Items: { Id: string }[] };
		expect(body.Items[0]?.Id).toBe(track);
		expect(body.Items.every((item) => /^\d+$/.test(item.Id))).toBe(true);
	});

	it('builds TranscodingUrl with api_key and decimal ids', async () => {
		const profile = {
			DirectPlayProfiles: [
				{ Container: 'mp4', Type: 'Video', VideoCodec: 'h264', AudioCodec: 'aac' }
			],
			TranscodingProfiles: [
				{ Container: 'ts', Type: 'Video', VideoCodec: 'h264', AudioCodec: 'aac', Protocol: 'hls' }
			]
		};
		const response = await authed(
			'POST',
			`/emby/Items/${ids().nightDrive}/PlaybackInfo?UserId=${player.userId}`,
			{
				DeviceProfile: profile
			}
		);
		const info = (await response.json()) as { MediaSources: { TranscodingUrl?: string }[] };
		const url = info.MediaSources[0]?.TranscodingUrl ?? '';
		expect(url).toContain(`/videos/${ids().nightDrive}/master.m3u8?`);
		expect(url).toContain(`MediaSourceId=${ids().nightDrive}`);
		expect(url).toContain(`api_key=${player.token}`);
		expect(url).not.toContain('ApiKey=');
		const playlist = await request(server, 'GET', `/emby${url}`);
		expect(playlist.status).toBe(200);
	});

	it('requires a token for streams', async () => {
		const path = `/emby/Videos/${ids().colorBars}/stream.mp4?Static=true&MediaSourceId=${ids().colorBars}`;
		const without = await request(server, 'HEAD', path);
		const withKey = await request(server, 'HEAD', `${path}&api_key=${player.token}`);
		const audio = await request(
			server,
			'HEAD',
			`/emby/Audio/${ids().tracks[0]}/stream?Static=true&api_key=${player.token}`
		);
		expect(without.status).toBe(401);
		expect(withKey.status).toBe(200);
		expect(audio.status).toBe(200);
	});

	it('serves images by decimal id without a token', async () => {
		const response = await request(server, 'GET', `/emby/Items/${ids().colorBars}/Images/Primary`);
		expect(response.status).toBe(200);
	});
});

describe('Emby capabilities', () => {
	it('requires the session Id', async () => {
		const body = {
			PlayableMediaTypes: ['Audio'],
			SupportedCommands: [],
			SupportsMediaControl: true
		};
		const missing = await authed('POST', '/emby/Sessions/Capabilities/Full', body);
		const unknown = await authed('POST', '/emby/Sessions/Capabilities/Full?Id=ffff', body);
		const queryForm = await authed('POST', '/emby/Sessions/Capabilities?PlayableMediaTypes=Audio');
		expect(missing.status).toBe(400);
		expect(unknown.status).toBe(404);
		expect(queryForm.status).toBe(400);
	});

	it('keeps command names Jellyfin does not know', async () => {
		const response = await authed(
			'POST',
			`/emby/Sessions/Capabilities/Full?Id=${player.sessionId}`,
			{
				PlayableMediaTypes: ['Audio', 'Video', 'Game'],
				SupportedCommands: ['SetVolume', 'SetPlaybackRate', 'SetSubtitleOffset'],
				SupportsMediaControl: true
			}
		);
		expect(response.status).toBe(204);
		const sessions = (await (
			await authed('GET', `/emby/Sessions?DeviceId=${player.deviceId}`)
		).json()) as {
			Id: string;
			SupportedCommands: string[];
			PlayableMediaTypes: string[];
		}[];
		expect(sessions.map((session) => session.Id)).toEqual([player.sessionId]);
		expect(sessions[0]?.SupportedCommands).toEqual([
			'SetVolume',
			'SetPlaybackRate',
			'SetSubtitleOffset'
		]);
		expect(sessions[0]?.PlayableMediaTypes).toEqual(['Audio', 'Video', 'Game']);
	});

	it('accepts the query form with the Id', async () => {
		const query = `Id=${player.sessionId}&PlayableMediaTypes=Audio,Video&SupportedCommands=MovePlaylistItem&SupportsMediaControl=true`;
		const response = await authed('POST', `/emby/Sessions/Capabilities?${query}`);
		expect(response.status).toBe(204);
		const entry = await testSession(server, player.sessionId);
		expect(entry?.session.SupportedCommands).toEqual(['MovePlaylistItem']);
	});
});

describe('Emby check-ins', () => {
	const start = () => ({ ItemId: server.itemIds.colorBars, PositionTicks: 0, CanSeek: true });

	it.each(['TimeUpdate', 'timeupdate', 'PAUSE', 'ShuffleChange', 'SubtitleOffsetChange'])(
		'accepts the EventName %s',
		async (eventName) => {
			const response = await authed('POST', '/emby/Sessions/Playing/Progress', {
				...start(),
				EventName: eventName
			});
			expect(response.status).toBe(204);
		}
	);

	it.each(['shufflequeuemodechange', 'Seek', 'time-update', ''])(
		'rejects the EventName "%s"',
		async (eventName) => {
			const response = await authed('POST', '/emby/Sessions/Playing/Progress', {
				...start(),
				EventName: eventName
			});
			expect(response.status).toBe(400);
		}
	);

	it('logs the EventName as the client spelled it', async () => {
		await authed('POST', '/emby/Sessions/Playing/Progress', {
			...start(),
			EventName: 'volumechange'
		});
		const events = await logEvents(server, 'http');
		const last = events.filter((event) => event.path === '/emby/Sessions/Playing/Progress').at(-1);
		expect((last?.body as { EventName?: string }).EventName).toBe('volumechange');
		expect((last?.body as { ItemId?: string }).ItemId).toBe(server.itemIds.colorBars);
	});

	it('records now playing with decimal ids and int64 queue ids', async () => {
		const [first, second] = server.itemIds.tracks;
		const response = await authed('POST', '/emby/Sessions/Playing', {
			ItemId: first,
			PositionTicks: 10_000_000,
			NowPlayingQueue: [
				{ Id: Number(first), PlaylistItemId: 'playlistItem0' },
				{ Id: Number(second), PlaylistItemId: 'playlistItem1' }
			],
			EventName: 'StateChange'
		});
		expect(response.status).toBe(204);
		const session = (await testSession(server, player.sessionId))?.session;
		expect(session?.NowPlayingItem?.Id).toBe(first);
		expect(session?.NowPlayingQueue.map((item) => item.Id)).toEqual([first, second]);
		expect(session?.PlayState.MediaSourceId).toBe(first);
	});

	it('answers 204 to a stop', async () => {
		const response = await authed('POST', '/emby/Sessions/Playing/Stopped', {
			ItemId: server.itemIds.tracks[0],
			PositionTicks: 20_000_000
		});
		expect(response.status).toBe(204);
	});
});

describe('Emby logout', () => {
	it('revokes the token', async () => {
		const other = await embyLogin(server, 'emby-logout');
		const headers = { 'X-Emby-Token': other.token };
		const logout = await request(server, 'POST', '/emby/Sessions/Logout', { headers });
		const after = await request(server, 'GET', '/emby/System/Info', { headers });
		expect(logout.status).toBe(204);
		expect(after.status).toBe(401);
	});
});
