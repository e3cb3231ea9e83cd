import { expect, test, type Page } from '@playwright/test';

import { expectControllable, mediaState, signIn, signInAndFindSession } from './support/app';
import { expectPauseObeyed, fault, startPlayback } from './support/faults';
import { library } from './support/library';
import { DEMO_USER, SERVER_URL } from './support/remote';
import { logCursor, readLog, waitForEvent } from './support/server-log';
import { useFaultSuite } from './support/fault-suite';

const remote = useFaultSuite();

const SERVER_NAME = 'Cue Demo Server';

/**
 * Returns the state of the last media element that played. After a sign-out the element is no
 * longer in the document, yet a detached element could still be heard, so the test keeps a handle.
 */
async function lastPlayedMedia(page: Page): Promise<{ paused: boolean }> {
	return page.evaluate(() => {
		const media = (window as unknown as { lastPlayedMedia?: HTMLMediaElement }).lastPlayedMedia;
		if (!media) throw new Error('no media element has played');
		return { paused: media.paused };
	});
}

test('revoked token signs out and resumes after signing in', async ({ page }) => {
	await page.addInitScript(() => {
		const play = HTMLMediaElement.prototype.play;
		HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
			(window as unknown as { lastPlayedMedia?: HTMLMediaElement }).lastPlayedMedia = this;
			return play.call(this);
		};
	});
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	await page.waitForTimeout(3000);
	const position = (await mediaState(page)).currentTime;
	const since = await logCursor();
	await fault(`/devices/${deviceId}/revoke`);

	await expect(page.getByLabel('Server address')).toBeVisible({ timeout: 2000 });
	await expect(page.getByText(`${SERVER_NAME} no longer accepts this sign-in`)).toBeVisible();
	expect((await lastPlayedMedia(page)).paused, 'playback goes on after the sign-out').toBe(true);
	expect(await page.evaluate(() => localStorage.getItem('cue.signIn'))).toBeNull();
	expect(await page.evaluate(() => localStorage.getItem('cue.deviceId'))).toBe(deviceId);

	// Once Cue has signed out, the revoked token is sent neither over HTTP nor on a socket again.
	// Requests already in flight at the revocation may still come back with 401.
	await waitForEvent(
		since,
		(event) => event.kind === 'http' && event.deviceId === deviceId && event.status === 401,
		'the first 401'
	);
	await page.waitForTimeout(200);
	const signedOut = await logCursor();
	await page.waitForTimeout(3000);
	const { events } = await readLog(signedOut);
	const rejected = events.filter(
		(event) => (event.kind === 'http' && event.status === 401) || event.kind === 'ws-rejected'
	);
	expect(rejected).toEqual([]);
	const sockets = events.filter((event) => event.kind === 'ws-open' && event.deviceId === deviceId);
	expect(sockets).toEqual([]);

	const since2 = await logCursor();
	await signIn(page);
	await expect.poll(async () => (await mediaState(page)).src).toContain(library.longAudio.Id);
	// The element seeks to the saved position once its metadata is in. Cue saves the position of
	// the last timeupdate event (about 250 ms apart) at the sign-out, which follows the revocation
	// after the socket close and one token check.
	await expect
		.poll(async () => (await mediaState(page)).currentTime)
		.toBeGreaterThan(position - 0.5);
	expect((await mediaState(page)).currentTime).toBeLessThan(position + 2);
	expect((await mediaState(page)).paused).toBe(true);
	await expect
		.poll(async () => (await remote.session(deviceId))?.NowPlayingItem?.Id)
		.toBe(library.longAudio.Id);
	const current = await remote.session(deviceId);
	expect(current?.PlayState?.IsPaused).toBe(true);
	await remote.playstate(current!.Id, 'Unpause');
	await expect.poll(async () => (await mediaState(page)).paused).toBe(false);
	await expect
		.poll(async () => (await readLog(since2)).events.some((event) => event.kind === 'ws-open'))
		.toBe(true);
	await expectPauseObeyed(page, remote, deviceId);
});

test('401 on a check-in signs out at once', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	await fault('/fail-requests?path=/Sessions/Playing/Progress&status=401');
	const since = await logCursor();
	await remote.playstate(session.Id, 'Pause');

	await expect(page.getByLabel('Server address')).toBeVisible({ timeout: 2000 });
	await expect(page.getByText(`${SERVER_NAME} no longer accepts this sign-in`)).toBeVisible();
	await page.waitForTimeout(1000);
	const { events } = await readLog(since);
	const fromDevice = events.filter((event) => event.kind === 'http' && event.deviceId === deviceId);
	const unauthorized = fromDevice.findIndex((event) => event.status === 401);
	expect(fromDevice[unauthorized]?.path).toBe('/Sessions/Playing/Progress');
	expect(fromDevice.slice(unauthorized + 1), 'requests after the 401').toEqual([]);
});

test('403 at sign-in explains the session limit', async ({ page }) => {
	await fault(`/users/${DEMO_USER.username}/max-sessions?count=1`);
	await page.goto('/');
	await page.getByLabel('Server address').fill(SERVER_URL);
	await page.getByLabel('Username').fill(DEMO_USER.username);
	await page.getByLabel('Password').fill(DEMO_USER.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('HTTP 403');
	await expect(alert).toContainText('maximum number of sessions');
	await expect(alert).not.toContainText('Wrong username or password');

	await fault(`/users/${DEMO_USER.username}/max-sessions?count=0`);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expectControllable(page);
});

test('Jellyfin 12.0 rules accept the sign-in and socket', async ({ page }) => {
	await fault('/options', { legacyAuthorization: false, closeLostSockets: true });
	const since = await logCursor();
	const { deviceId } = await signInAndFindSession(page, remote);
	const { events } = await readLog(since);
	const rejected = events.filter(
		(event) => event.kind === 'ws-rejected' || (event.kind === 'http' && event.status === 400)
	);
	expect(rejected).toEqual([]);
	const open = events.find((event) => event.kind === 'ws-open' && event.deviceId === deviceId);
	expect(open?.query).toMatchObject({ ApiKey: '[token]', deviceId });
});

test('two browser profiles keep their own DeviceIds and tokens', async ({ browser, page }) => {
	const firstId = await signIn(page);
	const other = await browser.newContext();
	try {
		const otherPage = await other.newPage();
		const secondId = await signIn(otherPage);
		expect(firstId).toMatch(/^[0-9a-f]{32}$/);
		expect(secondId).toMatch(/^[0-9a-f]{32}$/);
		expect(secondId).not.toBe(firstId);

		await page.reload();
		await expectControllable(page);
		expect(await page.evaluate(() => localStorage.getItem('cue.deviceId'))).toBe(firstId);
		const listed = (await remote.controllableSessions()).map((session) => session.DeviceId);
		expect(listed).toEqual(expect.arrayContaining([firstId, secondId]));
	} finally {
		await other.close();
	}
});
