import { expect, test, type Page } from '@playwright/test';

import { expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote, ticks, type SessionDto } from './support/remote';
import {
	checkInBody,
	checkInKind,
	checkIns,
	logCursor,
	readLog,
	sendRawFrame,
	waitForEvent
} from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

async function startTracks(
	page: Page,
	count: number
): Promise<{ deviceId: string; session: SessionDto }> {
	const found = await signInAndFindSession(page, remote);
	await remote.play(
		found.session.Id,
		library.tracks.slice(0, count).map((track) => track.Id)
	);
	await expectPlaying(page);
	return found;
}

/** Waits for the next progress report from the device that satisfies `predicate`. */
function nextProgress(
	since: number,
	deviceId: string,
	predicate: (body: Record<string, unknown>) => boolean,
	description: string
) {
	return waitForEvent(
		since,
		(event) =>
			event.deviceId === deviceId &&
			event.path === '/Sessions/Playing/Progress' &&
			predicate(checkInBody(event)),
		description
	);
}

const queueNames = (page: Page) => page.getByTestId('queue').locator('li .name').allTextContents();

test('SetRepeatMode RepeatOne replays the item at its end', async ({ page }) => {
	const { deviceId, session } = await startTracks(page, 2);
	const since = await logCursor();
	await remote.command(session.Id, 'SetRepeatMode', { RepeatMode: 'RepeatOne' });
	await nextProgress(since, deviceId, (body) => body.RepeatMode === 'RepeatOne', 'RepeatOne');
	await expect(page.getByRole('button', { name: 'Repeat one' })).toBeVisible();

	const beforeEnd = await logCursor();
	await remote.playstate(session.Id, 'Seek', ticks(library.tracks[0].seconds - 1));
	await expect
		.poll(async () => (await checkIns(beforeEnd, deviceId)).map(checkInKind), { timeout: 15_000 })
		.toContain('start');
	const start = (await checkIns(beforeEnd, deviceId)).find(
		(event) => checkInKind(event) === 'start'
	);
	expect(checkInBody(start!).ItemId).toBe(library.tracks[0].Id);
});

test('SetRepeatMode RepeatAll wraps at the end of the queue', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [first, second] = library.tracks;
	await remote.play(session.Id, [first.Id, second.Id], { startIndex: 1 });
	await expectPlaying(page);
	await remote.command(session.Id, 'SetRepeatMode', { RepeatMode: 'RepeatAll' });
	await expect(page.getByRole('button', { name: 'Repeat all' })).toBeVisible();
	const since = await logCursor();
	await remote.playstate(session.Id, 'Seek', ticks(second.seconds - 1));
	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind), { timeout: 15_000 })
		.toContain('start');
	expect((await mediaState(page)).src).toContain(first.Id);
});

test('SetShuffleQueue shuffles around the current item and restores', async ({ page }) => {
	const { deviceId, session } = await startTracks(page, 5);
	const sorted = library.tracks.map((track) => track.Name);
	await remote.playstate(session.Id, 'NextTrack');
	await expect.poll(async () => (await mediaState(page)).src).toContain(library.tracks[1].Id);

	let since = await logCursor();
	await remote.command(session.Id, 'SetShuffleQueue', { ShuffleMode: 'Shuffle' });
	await nextProgress(since, deviceId, (body) => body.PlaybackOrder === 'Shuffle', 'Shuffle order');
	const shuffled = await queueNames(page);
	expect(shuffled[0]).toBe(library.tracks[1].Name);
	expect([...shuffled].sort()).toEqual([...sorted].sort());
	expect((await mediaState(page)).src).toContain(library.tracks[1].Id);

	since = await logCursor();
	await remote.command(session.Id, 'SetShuffleQueue', { ShuffleMode: 'Sorted' });
	await nextProgress(since, deviceId, (body) => body.PlaybackOrder === 'Default', 'Default order');
	await expect.poll(() => queueNames(page)).toEqual(sorted);
	await expect(page.getByTestId('queue').locator('li[aria-current="true"] .name')).toHaveText(
		library.tracks[1].Name
	);
});

test('ToggleFullscreen fills the window and back', async ({ page }) => {
	const { session } = await startTracks(page, 1);
	const isFull = () =>
		page.evaluate(
			() =>
				document.fullscreenElement !== null ||
				document.querySelector('.main-column.expanded') !== null
		);
	await remote.command(session.Id, 'ToggleFullscreen');
	await expect.poll(isFull).toBe(true);
	await remote.command(session.Id, 'ToggleFullscreen');
	await expect.poll(isFull).toBe(false);
});

