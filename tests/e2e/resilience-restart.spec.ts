import { expect, test, type Page } from '@playwright/test';

import { expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { expectPauseObeyed, expectReconnected, fault, startPlayback } from './support/faults';
import { library } from './support/library';
import { ticks } from './support/remote';
import {
	checkInBody,
	checkInKind,
	checkIns,
	logCursor,
	readLog,
	sendRawFrame
} from './support/server-log';
import { useFaultSuite } from './support/fault-suite';

const remote = useFaultSuite();

async function expectReconnecting(page: Page): Promise<void> {
	const status = page.getByTestId('connection-status');
	await expect(status).toHaveAttribute('data-state', 'reconnecting');
	await expect(status.getByRole('button', { name: 'Retry now' })).toBeVisible();
}

/** Checks that the element keeps playing: its time moves on by at least `seconds`. */
async function expectPlaysOn(page: Page, seconds: number): Promise<void> {
	const before = (await mediaState(page)).currentTime;
	await expect
		.poll(async () => (await mediaState(page)).currentTime - before)
		.toBeGreaterThan(seconds);
	expect((await mediaState(page)).paused).toBe(false);
}

test('announced restart reconnects within a second', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/restart?downMs=3000');
	await expect(page.getByTestId('server-notice')).toContainText('Server restarting');
	await expectReconnecting(page);
	await expectPlaysOn(page, 1);

	const { open } = await expectReconnected(since, deviceId);
	const { events } = await readLog(since);
	const up = events.find((event) => event.kind === 'server-up')!;
	expect(open.time - up.time).toBeLessThanOrEqual(1000);
	await expect(page.getByTestId('server-notice')).toHaveCount(0);
	const current = await remote.session(deviceId);
	expect(current?.SupportsMediaControl).toBe(true);
	expect(current?.SupportedCommands).toContain('DisplayMessage');
	await expectPauseObeyed(page, remote, deviceId);
});

test('restart under Jellyfin 12.0 rules', async ({ page }) => {
	await fault('/options', { legacyAuthorization: false, closeLostSockets: true });
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/restart?downMs=2000');

	await expectReconnected(since, deviceId);
	const rejected = (await readLog(since)).events.filter((event) => event.kind === 'ws-rejected');
	expect(rejected).toEqual([]);
	await expectPauseObeyed(page, remote, deviceId);
});

test('shutdown waits until the server starts again', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/shutdown');
	await expect(page.getByTestId('server-notice')).toContainText('Server shutting down');
	await expectReconnecting(page);
	await page.waitForTimeout(3000);
	const refused = (await readLog(since)).events.filter((event) => event.kind === 'refused');
	expect(refused.length, 'polls while the server is down').toBeGreaterThanOrEqual(3);
	await fault('/start');

	await expectReconnected(since, deviceId);
	await expect(page.getByTestId('server-notice')).toHaveCount(0);
	await expectPauseObeyed(page, remote, deviceId);
});

test('unannounced crash reconnects with backoff', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/crash?downMs=4000');
	await expectReconnecting(page);
	await expectPlaysOn(page, 1);

	await expectReconnected(since, deviceId, 35_000);
	const current = await remote.session(deviceId);
	expect(current?.SupportsMediaControl).toBe(true);
	await expectPauseObeyed(page, remote, deviceId);
});

test('RestartRequired clears after the restart', async ({ page }) => {
	const { deviceId } = await signInAndFindSession(page, remote);
	const session = await remote.session(deviceId);
	const notice = JSON.stringify({
		MessageType: 'RestartRequired',
		MessageId: 'a'.repeat(32),
		Data: ''
	});
	await sendRawFrame(session!.Id, notice);
	await expect(page.getByTestId('server-notice')).toContainText('Restart required');
	const since = await logCursor();
	await fault('/restart?downMs=1000');
	await expect(page.getByTestId('server-notice').first()).toContainText('Server restarting');
	await expect
		.poll(async () => (await readLog(since)).events.some((event) => event.kind === 'ws-open'))
		.toBe(true);
	await expect(page.getByTestId('server-notice')).toHaveCount(0);
});

test('Stopped from the outage arrives once the server is back', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const track = library.tracks[0];
	await remote.play(session.Id, [track.Id]);
	await expectPlaying(page);
	await remote.playstate(session.Id, 'Seek', ticks(track.seconds - 3));
	await expect
		.poll(async () => (await mediaState(page)).currentTime)
		.toBeGreaterThan(track.seconds - 3.5);
	const since = await logCursor();
	await fault('/shutdown');
	await expect.poll(async () => (await mediaState(page)).ended, { timeout: 10_000 }).toBe(true);
	await fault('/start');

	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind), { timeout: 15_000 })
		.toContain('stopped');
	const reports = await checkIns(since, deviceId);
	const stopped = reports.filter((event) => checkInKind(event) === 'stopped');
	expect(stopped).toHaveLength(1);
	expect(stopped[0]!.status).toBe(204);
	expect(checkInBody(stopped[0]!).ItemId).toBe(track.Id);
	expect(Number(checkInBody(stopped[0]!).PositionTicks)).toBeGreaterThan(ticks(track.seconds - 1));
	const staleProgress = reports.filter(
		(event) => checkInKind(event) === 'progress' && event.seq > stopped[0]!.seq
	);
	expect(staleProgress, 'progress for the ended item after its Stopped').toEqual([]);
	await expect.poll(async () => (await remote.session(deviceId))?.NowPlayingItem).toBeUndefined();
});
