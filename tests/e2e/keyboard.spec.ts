import { expect, test, type Page } from '@playwright/test';

import { expectPaused, expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { checkInFrom } from './support/check-ins';
import { library } from './support/library';
import { Remote, ticks } from './support/remote';
import {
	checkInBody,
	checkIns,
	logCursor,
	waitForEvent,
	type LogEvent
} from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

/** Matches a check-in of `deviceId` whose body passes `match`. */
function checkInWith(deviceId: string, match: (body: Record<string, unknown>) => boolean) {
	return (event: LogEvent) =>
		event.kind === 'http' &&
		event.deviceId === deviceId &&
		/^\/Sessions\/Playing/.test(event.path ?? '') &&
		match(checkInBody(event));
}

const seconds = (body: Record<string, unknown>) => Number(body.PositionTicks) / 10_000_000;

/** Moves the focus off the controls, to the page itself, as after a tap on empty space. */
async function focusPage(page: Page): Promise<void> {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function playLongAudio(page: Page, startSeconds = 60) {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id], {
		startPositionTicks: ticks(startSeconds)
	});
	await expectPlaying(page);
	await focusPage(page);
	return { deviceId, session };
}

test('space pauses and plays', async ({ page }) => {
	const { deviceId } = await playLongAudio(page);
	let since = await logCursor();
	await page.keyboard.press('Space');
	await expectPaused(page);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => body.IsPaused === true),
		'a paused check-in'
	);

	since = await logCursor();
	await page.keyboard.press('Space');
	await expectPlaying(page);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => body.IsPaused === false),
		'a playing check-in'
	);
});

test('arrow keys seek back 10 s and ahead 30 s', async ({ page }) => {
	const { deviceId } = await playLongAudio(page);
	let before = (await mediaState(page)).currentTime;
	let since = await logCursor();
	await page.keyboard.press('ArrowRight');
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThan(before + 29);
	expect((await mediaState(page)).currentTime).toBeLessThan(before + 32);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => seconds(body) > before + 29),
		'a check-in 30 s further'
	);

	before = (await mediaState(page)).currentTime;
	since = await logCursor();
	await page.keyboard.press('ArrowLeft');
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeLessThan(before - 8);
	expect((await mediaState(page)).currentTime).toBeGreaterThan(before - 11);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => seconds(body) < before - 8),
		'a check-in 10 s back'
	);
});

test('arrow keys change the volume by 5 %', async ({ page }) => {
	const { deviceId } = await playLongAudio(page);
	await page.getByRole('slider', { name: 'Volume' }).fill('50');
	await expect.poll(async () => (await mediaState(page)).volume).toBeCloseTo(0.5, 2);
	await focusPage(page);

	let since = await logCursor();
	await page.keyboard.press('ArrowUp');
	await expect.poll(async () => (await mediaState(page)).volume).toBeCloseTo(0.55, 2);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => body.VolumeLevel === 55),
		'volume 55'
	);

	since = await logCursor();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect.poll(async () => (await mediaState(page)).volume).toBeCloseTo(0.45, 2);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => body.VolumeLevel === 45),
		'volume 45'
	);
});

test('m mutes and unmutes', async ({ page }) => {
	const { deviceId } = await playLongAudio(page);
	let since = await logCursor();
	await page.keyboard.press('m');
	await expect.poll(async () => (await mediaState(page)).muted).toBe(true);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => body.IsMuted === true),
		'muted'
	);

	since = await logCursor();
	await page.keyboard.press('m');
	await expect.poll(async () => (await mediaState(page)).muted).toBe(false);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => body.IsMuted === false),
		'unmuted'
	);
});

test('n and p move through the queue', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [first, second] = library.tracks;
	await remote.play(session.Id, [first.Id, second.Id]);
	await expectPlaying(page);
	await focusPage(page);

	let since = await logCursor();
	await page.keyboard.press('n');
	await expect.poll(async () => (await mediaState(page)).src).toContain(second.Id);
	await expectPlaying(page);
	await waitForEvent(
		since,
		checkInFrom(deviceId, 'stopped', (body) => body.ItemId === first.Id),
		'a Stopped report for the first track'
	);
	await waitForEvent(
		since,
		checkInFrom(deviceId, 'start', (body) => body.ItemId === second.Id),
		'a start check-in for the second track'
	);

	// Past 3 s into a track, p restarts it first, so a second press makes sure of the first track.
	since = await logCursor();
	await page.keyboard.press('p');
	await page.keyboard.press('p');
	await expect.poll(async () => (await mediaState(page)).src).toContain(first.Id);
	await waitForEvent(
		since,
		checkInWith(deviceId, (body) => body.ItemId === first.Id && body.IsPaused === false),
		'a check-in for the previous track'
	);
});

test('f toggles full screen', async ({ page }) => {
	await playLongAudio(page);
	await page.keyboard.press('f');
	await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
	await page.keyboard.press('f');
	await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
});

test('shortcuts are ignored while typing', async ({ page }) => {
	const { deviceId } = await playLongAudio(page);
	const src = (await mediaState(page)).src;
	const field = page.getByLabel('Device name');
	await field.fill('');
	const since = await logCursor();
	await field.press('n');
	await field.press('m');
	await field.press('Space');
	await field.press('p');
	await expect(field).toHaveValue('nm p');
	const media = await mediaState(page);
	expect(media.src).toBe(src);
	expect(media.muted).toBe(false);
	expect(media.paused).toBe(false);
	const reports = await checkIns(since, deviceId);
	expect(reports.filter((event) => checkInBody(event).IsMuted === true)).toEqual([]);
});

test('space on a focused button only presses it', async ({ page }) => {
	await playLongAudio(page);
	const shuffle = page.getByRole('button', { name: 'Shuffle off' });
	await shuffle.focus();
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: 'Shuffle on' })).toBeVisible();
	expect((await mediaState(page)).paused).toBe(false);
});
