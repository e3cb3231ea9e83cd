import { expect, type Page } from '@playwright/test';

import { DEMO_USER, SERVER_URL, type Remote, type SessionDto } from './remote';

export interface MediaState {
	paused: boolean;
	ended: boolean;
	currentTime: number;
	duration: number;
	volume: number;
	muted: boolean;
	src: string;
	readyState: number;
}

/** Fills in the sign-in form and waits until Cue is connected and controllable. */
export async function signIn(page: Page, address = SERVER_URL): Promise<string> {
	await page.goto('/');
	await page.getByLabel('Server address').fill(address);
	await page.getByLabel('Username').fill(DEMO_USER.username);
	await page.getByLabel('Password').fill(DEMO_USER.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expectControllable(page);
	return deviceIdOf(page);
}

export async function expectControllable(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-controllable', 'true');
}

export async function deviceIdOf(page: Page): Promise<string> {
	const deviceId = await page.evaluate(() => localStorage.getItem('cue.deviceId'));
	if (!deviceId) throw new Error('Cue stored no DeviceId');
	return deviceId;
}

/** Signs in and returns the server session that a controller lists for this page. */
export async function signInAndFindSession(
	page: Page,
	remote: Remote
): Promise<{ deviceId: string; session: SessionDto }> {
	const deviceId = await signIn(page);
	let session: SessionDto | undefined;
	await expect
		.poll(async () => {
			session = (await remote.controllableSessions()).find((entry) => entry.DeviceId === deviceId);
			return session !== undefined;
		})
		.toBe(true);
	return { deviceId, session: session! };
}

export async function mediaState(page: Page): Promise<MediaState> {
	return page.evaluate(() => {
		const media = document.querySelector('video');
		if (!media) throw new Error('no media element on the page');
		return {
			paused: media.paused,
			ended: media.ended,
			currentTime: media.currentTime,
			duration: media.duration,
			volume: media.volume,
			muted: media.muted,
			src: media.getAttribute('src') ?? '',
			readyState: media.readyState
		};
	});
}

/** Waits until the media element plays (not paused, time moving). */
export async function expectPlaying(page: Page): Promise<void> {
	await expect.poll(async () => (await mediaState(page)).paused).toBe(false);
	const before = (await mediaState(page)).currentTime;
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThan(before);
}

export async function expectPaused(page: Page): Promise<void> {
	await expect.poll(async () => (await mediaState(page)).paused).toBe(true);
}

/**
 * Checks that GET /Sessions shows what the element does: the item, IsPaused, and a position within
 * one second of the element's.
 */
export async function expectServerMatches(
	page: Page,
	remote: Remote,
	deviceId: string,
	expected: { itemId?: string; paused: boolean }
): Promise<void> {
	await expect
		.poll(
			async () => {
				const session = await remote.session(deviceId);
				const media = await mediaState(page);
				const serverSeconds = (session?.PlayState?.PositionTicks ?? 0) / 10_000_000;
				return {
					itemId: session?.NowPlayingItem?.Id,
					isPaused: session?.PlayState?.IsPaused,
					positionClose: Math.abs(serverSeconds - media.currentTime) <= 1
				};
			},
			{ message: 'GET /Sessions should show what the media element does' }
		)
		.toEqual({ itemId: expected.itemId, isPaused: expected.paused, positionClose: true });
}
