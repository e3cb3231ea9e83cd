import { expect, test } from '@playwright/test';

import { expectPaused, expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';
import { checkInBody, checkInKind, checkIns, logCursor, readLog } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

test('answers keep-alives so the server never drops the socket', async ({ page }) => {
	test.setTimeout(60_000);
	const since = await logCursor();
	const { session } = await signInAndFindSession(page, remote);
	// Twice the test server's 6 s keep-alive period, and then some: an unanswered socket is
	// nagged after 4.5 s and counted lost after 6 s.
	await page.waitForTimeout(15_000);
	await remote.message(session.Id, 'Hdr', 'Hello', 5000);
	await expect(page.getByTestId('display-message')).toContainText('Hello');
	const { events } = await readLog(since);
	const nags = events.filter(
		(event) =>
			event.kind === 'ws-out' &&
			event.sessionId === session.Id &&
			event.frame?.includes('ForceKeepAlive')
	);
	expect(nags).toHaveLength(1);
});

test('DisplayMessage shows header and text within a second', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	expect(session.SupportsRemoteControl).toBe(true);
	expect(session.SupportedCommands).toContain('DisplayMessage');
	const sentAt = Date.now();
	await remote.message(session.Id, 'Hdr', 'Hello', 5000);
	const toast = page.getByTestId('display-message');
	await expect(toast).toContainText('Hdr', { timeout: 1000 });
	await expect(toast).toContainText('Hello');
	expect(Date.now() - sentAt).toBeLessThan(2000);
	// A TimeoutMs makes it go away by itself, and the notification panel keeps it.
	await expect(toast).toHaveCount(0, { timeout: 7000 });
	await expect(page.getByTestId('notifications')).toContainText('Hello');
});

test('DisplayMessage without TimeoutMs stays until dismissed', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await remote.message(session.Id, 'Stays', '<b>not bold</b>');
	const toast = page.getByTestId('display-message');
	await expect(toast).toContainText('<b>not bold</b>');
	await expect(toast.locator('b')).toHaveCount(0);
	await page.waitForTimeout(1500);
	await expect(toast).toHaveCount(1);
	await page.getByRole('button', { name: 'Dismiss message' }).click();
	await expect(toast).toHaveCount(0);
});

test('every advertised volume command is handled', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id]);
	await expectPlaying(page);
	await remote.command(session.Id, 'SetVolume', { Volume: '30' });
	await expect.poll(async () => (await mediaState(page)).volume).toBeCloseTo(0.3, 2);
	await remote.command(session.Id, 'VolumeUp');
	await expect.poll(async () => (await mediaState(page)).volume).toBeCloseTo(0.35, 2);
	await remote.command(session.Id, 'VolumeDown');
	await expect.poll(async () => (await mediaState(page)).volume).toBeCloseTo(0.3, 2);
	await remote.command(session.Id, 'Mute');
	await expect.poll(async () => (await mediaState(page)).muted).toBe(true);
	await remote.command(session.Id, 'Mute');
	await expect.poll(async () => (await mediaState(page)).muted).toBe(true);
	await remote.command(session.Id, 'Unmute');
	await expect.poll(async () => (await mediaState(page)).muted).toBe(false);
	await remote.command(session.Id, 'ToggleMute');
	await expect.poll(async () => (await mediaState(page)).muted).toBe(true);
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
});

test('queue edits keep the current item playing without a Stopped report', async ({ page }) => {
	test.setTimeout(60_000);
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [a, b, c, d] = library.tracks;
	await remote.play(session.Id, [a.Id, b.Id]);
	await expectPlaying(page);
	const since = await logCursor();
	await page.waitForTimeout(3000);
	await remote.play(session.Id, [c.Id], { command: 'PlayNext' });
	const names = () => page.getByTestId('queue').locator('li .name').allTextContents();
	await expect.poll(names).toEqual([a.Name, c.Name, b.Name]);
	await remote.play(session.Id, [d.Id], { command: 'PlayLast' });
	await expect.poll(names).toEqual([a.Name, c.Name, b.Name, d.Name]);
	expect((await mediaState(page)).src).toContain(a.Id);
	expect((await checkIns(since, deviceId)).map(checkInKind)).not.toContain('stopped');

	const eight = [...library.tracks, ...library.tracks, ...library.tracks]
		.slice(0, 8)
		.map((track) => track.Id);
	const beforeReplace = await logCursor();
	await remote.play(session.Id, eight);
	await expect.poll(async () => (await names()).length).toBe(8);
	await expect
		.poll(async () => (await checkIns(beforeReplace, deviceId)).map(checkInKind))
		.toContain('start');
	const order = (await checkIns(beforeReplace, deviceId))
		.filter((event) => checkInKind(event) !== 'progress')
		.map((event) => `${checkInKind(event)}:${checkInBody(event).ItemId}`);
	expect(order).toEqual([`stopped:${a.Id}`, `start:${eight[0]}`]);
});
