import { expect, test, type Page } from '@playwright/test';

import {
	expectPaused,
	expectPlaying,
	expectServerMatches,
	mediaState,
	signInAndFindSession
} from './support/app';
import { library } from './support/library';
import { Remote, ticks, type SessionDto } from './support/remote';
import { checkInBody, checkInKind, checkIns, logCursor } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

/** Signs in and starts the album at its first track. */
async function startAlbum(page: Page): Promise<{ deviceId: string; session: SessionDto }> {
	const found = await signInAndFindSession(page, remote);
	await remote.play(
		found.session.Id,
		library.tracks.map((track) => track.Id)
	);
	await expectPlaying(page);
	return found;
}

async function pauseEvents(page: Page): Promise<number> {
	return page.evaluate(() => (window as unknown as { pauseEvents?: number }).pauseEvents ?? 0);
}

test('Pause and Unpause are absolute', async ({ page }) => {
	const { deviceId, session } = await startAlbum(page);
	await page.evaluate(() => {
		const counter = window as unknown as { pauseEvents: number };
		counter.pauseEvents = 0;
		document.querySelector('video')!.addEventListener('pause', () => counter.pauseEvents++);
	});
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	await expectServerMatches(page, remote, deviceId, { itemId: library.tracks[0].Id, paused: true });
	const pausedAt = (await mediaState(page)).currentTime;

	await remote.playstate(session.Id, 'Pause');
	await page.waitForTimeout(500);
	expect((await mediaState(page)).paused).toBe(true);
	expect((await mediaState(page)).currentTime).toBeCloseTo(pausedAt, 1);
	expect(await pauseEvents(page)).toBe(1);

	await remote.playstate(session.Id, 'Unpause');
	await expectPlaying(page);
	await remote.playstate(session.Id, 'Unpause');
	await page.waitForTimeout(500);
	expect((await mediaState(page)).paused).toBe(false);
	await expectServerMatches(page, remote, deviceId, {
		itemId: library.tracks[0].Id,
		paused: false
	});
});

test('PlayPause toggles', async ({ page }) => {
	const { deviceId, session } = await startAlbum(page);
	await remote.playstate(session.Id, 'PlayPause');
	await expectPaused(page);
	await expectServerMatches(page, remote, deviceId, { itemId: library.tracks[0].Id, paused: true });
	await remote.playstate(session.Id, 'PlayPause');
	await expectPlaying(page);
	await expectServerMatches(page, remote, deviceId, {
		itemId: library.tracks[0].Id,
		paused: false
	});
});

test('Seek moves to SeekPositionTicks and reports it', async ({ page }) => {
	const { deviceId, session } = await startAlbum(page);
	const since = await logCursor();
	await remote.playstate(session.Id, 'Seek', ticks(12));
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThanOrEqual(12);
	expect((await mediaState(page)).currentTime).toBeLessThan(14);
	await expect
		.poll(async () => {
			const reports = await checkIns(since, deviceId);
			return reports.some((event) => Number(checkInBody(event).PositionTicks) >= ticks(12));
		})
		.toBe(true);
	await expectServerMatches(page, remote, deviceId, {
		itemId: library.tracks[0].Id,
		paused: false
	});
});

test('Seek just past the end is clamped to the length', async ({ page }) => {
	const { session } = await startAlbum(page);
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	const length = library.tracks[0].seconds;
	await remote.playstate(session.Id, 'Seek', ticks(length + 5));
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThan(length - 1);
	expect((await mediaState(page)).currentTime).toBeLessThanOrEqual(length + 0.01);
});

test('Seek far past the end changes nothing', async ({ page }) => {
	const { session } = await startAlbum(page);
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	const before = await mediaState(page);
	await remote.playstate(session.Id, 'Seek', ticks(100_000));
	await page.waitForTimeout(500);
	const after = await mediaState(page);
	expect(after.src).toBe(before.src);
	expect(after.currentTime).toBeCloseTo(before.currentTime, 1);
});

test('Rewind and FastForward skip 10 s back and 30 s forward', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id], { startPositionTicks: ticks(100) });
	await expectPlaying(page);
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	const start = (await mediaState(page)).currentTime;
	await remote.playstate(session.Id, 'FastForward');
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeCloseTo(start + 30, 0);
	await remote.playstate(session.Id, 'Rewind');
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeCloseTo(start + 20, 0);
});

test('NextTrack and PreviousTrack move through the queue', async ({ page }) => {
	const { deviceId, session } = await startAlbum(page);
	const [first, second] = library.tracks;
	await remote.playstate(session.Id, 'NextTrack');
	await expect.poll(async () => (await mediaState(page)).src).toContain(second.Id);
	await expectPlaying(page);
	await expectServerMatches(page, remote, deviceId, { itemId: second.Id, paused: false });
	await remote.playstate(session.Id, 'PreviousTrack');
	await expect.poll(async () => (await mediaState(page)).src).toContain(first.Id);
	await expectServerMatches(page, remote, deviceId, { itemId: first.Id, paused: false });
});

test('PreviousTrack restarts an item that is a few seconds in', async ({ page }) => {
	const { session } = await startAlbum(page);
	await remote.playstate(session.Id, 'NextTrack');
	await expect.poll(async () => (await mediaState(page)).src).toContain(library.tracks[1].Id);
	await remote.playstate(session.Id, 'Seek', ticks(8));
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThan(8);
	await remote.playstate(session.Id, 'PreviousTrack');
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeLessThan(3);
	expect((await mediaState(page)).src).toContain(library.tracks[1].Id);
});

test('Stop ends playback and clears the now-playing item', async ({ page }) => {
	const { deviceId, session } = await startAlbum(page);
	const since = await logCursor();
	await remote.playstate(session.Id, 'Stop');
	await expect.poll(async () => (await mediaState(page)).src).toBe('');
	await expect.poll(async () => (await remote.session(deviceId))?.NowPlayingItem).toBeUndefined();
	const reports = await checkIns(since, deviceId);
	expect(reports.map(checkInKind)).toContain('stopped');
	await expect(page.getByText('The queue is empty.')).toBeVisible();
});

test('Stop while paused reports Stopped at the paused position', async ({ page }) => {
	const { deviceId, session } = await startAlbum(page);
	await remote.playstate(session.Id, 'Seek', ticks(6));
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	const since = await logCursor();
	await remote.playstate(session.Id, 'Stop');
	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind))
		.toContain('stopped');
	const stopped = (await checkIns(since, deviceId)).find(
		(event) => checkInKind(event) === 'stopped'
	);
	const position = Number(checkInBody(stopped!).PositionTicks);
	expect(position).toBeGreaterThanOrEqual(ticks(6));
	expect(position).toBeLessThan(ticks(7));
	await expect.poll(async () => (await remote.session(deviceId))?.NowPlayingItem).toBeUndefined();
});
