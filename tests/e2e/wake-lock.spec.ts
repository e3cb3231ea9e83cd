import { expect, test, type Page } from '@playwright/test';

import {
	expectControllable,
	expectPaused,
	expectPlaying,
	signIn,
	signInAndFindSession
} from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';

/** Counts of what the stub below saw. `activeLocks` counts the locks not yet released. */
interface WakeLockRecord {
	requests: number;
	activeLocks: number;
	sentinels: (EventTarget & { released: boolean; release(): Promise<void> })[];
}

declare global {
	interface Window {
		wakeLockRecord: WakeLockRecord;
	}
}

/**
 * Replaces `navigator.wakeLock` with a stub that counts requests and either grants them with a
 * sentinel the test can release, as the browser does when the page is hidden, or rejects them.
 */
async function stubWakeLock(page: Page, outcome: 'grant' | 'reject'): Promise<void> {
	await page.addInitScript((mode) => {
		const record: WakeLockRecord = { requests: 0, activeLocks: 0, sentinels: [] };
		window.wakeLockRecord = record;
		const wakeLock = {
			async request() {
				record.requests++;
				if (mode === 'reject') {
					throw new DOMException('Wake Lock permission request denied', 'NotAllowedError');
				}
				const sentinel = Object.assign(new EventTarget(), {
					type: 'screen',
					released: false,
					async release() {
						if (sentinel.released) return;
						sentinel.released = true;
						record.activeLocks--;
						sentinel.dispatchEvent(new Event('release'));
					}
				});
				record.activeLocks++;
				record.sentinels.push(sentinel);
				return sentinel;
			}
		};
		Object.defineProperty(Navigator.prototype, 'wakeLock', {
			configurable: true,
			get: () => wakeLock
		});
	}, outcome);
}

async function wakeLockRecord(page: Page): Promise<{ requests: number; activeLocks: number }> {
	return page.evaluate(() => ({
		requests: window.wakeLockRecord.requests,
		activeLocks: window.wakeLockRecord.activeLocks
	}));
}

async function expectActiveLocks(page: Page, activeLocks: number): Promise<void> {
	await expect.poll(async () => (await wakeLockRecord(page)).activeLocks).toBe(activeLocks);
}

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

test.describe('granted locks', () => {
	test.beforeEach(async ({ page }) => stubWakeLock(page, 'grant'));

	test('held while video plays, released on pause and stop', async ({ page }) => {
		const { session } = await signInAndFindSession(page, remote);
		expect((await wakeLockRecord(page)).requests).toBe(0);
		await remote.play(session.Id, [library.videos[1].Id]);
		await expectPlaying(page);
		await expectActiveLocks(page, 1);

		await remote.playstate(session.Id, 'Pause');
		await expectPaused(page);
		await expectActiveLocks(page, 0);

		await remote.playstate(session.Id, 'Unpause');
		await expectPlaying(page);
		await expectActiveLocks(page, 1);
		expect((await wakeLockRecord(page)).requests).toBe(2);

		await remote.playstate(session.Id, 'Stop');
		await expectActiveLocks(page, 0);
	});

	test('not requested for audio', async ({ page }) => {
		const { session } = await signInAndFindSession(page, remote);
		await remote.play(session.Id, [library.tracks[0].Id]);
		await expectPlaying(page);
		expect(await wakeLockRecord(page)).toEqual({ requests: 0, activeLocks: 0 });
	});

	test('requested again when the page is visible again', async ({ page }) => {
		const { session } = await signInAndFindSession(page, remote);
		await remote.play(session.Id, [library.videos[1].Id]);
		await expectPlaying(page);
		await expectActiveLocks(page, 1);
		// Browsers release screen locks when the page is hidden; this plays that part.
		await page.evaluate(() => window.wakeLockRecord.sentinels.at(-1)!.release());
		await expectActiveLocks(page, 0);
		await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
		await expectActiveLocks(page, 1);
		expect((await wakeLockRecord(page)).requests).toBe(2);
	});

	test('Keep screen on holds a lock while signed in', async ({ page }) => {
		await signIn(page);
		const setting = page.getByLabel('Keep screen on');
		await expect(setting).not.toBeChecked();
		await setting.check();
		await expectActiveLocks(page, 1);
		expect(await page.evaluate(() => localStorage.getItem('cue.keepScreenOn'))).toBe('1');

		await page.reload();
		await expectControllable(page);
		await expect(page.getByLabel('Keep screen on')).toBeChecked();
		await expectActiveLocks(page, 1);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page.getByLabel('Server address')).toBeVisible();
		await expectActiveLocks(page, 0);
	});

	test('unchecking Keep screen on releases the lock', async ({ page }) => {
		await signIn(page);
		const setting = page.getByLabel('Keep screen on');
		await setting.check();
		await expectActiveLocks(page, 1);
		await setting.uncheck();
		await expectActiveLocks(page, 0);
		expect(await page.evaluate(() => localStorage.getItem('cue.keepScreenOn'))).toBe('0');
	});
});

test.describe('refused locks', () => {
	test.beforeEach(async ({ page }) => stubWakeLock(page, 'reject'));

	test('show one notice and playback goes on', async ({ page }) => {
		const { session } = await signInAndFindSession(page, remote);
		await remote.play(session.Id, [library.videos[1].Id]);
		await expectPlaying(page);
		const notice = page.getByTestId('wake-lock-notice');
		await expect(notice).toContainText('NotAllowedError');
		await expect(notice).toContainText('Playback goes on');
		await notice.getByRole('button', { name: 'Dismiss the screen notice' }).click();
		await expect(notice).toHaveCount(0);

		// A second refusal only goes to the log.
		const before = (await wakeLockRecord(page)).requests;
		await remote.playstate(session.Id, 'Pause');
		await expectPaused(page);
		await remote.playstate(session.Id, 'Unpause');
		await expectPlaying(page);
		await expect.poll(async () => (await wakeLockRecord(page)).requests).toBeGreaterThan(before);
		await expect(notice).toHaveCount(0);
	});
});