test('SetMaxStreamingBitrate applies to the next PlaybackInfo', async ({ page }) => {
	const { deviceId, session } = await startTracks(page, 2);
	await remote.command(session.Id, 'SetMaxStreamingBitrate', { Bitrate: 3_000_000 });
	const since = await logCursor();
	await remote.playstate(session.Id, 'NextTrack');
	const request = await waitForEvent(
		since,
		(event) => event.deviceId === deviceId && (event.path ?? '').endsWith('/PlaybackInfo'),
		'the next PlaybackInfo request'
	);
	expect((request.body as Record<string, unknown>).MaxStreamingBitrate).toBe(3_000_000);
});

test('PlayMediaSource plays the item with its source', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const video = library.videos[0];
	const since = await logCursor();
	await remote.command(session.Id, 'PlayMediaSource', {
		ItemId: video.Id,
		MediaSourceId: video.Id,
		StartPositionTicks: ticks(2)
	});
	await expectPlaying(page);
	expect((await mediaState(page)).src).toContain(video.Id);
	expect((await mediaState(page)).currentTime).toBeGreaterThanOrEqual(2);
	const { events } = await readLog(since);
	const info = events.find(
		(event) => event.deviceId === deviceId && event.path === `/Items/${video.Id}/PlaybackInfo`
	);
	expect((info?.body as Record<string, unknown>).MediaSourceId).toBe(video.Id);
});

test('DisplayContent shows a card that Back and GoHome close', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	const card = page.getByTestId('info-card');
	await remote.command(session.Id, 'DisplayContent', {
		ItemId: library.videos[1].Id,
		ItemName: library.videos[1].Name,
		ItemType: 'Movie'
	});
	await expect(card).toContainText(library.videos[1].Name);
	await remote.command(session.Id, 'Back');
	await expect(card).toHaveCount(0);
	await remote.command(session.Id, 'DisplayContent', { ItemId: library.albumId });
	await expect(card).toContainText('Tone Poems');
	await remote.command(session.Id, 'GoHome');
	await expect(card).toHaveCount(0);
});

test('SetPlaybackRate from Emby and the local control', async ({ page }) => {
	const { deviceId, session } = await startTracks(page, 1);
	// Jellyfin cannot relay this Emby command, so the frame goes straight onto the socket.
	const frame = {
		MessageType: 'GeneralCommand',
		MessageId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
		Data: { Name: 'SetPlaybackRate', Arguments: { PlaybackRate: '1.5' } }
	};
	let since = await logCursor();
	await sendRawFrame(session.Id, JSON.stringify(frame));
	await expect
		.poll(async () => page.evaluate(() => document.querySelector('video')!.playbackRate))
		.toBe(1.5);
	await nextProgress(since, deviceId, (body) => body.PlaybackRate === 1.5, 'PlaybackRate 1.5');

	since = await logCursor();
	await page.getByLabel('Speed').selectOption('0.75');
	await nextProgress(since, deviceId, (body) => body.PlaybackRate === 0.75, 'PlaybackRate 0.75');
});

test('invalid arguments are ignored and logged', async ({ page }) => {
	const { session } = await startTracks(page, 1);
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'warning') warnings.push(message.text());
	});
	await remote.command(session.Id, 'SetVolume', { Volume: 40 });
	await expect.poll(async () => (await mediaState(page)).volume).toBeCloseTo(0.4, 2);
	for (const volume of ['abc', '', '150', '-3']) {
		await remote.command(session.Id, 'SetVolume', { Volume: volume });
	}
	await remote.command(session.Id, 'SetRepeatMode', { RepeatMode: 'RepeatSometimes' });
	await remote.command(session.Id, 'SetShuffleQueue', { ShuffleMode: 'Chaos' });
	await remote.command(session.Id, 'Mute');
	await expect.poll(async () => (await mediaState(page)).muted).toBe(true);
	expect((await mediaState(page)).volume).toBeCloseTo(0.4, 2);
	const ignored = page.getByTestId('command-log').locator('[data-outcome="ignored"]');
	await expect(ignored).toHaveCount(6);
	await expect(ignored.first()).toContainText('invalid');
	await expect.poll(() => warnings.filter((text) => text.includes(': invalid ')).length).toBe(6);
});
