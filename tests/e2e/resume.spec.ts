import { expect, test, type Page } from '@playwright/test';

import {
	expectControllable,
	expectPaused,
	expectPlaying,
	expectServerMatches,
	mediaState,
	signInAndFindSession
} from './support/app';
import { checkInFrom } from './support/check-ins';
import { library } from './support/library';
import { Remote, SERVER_URL, ticks } from './support/remote';
import { savedResumes } from './support/resume-record';
import { checkInBody, checkInKind, checkIns, logCursor, waitForEvent } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

const RESUME = /^Resume/;

async function queueNames(page: Page): Promise<string[]> {
	return page.getByTestId('queue').locator('li .name').allTextContents();
}

async function currentQueueName(page: Page): Promise<string | null> {
	return page.getByTestId('queue').locator('li[aria-current="true"] .name').textContent();
}

/** Returns the position Cue last wrote to the demo user's resume record, or null without one. */
async function savedPosition(page: Page): Promise<number | null> {
	const record = (await savedResumes(page)).find((saved) => saved.userId === remote.userId);
	return record?.positionSeconds ?? null;
}

/** Plays the album from its second track and seeks to 10 s. */
async function playAlbumAt10Seconds(page: Page, sessionId: string) {
	const tracks = library.tracks.slice(0, 3);
	await remote.play(
		sessionId,
		tracks.map((track) => track.Id),
		{ startIndex: 1 }
	);
	await expectPlaying(page);
	await remote.playstate(sessionId, 'Seek', ticks(10));
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThanOrEqual(10);
	return { tracks, current: tracks[1] };
}

/**
 * Closes the page the way a crash or a killed tab ends it, so Cue's pagehide and visibilitychange
 * listeners never run. Capturing listeners on the event's target run before the others.
 */
async function closeWithoutPageEvents(page: Page): Promise<void> {
	await page.evaluate(() => {
		const swallow = (event: Event) => event.stopImmediatePropagation();
		window.addEventListener('pagehide', swallow, { capture: true });
		document.addEventListener('visibilitychange', swallow, { capture: true });
	});
	await page.close();
}

function isStoppedFor(deviceId: string, itemId: string) {
	return checkInFrom(deviceId, 'stopped', (body) => body.ItemId === itemId);
}

test('reload resumes paused at the same place', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const { tracks, current } = await playAlbumAt10Seconds(page, session.Id);
	const queueBefore = (await remote.session(deviceId))?.NowPlayingQueue;
	const positionBefore = (await mediaState(page)).currentTime;

	await page.reload();
	await expectControllable(page);
	await expect.poll(async () => (await mediaState(page)).src).toContain(current.Id);
	await expect(page.getByRole('button', { name: RESUME })).toBeVisible();
	await page.screenshot({ path: 'test-results/layout-resume.png' });
	expect(await queueNames(page)).toEqual(tracks.map((track) => track.Name));
	expect(await currentQueueName(page)).toBe(current.Name);

	await expect.poll(async () => (await mediaState(page)).readyState).toBeGreaterThanOrEqual(1);
	const restored = await mediaState(page);
	expect(restored.paused).toBe(true);
	expect(restored.currentTime).toBeGreaterThanOrEqual(positionBefore - 0.5);
	expect(restored.currentTime).toBeLessThan(positionBefore + 1.5);
	await expectServerMatches(page, remote, deviceId, { itemId: current.Id, paused: true });
	expect((await remote.session(deviceId))?.NowPlayingQueue).toEqual(queueBefore);

	const since = await logCursor();
	await page.getByRole('button', { name: RESUME }).click();
	await expectPlaying(page);
	expect((await mediaState(page)).currentTime).toBeGreaterThanOrEqual(positionBefore - 0.5);
	const start = await waitForEvent(
		since,
		checkInFrom(deviceId, 'start'),
		'a start check-in after Resume'
	);
	expect(checkInBody(start).ItemId).toBe(current.Id);
	expect(checkInBody(start).IsPaused).toBe(false);
	await expect(page.getByRole('button', { name: RESUME })).toHaveCount(0);
});

