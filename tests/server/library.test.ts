import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ITEM_IDS, type RunningServer } from './index.ts';
import { call, login, startTestServer, type AuthFields } from './test-helpers.ts';

let server: RunningServer;
let auth: AuthFields;
let userId: string;

beforeAll(async () => {
	server = await startTestServer();
	({ auth, userId } = await login(server, 'library-reader'));
});

afterAll(async () => {
	await server.close();
});

async function getJson(path: string) {
	const response = await call(server, 'GET', path, { auth });
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

interface QueryResult {
	Items: Record<string, unknown>[];
	TotalRecordCount: number;
	StartIndex: number;
}

describe('items', () => {
	it('returns one track with every field', async () => {
		const track = DEMO_ITEM_IDS.tracks[0] ?? '';
		for (const path of [`/Users/${userId}/Items/${track}`, `/Items/${track}?userId=${userId}`]) {
			const item = await getJson(path);
			expect(item).toMatchObject({
				Name: 'First Light',
				Id: track,
				ServerId: server.serverId,
				Type: 'Audio',
				MediaType: 'Audio',
				RunTimeTicks: 240_000_000,
				Album: 'Tone Poems',
				AlbumId: DEMO_ITEM_IDS.album,
				AlbumArtist: 'The Test Signals',
				Artists: ['The Test Signals'],
				IndexNumber: 1,
				ImageTags: {}
			});
			expect(item.AlbumPrimaryImageTag).toMatch(/^[0-9a-f]{32}$/);
			expect(item.UserData).toMatchObject({ PlayCount: 0, Played: false, ItemId: track });
			expect(item.MediaSources).toHaveLength(1);
		}
	});

	it('returns 404 for an unknown item', async () => {
		const response = await call(server, 'GET', '/Items/ffffffffffffffffffffffffffffffff', { auth });
		expect(response.status).toBe(404);
	});

	it('returns ids in the order given', async () => {
		const ids = [
			DEMO_ITEM_IDS.colorBars,
			'ffffffffffffffffffffffffffffffff',
			DEMO_ITEM_IDS.tracks[3]
		];
		for (const path of [
			`/Items?ids=${ids.join(',')}&userId=${userId}`,
			`/Users/${userId}/Items?Ids=${ids.join(',')}`
		]) {
			const result = (await getJson(path)) as unknown as QueryResult;
			expect(result.Items.map((item) => item.Id)).toEqual([ids[0], ids[2]]);
			expect(result.TotalRecordCount).toBe(2);
			expect(result.StartIndex).toBe(0);
		}
	});

	it('writes MediaSources only when requested', async () => {
		const base = `/Items?ids=${DEMO_ITEM_IDS.colorBars}`;
		const plain = (await getJson(base)) as unknown as QueryResult;
		const withSources = (await getJson(
			`${base}&fields=MediaSources,Path`
		)) as unknown as QueryResult;
		expect(plain.Items[0]?.MediaSources).toBeUndefined();
		expect(withSources.Items[0]?.MediaSources).toHaveLength(1);
		expect(withSources.Items[0]?.Path).toBeDefined();
	});

	it('browses from the libraries down to the tracks', async () => {
		const roots = (await getJson('/Items')) as unknown as QueryResult;
		expect(roots.Items.map((item) => item.Name)).toEqual(['Music', 'Videos']);
		const music = (await getJson(
			`/Items?parentId=${DEMO_ITEM_IDS.musicLibrary}`
		)) as unknown as QueryResult;
		expect(music.Items.map((item) => item.Name)).toEqual(['Three-Hour Drone', 'Tone Poems']);
		const album = (await getJson(
			`/Items?parentId=${DEMO_ITEM_IDS.album}`
		)) as unknown as QueryResult;
		expect(album.Items.map((item) => item.Id)).toEqual(DEMO_ITEM_IDS.tracks);
	});

	it('returns an instant mix of other tracks', async () => {
		const mix = (await getJson(
			`/Items/${DEMO_ITEM_IDS.tracks[0]}/InstantMix`
		)) as unknown as QueryResult;
		expect(mix.Items.length).toBe(DEMO_ITEM_IDS.tracks.length);
	});
});

describe('PlaybackInfo', () => {
	it('returns the source and a new PlaySessionId', async () => {
		const path = `/Items/${DEMO_ITEM_IDS.colorBars}/PlaybackInfo`;
		const first = await call(server, 'POST', path, {
			auth,
			body: { UserId: userId, MaxStreamingBitrate: 140000000 }
		});
		const second = await call(server, 'POST', path, { auth });
		const firstBody = (await first.json()) as {
			MediaSources: Record<string, unknown>[];
			PlaySessionId: string;
		};
		const secondBody = (await second.json()) as { PlaySessionId: string };
		expect(firstBody.PlaySessionId).toMatch(/^[0-9a-f]{32}$/);
		expect(secondBody.PlaySessionId).not.toBe(firstBody.PlaySessionId);

		const [source] = firstBody.MediaSources;
		expect(source).toMatchObject({
			Protocol: 'File',
			Id: DEMO_ITEM_IDS.colorBars,
			Container: 'mov,mp4,m4a,3gp,3g2,mj2',
			RunTimeTicks: 120_000_000,
			SupportsDirectPlay: true,
			SupportsDirectStream: true,
			DefaultAudioStreamIndex: 1
		});
		expect(source?.Size).toBeGreaterThan(0);
		expect(source?.ETag).toMatch(/^[0-9a-f]{32}$/);

		const streams = source?.MediaStreams as Record<string, unknown>[];
		expect(streams.map((stream) => [stream.Index, stream.Type, stream.Codec])).toEqual([
			[0, 'Video', 'h264'],
			[1, 'Audio', 'aac']
		]);
	});

	it('returns 404 for an unknown item', async () => {
		const response = await call(
			server,
			'POST',
			'/Items/ffffffffffffffffffffffffffffffff/PlaybackInfo',
			{
				auth
			}
		);
		expect(response.status).toBe(404);
	});
});

describe('images', () => {
	it('serves the album cover without a token', async () => {
		const response = await call(
			server,
			'GET',
			`/Items/${DEMO_ITEM_IDS.album}/Images/Primary?maxWidth=300`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/jpeg');
		expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
	});

	it('returns 404 for a missing image', async () => {
		const track = await call(server, 'GET', `/Items/${DEMO_ITEM_IDS.tracks[0]}/Images/Primary`);
		const backdrop = await call(server, 'GET', `/Items/${DEMO_ITEM_IDS.colorBars}/Images/Backdrop`);
		expect(track.status).toBe(404);
		expect(backdrop.status).toBe(404);
	});
});
