import { expect, test, type Page } from '@playwright/test';

import { expectPlaying, mediaState, signIn } from './support/app';
import { findChromium } from './support/chromium';
import { library } from './support/library';
import { Remote, ticks, type SessionDto } from './support/remote';
import { checkInBody, checkInKind, checkIns, logCursor, requestsFrom } from './support/server-log';

// Chromium's default autoplay policy refuses sound without a user gesture. Tracing and most
// Playwright calls on the page count as gestures, so these tests keep both away from the page
// until the point under test, and watch the server instead.
test.use({
	trace: 'off',
	launchOptions: {
		executablePath: findChromium(),
		args: [
			'--disable-gpu',
			'--disable-quic',
			'--disable-sync',
			'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'
		]
	}
});

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

/** Reloads without touching the page, then waits on the server for the new socket's capabilities. */
async function reloadWithoutGesture(page: Page, deviceId: string): Promise<SessionDto> {
	const since = await logCursor();
	await page.reload();
	await expect
		.poll(
			async () =>
				(await requestsFrom(since, deviceId, 'POST', '/Sessions/Capabilities/Full')).length
		)
		.toBe(1);
	let session: SessionDto | undefined;
	await expect
		.poll(async () => {
			session = (await remote.controllableSessions()).find((entry) => entry.DeviceId === deviceId);
			return session !== undefined;
		})
		.toBe(true);
	return session!;
}

test('a refused play shows a tap prompt and reports paused', async ({ page }) => {
	const deviceId = await signIn(page);
	const session = await reloadWithoutGesture(page, deviceId);
	const since = await logCursor();
	await remote.play(session.Id, [library.tracks[0].Id], { startPositionTicks: ticks(12) });

	await expect
		.poll(async () => (await checkIns(since, deviceId)).map((event) => checkInBody(event).IsPaused))
		.toContain(true);
	const reports = await checkIns(since, deviceId);
	expect(reports.every((event) => checkInBody(event).IsPaused === true)).toBe(true);
	expect(reports.map(checkInKind)).not.toContain('start');

	const prompt = page.getByRole('button', { name: 'Tap to start playback' });
	await expect(prompt).toBeVisible();
	expect((await mediaState(page)).paused).toBe(true);
	await expect.poll(async () => (await remote.session(deviceId))?.PlayState?.IsPaused).toBe(true);

	await prompt.click();
	await expectPlaying(page);
	expect((await mediaState(page)).currentTime).toBeGreaterThanOrEqual(11.9);
	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind))
		.toContain('start');
	const start = (await checkIns(since, deviceId)).find((event) => checkInKind(event) === 'start')!;
	expect(checkInBody(start).IsPaused).toBe(false);
	await expect(prompt).toHaveCount(0);

	// After the tap, a later remote Play starts without another one.
	await remote.play(session.Id, [library.tracks[1].Id]);
	await expect.poll(async () => (await mediaState(page)).src).toContain(library.tracks[1].Id);
	await expectPlaying(page);
});

test('the unlock control lets remote playback start by itself', async ({ page }) => {
	const deviceId = await signIn(page);
	await reloadWithoutGesture(page, deviceId);
	await page.getByRole('button', { name: 'Allow remote playback' }).click();
	await expect(page.getByRole('button', { name: 'Allow remote playback' })).toHaveCount(0);
	const session = await remote.session(deviceId);
	await remote.play(session!.Id, [library.tracks[2].Id]);
	await expectPlaying(page);
	await expect(page.getByRole('button', { name: 'Tap to start playback' })).toHaveCount(0);
});
