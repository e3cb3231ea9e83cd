import { expect, test } from '@playwright/test';

import { expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { findChromium } from './support/chromium';
import { library } from './support/library';
import { Remote, ticks } from './support/remote';
import { checkInFrom } from './support/check-ins';
import { checkInBody, checkInKind, checkIns, logCursor, waitForEvent } from './support/server-log';

// Without the autoplay flag, Chromium rejects play() on a page without user activation. Most
// Playwright calls on a page count as activation, so after the reload these tests watch the server
// log until the point under test.
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

test('reload restores without a gesture', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await page.getByRole('button', { name: 'Allow remote playback' }).click();
	const current = library.tracks[1];
	await remote.play(session.Id, [library.tracks[0].Id, current.Id], {
		startIndex: 1,
		startPositionTicks: ticks(10)
	});
	await expectPlaying(page);

	let since = await logCursor();
	await page.reload();
	// The old page was playing, so its late reports carry IsPaused false. The restored page reports
	// the item paused. (The old page's exit Stopped is checked in resume.spec.ts; a browser may
	// drop a keepalive request during a reload, so it is no anchor here.)
	const restored = await waitForEvent(
		since,
		checkInFrom(
			deviceId,
			'progress',
			(body) => body.ItemId === current.Id && body.IsPaused === true
		),
		'the restored item reported'
	);
	expect(checkInBody(restored).IsPaused).toBe(true);
	expect(Number(checkInBody(restored).PositionTicks)).toBeGreaterThanOrEqual(ticks(9.5));

	// A controller's Unpause cannot start sound on an untouched page, so Cue stays paused.
	await expect.poll(async () => (await remote.session(deviceId))?.SupportsRemoteControl).toBe(true);
	since = await logCursor();
	const restoredSession = await remote.session(deviceId);
	await remote.playstate(restoredSession!.Id, 'Unpause');
	await expect
		.poll(async () => (await checkIns(since, deviceId)).length, {
			message: 'check-ins after the rejected Unpause'
		})
		.toBeGreaterThanOrEqual(1);
	const afterUnpause = await checkIns(since, deviceId);
	expect(afterUnpause.map(checkInKind)).not.toContain('start');
	expect(afterUnpause.every((event) => checkInBody(event).IsPaused === true)).toBe(true);

	since = await logCursor();
	await page.getByRole('button', { name: 'Tap to start playback' }).click();
	await expectPlaying(page);
	await waitForEvent(
		since,
		checkInFrom(deviceId, 'start', (body) => body.ItemId === current.Id),
		'a start check-in after the tap'
	);
	expect((await mediaState(page)).currentTime).toBeGreaterThanOrEqual(9.5);
});
