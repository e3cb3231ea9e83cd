import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from './index.ts';
import { call, connectPlayer, login, startTestServer, type LoginResult } from './test-helpers.ts';

let server: RunningServer;
let player: Awaited<ReturnType<typeof connectPlayer>>;
let remote: LoginResult;
const ZERO_ID = '00000000000000000000000000000000';

beforeAll(async () => {
	server = await startTestServer();
	player = await connectPlayer(server, 'command-target');
	remote = await login(server, 'command-remote');
});

afterAll(async () => {
	await player.socket.close();
	await server.close();
});

/** Posts a controller request and returns the message the player's socket got. */
async function command(path: string, body?: unknown) {
	const before = player.socket.messages.length;
	const response = await call(server, 'POST', `/Sessions/${player.sessionId}${path}`, {
		auth: remote.auth,
		body
	});
	expect(response.status).toBe(204);
	for (let attempt = 0; attempt < 200; attempt++) {
		const message = player.socket.messages[before];
		if (message) return { message, envelope: JSON.parse(message.raw) as Record<string, unknown> };
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error(`no message after POST ${path}`);
}

describe('Play', () => {
	it('expands albums and drops unknown ids', async () => {
		const unknown = 'ffffffffffffffffffffffffffffffff';
		const ids = [DEMO_ITEM_IDS.album, unknown, DEMO_ITEM_IDS.colorBars].join(',');
		const { envelope } = await command(
			`/Playing?playCommand=PlayNow&itemIds=${ids}&startPositionTicks=15694430000&startIndex=0&audioStreamIndex=1&subtitleStreamIndex=2&mediaSourceId=${DEMO_ITEM_IDS.tracks[0]}`
		);
		expect(Object.keys(envelope)).toEqual(['MessageType', 'MessageId', 'Data']);
		expect(envelope.MessageType).toBe('Play');
		expect(envelope.MessageId).toMatch(/^[0-9a-f]{32}$/);
		const data = envelope.Data as Record<string, unknown>;
		// Same properties, in the same order, as the PlayRequest the server writes.
		expect(Object.keys(data)).toEqual([
			'ItemIds',
			'StartPositionTicks',
			'PlayCommand',
			'ControllingUserId',
			'SubtitleStreamIndex',
			'AudioStreamIndex',
			'MediaSourceId',
			'StartIndex'
		]);
		expect(data.ItemIds).toEqual([...DEMO_ITEM_IDS.tracks, DEMO_ITEM_IDS.colorBars]);
		expect(data.StartPositionTicks).toBe(15694430000);
		expect(data.ControllingUserId).toBe(remote.userId);
	});

	it('leaves out absent optional fields', async () => {
		const { envelope } = await command(
			`/Playing?playCommand=playnext&itemIds=${DEMO_ITEM_IDS.colorBars}`
		);
		expect(envelope.Data).toEqual({
			ItemIds: [DEMO_ITEM_IDS.colorBars],
			PlayCommand: 'PlayNext',
			ControllingUserId: remote.userId
		});
	});

	it('turns PlayShuffle and PlayInstantMix into PlayNow', async () => {
		const shuffled = await command(
			`/Playing?playCommand=PlayShuffle&itemIds=${DEMO_ITEM_IDS.album}`
		);
		const shuffleData = shuffled.envelope.Data as { PlayCommand: string; ItemIds: string[] };
		expect(shuffleData.PlayCommand).toBe('PlayNow');
		expect([...shuffleData.ItemIds].sort()).toEqual([...DEMO_ITEM_IDS.tracks].sort());
		const mix = await command(
			`/Playing?playCommand=PlayInstantMix&itemIds=${DEMO_ITEM_IDS.tracks[2]}`
		);
		const mixData = mix.envelope.Data as { PlayCommand: string; ItemIds: string[] };
		expect(mixData.PlayCommand).toBe('PlayNow');
		expect(mixData.ItemIds).toContain(DEMO_ITEM_IDS.tracks[0]);
	});

	it('rejects a missing or unknown playCommand', async () => {
		for (const query of [`itemIds=${DEMO_ITEM_IDS.colorBars}`, 'playCommand=PlayLater&itemIds=']) {
			const response = await call(
				server,
				'POST',
				`/Sessions/${player.sessionId}/Playing?${query}`,
				{
					auth: remote.auth
				}
			);
			expect(response.status).toBe(400);
		}
	});
});

describe('Playstate', () => {
	it('sends Seek with numeric ticks', async () => {
		const { envelope } = await command('/Playing/seek?seekPositionTicks=6000000000');
		expect(envelope.MessageType).toBe('Playstate');
		expect(envelope.Data).toEqual({
			Command: 'Seek',
			SeekPositionTicks: 6000000000,
			ControllingUserId: remote.userId
		});
	});

	it.each([
		['playpause', 'PlayPause'],
		['Pause', 'Pause'],
		['UNPAUSE', 'Unpause'],
		['stop', 'Stop'],
		['nextTrack', 'NextTrack'],
		['previoustrack', 'PreviousTrack'],
		['rewind', 'Rewind'],
		['fastforward', 'FastForward']
	])('maps %s to %s', async (given, canonical) => {
		const { envelope } = await command(`/Playing/${given}`);
		expect(envelope.Data).toEqual({ Command: canonical, ControllingUserId: remote.userId });
	});

	it('rejects an unknown command', async () => {
		const response = await call(server, 'POST', `/Sessions/${player.sessionId}/Playing/Jump`, {
			auth: remote.auth
		});
		expect(response.status).toBe(400);
	});
});

describe('GeneralCommand', () => {
	it('stringifies argument values', async () => {
		const { envelope } = await command('/Command', {
			Name: 'SetVolume',
			ControllingUserId: ZERO_ID,
			Arguments: { Volume: 35 }
		});
		expect(envelope.MessageType).toBe('GeneralCommand');
		expect(envelope.Data).toEqual({
			Name: 'SetVolume',
			ControllingUserId: remote.userId,
			Arguments: { Volume: '35' }
		});
	});

	it('sends named commands with empty arguments', async () => {
		for (const path of ['/Command/mute', '/System/ToggleFullscreen']) {
			const { envelope } = await command(path);
			expect(Object.keys(envelope.Data as object)).toEqual([
				'Name',
				'ControllingUserId',
				'Arguments'
			]);
			expect((envelope.Data as { Arguments: object }).Arguments).toEqual({});
		}
	});

	it('rejects a name outside the enum', async () => {
		const body = { Name: 'SetPlaybackRate', Arguments: { PlaybackRate: '2' } };
		const full = await call(server, 'POST', `/Sessions/${player.sessionId}/Command`, {
			auth: remote.auth,
			body
		});
		const named = await call(server, 'POST', `/Sessions/${player.sessionId}/Command/Dance`, {
			auth: remote.auth
		});
		expect(full.status).toBe(400);
		expect(named.status).toBe(400);
	});

	it('builds DisplayMessage with defaults', async () => {
		const { envelope } = await command('/Message', { Text: 'Dinner is ready', TimeoutMs: 5000 });
		expect(envelope.Data).toEqual({
			Name: 'DisplayMessage',
			ControllingUserId: ZERO_ID,
			Arguments: { Header: 'Message from Server', Text: 'Dinner is ready', TimeoutMs: '5000' }
		});
	});

	it('builds DisplayContent from the Viewing query', async () => {
		const query = `itemType=Movie&itemId=${DEMO_ITEM_IDS.colorBars}&itemName=Color%20Bars`;
		const { envelope } = await command(`/Viewing?${query}`);
		expect(envelope.Data).toEqual({
			Name: 'DisplayContent',
			ControllingUserId: ZERO_ID,
			Arguments: { ItemId: DEMO_ITEM_IDS.colorBars, ItemName: 'Color Bars', ItemType: 'Movie' }
		});
	});
});

describe('controller errors', () => {
	it('returns 404 for an unknown session', async () => {
		const response = await call(
			server,
			'POST',
			'/Sessions/0123456789abcdef0123456789abcdef/Command/Mute',
			{
				auth: remote.auth
			}
		);
		expect(response.status).toBe(404);
		expect(await response.text()).toBe('Error processing request.');
	});

	it('drops commands for a session without socket', async () => {
		const idle = await login(server, 'no-socket-target');
		const response = await call(server, 'POST', `/Sessions/${idle.sessionId}/Command/Mute`, {
			auth: remote.auth
		});
		expect(response.status).toBe(204);
	});
});