test('leaving the page reports Stopped with keepalive', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const firstCheckIns = await logCursor();
	const { current } = await playAlbumAt10Seconds(page, session.Id);
	const start = await waitForEvent(
		firstCheckIns,
		checkInFrom(deviceId, 'start', (body) => body.ItemId === current.Id),
		'the start check-in'
	);
	const position = (await mediaState(page)).currentTime;

	const since = await logCursor();
	await page.goto('about:blank');
	const stopped = await waitForEvent(since, isStoppedFor(deviceId, current.Id), 'a Stopped report');
	const body = checkInBody(stopped);
	expect(stopped.status).toBe(204);
	expect(body.PlaySessionId).toBe(checkInBody(start).PlaySessionId);
	expect(body.PlaylistItemId).toBe(checkInBody(start).PlaylistItemId);
	const seconds = Number(body.PositionTicks) / 10_000_000;
	expect(seconds).toBeGreaterThanOrEqual(position - 0.5);
	expect(seconds).toBeLessThan(position + 2);
	await expect.poll(async () => (await remote.session(deviceId))?.NowPlayingItem).toBeUndefined();

	// The resume record outlives the exit, so coming back restores the item, paused.
	await page.goto('/');
	await expect(page.getByRole('button', { name: RESUME })).toBeVisible();
	await expectPaused(page);
	await expectServerMatches(page, remote, deviceId, { itemId: current.Id, paused: true });
});

test('closing the page reports Stopped', async ({ page, context }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const { current } = await playAlbumAt10Seconds(page, session.Id);
	const since = await logCursor();
	await page.close();
	const stopped = await waitForEvent(since, isStoppedFor(deviceId, current.Id), 'a Stopped report');
	expect(Number(checkInBody(stopped).PositionTicks)).toBeGreaterThanOrEqual(ticks(9.5));
	await context.close();
});

test('a killed tab resumes and closes its play session', async ({ page, context }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const playing = await logCursor();
	const { current } = await playAlbumAt10Seconds(page, session.Id);
	const started = checkInBody(
		await waitForEvent(
			playing,
			checkInFrom(deviceId, 'start', (body) => body.ItemId === current.Id),
			'the start check-in'
		)
	);
	// Positions are written every few seconds while playing. Wait for one past the seek.
	await expect.poll(() => savedPosition(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);

	const since = await logCursor();
	await closeWithoutPageEvents(page);
	const revived = await context.newPage();
	await revived.goto('/');
	await expectControllable(revived);
	await expect(revived.getByRole('button', { name: RESUME })).toBeVisible();
	await expectServerMatches(revived, remote, deviceId, { itemId: current.Id, paused: true });

	const reports = await checkIns(since, deviceId);
	const kinds = reports.map(checkInKind);
	expect(kinds[0]).toBe('stopped');
	expect(kinds.filter((kind) => kind === 'stopped')).toHaveLength(1);
	expect(checkInBody(reports[0]).ItemId).toBe(current.Id);
	expect(checkInBody(reports[0]).PlaySessionId).toBe(started.PlaySessionId);
	const later = reports.slice(1);
	expect(later.length).toBeGreaterThan(0);
	expect(later.every((event) => checkInBody(event).IsPaused === true)).toBe(true);
	expect(checkInBody(later[0]).PlaySessionId).not.toBe(checkInBody(reports[0]).PlaySessionId);
});

test('a remote Play replaces the restored queue', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await playAlbumAt10Seconds(page, session.Id);
	await page.reload();
	await expectControllable(page);
	await expect(page.getByRole('button', { name: RESUME })).toBeVisible();

	const other = library.tracks[4];
	const restoredSession = await remote.session(deviceId);
	await remote.play(restoredSession!.Id, [other.Id]);
	await expect.poll(async () => (await mediaState(page)).src).toContain(other.Id);
	await expectPlaying(page);
	await expect(page.getByRole('button', { name: RESUME })).toHaveCount(0);
	expect(await queueNames(page)).toEqual([other.Name]);
	await expectServerMatches(page, remote, deviceId, { itemId: other.Id, paused: false });
});

test('another user does not get the saved queue', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await playAlbumAt10Seconds(page, session.Id);
	await page.evaluate(() => localStorage.removeItem('cue.signIn'));
	await page.reload();

	await page.getByLabel('Server address').fill(SERVER_URL);
	await page.getByLabel('Username').fill('guest');
	await page.getByLabel('Password').fill('guest');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expectControllable(page);
	await expect(page.getByText('The queue is empty.')).toBeVisible();
	await expect(page.getByRole('button', { name: RESUME })).toHaveCount(0);
	expect((await mediaState(page)).src).toBe('');
	// The demo user's record stays for when they sign in again.
	expect(await savedPosition(page)).toBeGreaterThanOrEqual(9.5);
});

test('signing out forgets the saved queue', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await playAlbumAt10Seconds(page, session.Id);
	await expect.poll(() => savedPosition(page)).not.toBeNull();

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
	expect(await savedPosition(page)).toBeNull();

	await signInAndFindSession(page, remote);
	await expect(page.getByText('The queue is empty.')).toBeVisible();
	await expect(page.getByRole('button', { name: RESUME })).toHaveCount(0);
});
