import { expect, test } from '@playwright/test';

import { EMBY_ONLY_COMMANDS } from '../../src/lib/protocol/commands';
import { deviceIdOf, expectPaused, expectPlaying, mediaState } from './support/app';
import { ticks, type SessionDto } from './support/remote';
import { checkInsOf, useModeServer } from './support/server-modes';

const server = useModeServer('emby');

test('speaks Emby headers, socket and capabilities', async ({ page }) => {
	const since = await server().cursor();
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	const session = await server().controllableSession(deviceId);
	const events = await server().events(since);

	const probes = events.filter(
		(event) => event.method === 'GET' && event.path?.endsWith('/System/Info/Public')
	);
	expect(probes.slice(0, 2).map((event) => [event.path, event.status])).toEqual([
		['/System/Info/Public', 404],
		['/emby/System/Info/Public', 200]
	]);
	const opened = events.find((event) => event.kind === 'ws-open');
	expect(opened?.path).toBe('/embywebsocket');
	expect(opened?.query).toEqual({ api_key: '[token]', deviceId });
	const capabilities = events.find(
		(event) => event.method === 'POST' && event.path === '/emby/Sessions/Capabilities/Full'
	);
	expect(capabilities?.query?.Id).toBe(session.Id);
	expect(capabilities?.status).toBe(204);
	for (const name of EMBY_ONLY_COMMANDS) expect(session.SupportedCommands).toContain(name);
	const failed = events.filter((event) => event.kind === 'http' && (event.status ?? 0) >= 400);
	// Only the probe of the address without a prefix fails.
	expect(failed.length).toBeGreaterThan(0);
	for (const event of failed)
		expect([event.method, event.path]).toEqual(['GET', '/System/Info/Public']);
});

async function queueIds(deviceId: string): Promise<string[]> {
	const session = await server().remote.session(deviceId);
	return (session?.NowPlayingQueue ?? []).map((entry) => entry.PlaylistItemId);
}

async function startTracks(page: import('@playwright/test').Page) {
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	const session: SessionDto = await server().controllableSession(deviceId);
	const { tracks } = await server().library();
	await server().remote.play(session.Id, tracks.slice(0, 4));
	await expectPlaying(page);
	await expect.poll(() => queueIds(deviceId)).toHaveLength(4);
	return { deviceId, session, tracks };
}

test('obeys the Emby-only commands', async ({ page }) => {
	const since = await server().cursor();
	const { deviceId, session, tracks } = await startTracks(page);

	await server().remote.playstate(session.Id, 'Seek', ticks(20));
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeCloseTo(20, 0);
	await server().remote.playstate(session.Id, 'SeekRelative', -ticks(8));
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeCloseTo(12, 0);

	await server().remote.command(session.Id, 'SetPlaybackRate', { PlaybackRate: '1.5' });
	await expect
		.poll(() => page.evaluate(() => document.querySelector('video')!.playbackRate))
		.toBe(1.5);
	await server().remote.command(session.Id, 'SetSubtitleOffset', { SubtitleOffset: '2' });

	const [first, second, third, fourth] = await queueIds(deviceId);
	await server().remote.command(session.Id, 'MovePlaylistItem', {
		PlaylistItemId: fourth,
		NewIndex: 1
	});
	await expect.poll(() => queueIds(deviceId)).toEqual([first, fourth, second, third]);
	await server().remote.command(session.Id, 'RemoveFromPlaylist', { PlaylistItemIds: second });
	await expect.poll(() => queueIds(deviceId)).toEqual([first, fourth, third]);
	await server().remote.command(session.Id, 'SetCurrentPlaylistItem', { PlaylistItemId: third });
	await expect
		.poll(async () => (await server().remote.session(deviceId))?.NowPlayingItem?.Id)
		.toBe(tracks[2]);
	await expectPlaying(page);

	const names = checkInsOf(await server().events(since), deviceId, session.Id).map(
		(checkIn) => checkIn.body.EventName
	);
	for (const name of [
		'PlaybackRateChange',
		'SubtitleOffsetChange',
		'PlaylistItemMove',
		'PlaylistItemRemove'
	]) {
		expect(names).toContain(name);
	}
});

test('keeps the socket alive through two idle hours', async ({ page }) => {
	test.setTimeout(90_000);
	await page.clock.install();
	const { deviceId, session } = await startTracks(page);
	const since = await server().cursor();
	// Emby sends no ForceKeepAlive, so every KeepAlive here comes from Cue's own timer. The two
	// hours pass a minute at a time, so the page's requests and socket keep up between steps.
	for (let minute = 0; minute < 120; minute++) await page.clock.runFor(60_000);
	const keepAlives = (await server().events(since)).filter(
		(event) => event.kind === 'ws-in' && event.frame === '{"MessageType":"KeepAlive"}'
	);
	expect(keepAlives.length).toBeGreaterThanOrEqual(239);
	expect((await server().events(since)).some((event) => event.kind === 'ws-stale')).toBe(false);

	const beforePause = await server().cursor();
	await server().remote.playstate(session.Id, 'Pause');
	await expect.poll(async () => (await mediaState(page)).paused, { timeout: 1000 }).toBe(true);
	await expectPaused(page);
	const paused = await server().waitFor(
		beforePause,
		(event) =>
			event.method === 'POST' &&
			event.path === '/emby/Sessions/Playing/Progress' &&
			event.deviceId === deviceId &&
			(event.body as { IsPaused?: boolean }).IsPaused === true,
		'a paused progress report',
		20_000
	);
	expect(paused.status).toBe(204);
});
