import { expect, test, type CDPSession, type Page } from '@playwright/test';

import {
	expectPaused,
	expectPlaying,
	expectServerMatches,
	mediaState,
	signInAndFindSession
} from './support/app';
import { library } from './support/library';
import { Remote, ticks } from './support/remote';
import { savedResumes } from './support/resume-record';
import { checkInBody, checkInKind, checkIns, logCursor, type LogEvent } from './support/server-log';

// A tablet that locks its screen hides the page, and iPadOS may suspend it. Headless Chromium has
// no screen to lock and always reports a visible page, so these tests stand in for the lock. The
// page reports itself hidden through the Page Visibility API and is asked over CDP to freeze
// (Page.setWebLifecycleState). Chromium does not freeze a page that plays audio, so playback goes
// on as it should on a locked tablet. The lock screen buttons are the Media Session handlers that
// Cue registered, called as the system would call them.

declare global {
	interface Window {
		lockScreenHandlers: Map<string, MediaSessionActionHandler>;
	}
}

test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		const handlers = new Map<string, MediaSessionActionHandler>();
		const register = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
		navigator.mediaSession.setActionHandler = (action, handler) => {
			if (handler) handlers.set(action, handler);
			register(action, handler);
		};
		window.lockScreenHandlers = handlers;
	});
});

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

async function setPageVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
	await page.evaluate((visibility) => {
		Object.defineProperty(document, 'visibilityState', {
			configurable: true,
			get: () => visibility
		});
		Object.defineProperty(document, 'hidden', {
			configurable: true,
			get: () => visibility === 'hidden'
		});
		document.dispatchEvent(new Event('visibilitychange'));
	}, state);
}

async function lockScreen(page: Page, cdp: CDPSession): Promise<void> {
	await setPageVisibility(page, 'hidden');
	await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
}

async function unlockScreen(page: Page, cdp: CDPSession): Promise<void> {
	await cdp.send('Page.setWebLifecycleState', { state: 'active' });
	await setPageVisibility(page, 'visible');
}

async function pressLockScreenButton(page: Page, action: MediaSessionAction): Promise<void> {
	await page.evaluate((name) => {
		const handler = window.lockScreenHandlers.get(name);
		if (!handler) throw new Error(`Cue registered no handler for "${name}"`);
		handler({ action: name });
	}, action);
}

function describeCheckIn(event: LogEvent, names: Map<string, string>): string {
	return `${checkInKind(event)} ${names.get(String(checkInBody(event).ItemId)) ?? '?'}`;
}

test('queue advances in order while locked', async ({ page, context }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [a, b] = library.tracks;
	const names = new Map([
		[a.Id, 'a'],
		[b.Id, 'b']
	]);
	const since = await logCursor();
	await remote.play(session.Id, [a.Id, b.Id], { startPositionTicks: ticks(a.seconds - 4) });
	await expectPlaying(page);

	const cdp = await context.newCDPSession(page);
	await lockScreen(page, cdp);
	await expect
		.poll(
			async () => (await checkIns(since, deviceId)).map((event) => describeCheckIn(event, names)),
			{ message: 'a ends and b starts while locked', timeout: 20_000 }
		)
		.toContain('start b');
	const kinds = (await checkIns(since, deviceId)).map((event) => describeCheckIn(event, names));
	const firstOfB = kinds.findIndex((kind) => kind.endsWith(' b'));
	expect(kinds.slice(0, firstOfB)).toContain('stopped a');
	expect(kinds.slice(firstOfB)).not.toContain('stopped a');
	expect(kinds.slice(firstOfB).every((kind) => kind.endsWith(' b'))).toBe(true);
	expect((await mediaState(page)).src).toContain(b.Id);

	// The saved resume state followed the queue while hidden.
	const [saved] = await savedResumes(page);
	expect(saved.items.map((item) => item.Id)).toContain(b.Id);

	await pressLockScreenButton(page, 'pause');
	await expectPaused(page);
	await expect.poll(async () => (await remote.session(deviceId))?.PlayState?.IsPaused).toBe(true);

	await unlockScreen(page, cdp);
	await expectServerMatches(page, remote, deviceId, { itemId: b.Id, paused: true });
});

test('lock screen play and next work while locked', async ({ page, context }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [a, b] = library.tracks;
	await remote.play(session.Id, [a.Id, b.Id]);
	await expectPlaying(page);
	const cdp = await context.newCDPSession(page);
	await lockScreen(page, cdp);

	await pressLockScreenButton(page, 'pause');
	await expectPaused(page);
	await pressLockScreenButton(page, 'play');
	await expectPlaying(page);
	await pressLockScreenButton(page, 'nexttrack');
	await expect.poll(async () => (await mediaState(page)).src).toContain(b.Id);
	await expectPlaying(page);

	await unlockScreen(page, cdp);
	await expectServerMatches(page, remote, deviceId, { itemId: b.Id, paused: false });
});

test('unlocking reports the position at once', async ({ page, context }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id]);
	await expectPlaying(page);
	const cdp = await context.newCDPSession(page);
	await lockScreen(page, cdp);
	const since = await logCursor();
	await unlockScreen(page, cdp);
	// Well before the next periodic report, which comes every 10 s.
	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind), { timeout: 5_000 })
		.toContain('progress');
	await expectServerMatches(page, remote, deviceId, {
		itemId: library.longAudio.Id,
		paused: false
	});
});
