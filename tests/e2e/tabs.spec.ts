import { expect, test } from '@playwright/test';

import { expectControllable, expectPaused, expectPlaying, mediaState, signIn } from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';
import { logCursor, readLog } from './support/server-log';

test('a second tab stands by and can take over', async ({ context, page }) => {
	const remote = await new Remote().signIn();
	const deviceId = await signIn(page);
	const session = await remote.session(deviceId);
	await remote.play(session!.Id, [library.longAudio.Id]);
	await expectPlaying(page);

	const since = await logCursor();
	const second = await context.newPage();
	await second.goto('/');
	await expect(second.getByText('Cue is active in another tab')).toBeVisible();
	await second.waitForTimeout(1000);
	const { events } = await readLog(since);
	expect(events.filter((event) => event.kind === 'ws-open')).toHaveLength(0);
	expect(events.filter((event) => event.kind === 'ws-close')).toHaveLength(0);

	// The first tab is untouched and still obeys the remote.
	await remote.playstate(session!.Id, 'Pause');
	await expectPaused(page);

	await second.getByRole('button', { name: 'Use this tab instead' }).click();
	await expectControllable(second);
	await expect(page.getByText('Cue is active in another tab')).toBeVisible();
	const current = await remote.session(deviceId);
	await remote.play(current!.Id, [library.tracks[0].Id]);
	await expectPlaying(second);
	expect((await mediaState(second)).src).toContain(library.tracks[0].Id);
	expect((await mediaState(page)).paused).toBe(true);
});

test('closing the player tab hands over to the standby tab', async ({ context, page }) => {
	const remote = await new Remote().signIn();
	const deviceId = await signIn(page);
	const second = await context.newPage();
	await second.goto('/');
	await expect(second.getByText('Cue is active in another tab')).toBeVisible();

	const since = await logCursor();
	await page.close();
	await expectControllable(second);
	await expect(second.getByText('Cue is active in another tab')).toHaveCount(0);
	const opens = (await readLog(since)).events.filter((event) => event.kind === 'ws-open');
	expect(opens).toHaveLength(1);
	const session = await remote.session(deviceId);
	await remote.play(session!.Id, [library.tracks[0].Id]);
	await expectPlaying(second);
	await remote.playstate(session!.Id, 'Pause');
	await expectPaused(second);
});

test('signing out in the player tab signs out the standby tab', async ({ context, page }) => {
	await signIn(page);
	const second = await context.newPage();
	await second.goto('/');
	await expect(second.getByText('Cue is active in another tab')).toBeVisible();

	const since = await logCursor();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByLabel('Server address')).toBeVisible();
	// The standby tab follows: it shows the sign-in page instead of a sign-in that is gone.
	await expect(second.getByLabel('Server address')).toBeVisible();
	await second.waitForTimeout(1000);
	const { events } = await readLog(since);
	expect(events.filter((event) => event.kind === 'ws-open')).toHaveLength(0);
	expect(events.filter((event) => event.status === 401)).toHaveLength(0);
});
