import { expect, test, type Page } from '@playwright/test';

import {
	expectPlaying,
	expectServerMatches,
	mediaState,
	signInAndFindSession
} from './support/app';
import { library } from './support/library';
import { Remote, ticks } from './support/remote';
import { checkInBody, checkIns, logCursor, readLog, waitForEvent } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

async function queueNames(page: Page): Promise<string[]> {
	return page.getByTestId('queue').locator('li .name').allTextContents();
}

async function currentQueueName(page: Page): Promise<string | null> {
	return page.getByTestId('queue').locator('li[aria-current="true"] .name').textContent();
}

test('PlayNow starts at StartIndex and StartPositionTicks', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const tracks = library.tracks;
	await remote.play(
		session.Id,
		tracks.map((track) => track.Id),
		{ startIndex: 2, startPositionTicks: ticks(5) }
	);
	await expectPlaying(page);
	const media = await mediaState(page);
	expect(media.src).toContain(tracks[2].Id);
	expect(media.currentTime).toBeGreaterThanOrEqual(4.9);
	expect(await queueNames(page)).toEqual(tracks.map((track) => track.Name));
	expect(await currentQueueName(page)).toBe(tracks[2].Name);
	await expectServerMatches(page, remote, deviceId, { itemId: tracks[2].Id, paused: false });
});

test('PlayNow fetches all items in one request, in order', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const since = await logCursor();
	const ids = [library.tracks[3].Id, library.tracks[0].Id, library.videos[0].Id];
	await remote.play(session.Id, ids);
	await expectPlaying(page);
	const { events } = await readLog(since);
	const itemRequests = events.filter(
		(event) => event.kind === 'http' && event.deviceId === deviceId && event.path === '/Items'
	);
	expect(itemRequests).toHaveLength(1);
	expect(await queueNames(page)).toEqual([
		library.tracks[3].Name,
		library.tracks[0].Name,
		library.videos[0].Name
	]);
});

test('plays from PlaybackInfo with its PlaySessionId', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const since = await logCursor();
	await remote.play(session.Id, [library.tracks[0].Id]);
	const start = await waitForEvent(
		since,
		(event) => event.deviceId === deviceId && event.path === '/Sessions/Playing',
		'the start check-in'
	);
	const playbackInfo = (await readLog(since)).events.find(
		(event) =>
			event.deviceId === deviceId && event.path === `/Items/${library.tracks[0].Id}/PlaybackInfo`
	);
	expect(playbackInfo?.method).toBe('POST');
	const body = checkInBody(start);
	expect(body.PlaySessionId).toMatch(/^[0-9a-f]{32}$/);
	expect(body.MediaSourceId).toBeTruthy();
	expect(body.PlayMethod).toBe('DirectPlay');
	expect((await mediaState(page)).src).toContain('Static=true');
});

test('PlayNext inserts after the current item and PlayLast appends', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [t1, t2, t3, t4] = library.tracks;
	await remote.play(session.Id, [t1.Id, t2.Id, t3.Id], { startIndex: 1 });
	await expectPlaying(page);
	await remote.play(session.Id, [t4.Id], { command: 'PlayNext' });
	await expect.poll(() => queueNames(page)).toEqual([t1.Name, t2.Name, t4.Name, t3.Name]);
	await remote.play(session.Id, [library.videos[0].Id], { command: 'PlayLast' });
	await expect
		.poll(() => queueNames(page))
		.toEqual([t1.Name, t2.Name, t4.Name, t3.Name, library.videos[0].Name]);
	expect(await currentQueueName(page)).toBe(t2.Name);
	expect((await mediaState(page)).src).toContain(t2.Id);
	await expect
		.poll(async () => (await remote.session(deviceId))?.NowPlayingQueue?.map((entry) => entry.Id))
		.toEqual([t1.Id, t2.Id, t4.Id, t3.Id, library.videos[0].Id]);
});

test('PlayNext into an idle player starts playback', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.tracks[1].Id], { command: 'PlayNext' });
	await expectPlaying(page);
	expect((await mediaState(page)).src).toContain(library.tracks[1].Id);
});

test('StartPositionTicks of an hour starts at 3600 s', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const since = await logCursor();
	await remote.play(session.Id, [library.longAudio.Id], { startPositionTicks: 36_000_000_000 });
	await expectPlaying(page);
	const media = await mediaState(page);
	expect(Math.abs(media.currentTime - 3600)).toBeLessThan(2);
	const start = await waitForEvent(
		since,
		(event) => event.deviceId === deviceId && event.path === '/Sessions/Playing',
		'the start check-in'
	);
	const reported = Number(checkInBody(start).PositionTicks);
	expect(Math.abs(reported - 36_000_000_000)).toBeLessThanOrEqual(10_000_000);
});

test('plays a video and fills the stage', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.videos[0].Id]);
	await expectPlaying(page);
	const size = await page.evaluate(() => {
		const video = document.querySelector('video')!;
		return { width: video.videoWidth, shown: video.getBoundingClientRect().width };
	});
	expect(size.width).toBeGreaterThan(0);
	expect(size.shown).toBeGreaterThan(200);
	await expectServerMatches(page, remote, deviceId, {
		itemId: library.videos[0].Id,
		paused: false
	});
	expect((await checkIns(0, deviceId)).length).toBeGreaterThan(0);
});
