import { expect, test } from '@playwright/test';

import {
	expectPaused,
	expectPlaying,
	expectServerMatches,
	mediaState,
	signInAndFindSession
} from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';
import { checkInBody, checkInKind, checkIns, logCursor, waitForEvent } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

test('local buttons act and report like remote commands', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [first, second] = library.tracks;
	await remote.play(session.Id, [first.Id, second.Id]);
	await expectPlaying(page);

	let since = await logCursor();
	await page.getByRole('button', { name: 'Pause' }).click();
	await expectPaused(page);
	await waitForEvent(
		since,
		(event) =>
			event.deviceId === deviceId &&
			event.path === '/Sessions/Playing/Progress' &&
			checkInBody(event).IsPaused === true,
		'a progress report for the local pause'
	);
	await expectServerMatches(page, remote, deviceId, { itemId: first.Id, paused: true });

	await page.getByRole('button', { name: 'Play' }).click();
	await expectPlaying(page);
	await expectServerMatches(page, remote, deviceId, { itemId: first.Id, paused: false });

	since = await logCursor();
	await page.getByRole('button', { name: 'Next' }).click();
	await expect.poll(async () => (await mediaState(page)).src).toContain(second.Id);
	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind))
		.toEqual(expect.arrayContaining(['stopped', 'start']));

	since = await logCursor();
	await page.getByRole('slider', { name: 'Volume' }).fill('40');
	await waitForEvent(
		since,
		(event) => event.path === '/Sessions/Playing/Progress' && checkInBody(event).VolumeLevel === 40,
		'a progress report with VolumeLevel 40'
	);
	expect((await mediaState(page)).volume).toBeCloseTo(0.4, 2);

	await page.getByRole('button', { name: 'Mute' }).click();
	await expect.poll(async () => (await mediaState(page)).muted).toBe(true);

	await page.getByRole('slider', { name: 'Seek' }).fill('10');
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThanOrEqual(10);
	await expectServerMatches(page, remote, deviceId, { itemId: second.Id, paused: false });

	since = await logCursor();
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind))
		.toContain('stopped');
	await expect.poll(async () => (await remote.session(deviceId))?.NowPlayingItem).toBeUndefined();
});

test('clicking a queue entry plays it', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const tracks = library.tracks.slice(0, 3);
	await remote.play(
		session.Id,
		tracks.map((track) => track.Id)
	);
	await expectPlaying(page);
	await page.getByTestId('queue').getByRole('button', { name: tracks[2].Name }).click();
	await expect.poll(async () => (await mediaState(page)).src).toContain(tracks[2].Id);
	await expectServerMatches(page, remote, deviceId, { itemId: tracks[2].Id, paused: false });
});

test('renaming the device updates the server session', async ({ page }) => {
	const { deviceId } = await signInAndFindSession(page, remote);
	await page.getByLabel('Device name').fill('Kitchen tablet, "left"');
	await page.getByRole('button', { name: 'Rename' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await expect
		.poll(async () => (await remote.session(deviceId))?.DeviceName)
		.toBe('Kitchen tablet, "left"');
	await page.reload();
	await expect(page.getByLabel('Device name')).toHaveValue('Kitchen tablet, "left"');
});
