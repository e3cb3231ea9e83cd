import { expect, test } from '@playwright/test';

import { signInAndFindSession } from './support/app';
import {
	expectPauseObeyed,
	expectReconnected,
	fault,
	hideAndShowPage,
	startPlayback
} from './support/faults';
import { logCursor, readLog, waitForEvent } from './support/server-log';
import { useFaultSuite } from './support/fault-suite';

const remote = useFaultSuite();

// The e2e server sends ForceKeepAlive 6, so Cue sends KeepAlive every 3 s, and a link silent for
// two intervals plus the 5 s grace counts as dead after 11 s.
const DEAD_LINK_MS = 2 * 3000 + 5000;

test('black-holed socket is replaced after two silent intervals', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/black-hole');
	const hole = await waitForEvent(since, (event) => event.kind === 'black-hole', 'the black hole');

	const { open } = await expectReconnected(since, deviceId, 25_000);
	// The silence Cue measures starts at the last frame it received, up to one interval before
	// the hole, and ends with the next 1 s watchdog tick after the threshold.
	const { events } = await readLog(0);
	const lastFrame = events
		.filter((event) => event.kind === 'ws-out' && event.sessionId === session.Id)
		.filter((event) => event.seq < hole.seq)
		.at(-1)!;
	const silence = open.time - lastFrame.time;
	expect(silence).toBeGreaterThanOrEqual(DEAD_LINK_MS);
	expect(silence).toBeLessThan(DEAD_LINK_MS + 2500);
	await expectPauseObeyed(page, remote, deviceId);
});

test('black-holed network recovers when lifted', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/black-hole?http=true');
	await expect(page.getByTestId('connection-status')).toHaveAttribute(
		'data-state',
		'reconnecting',
		{
			timeout: DEAD_LINK_MS + 5000
		}
	);
	await fault('/black-hole/lift');

	await expectReconnected(since, deviceId, 40_000);
	await expectPauseObeyed(page, remote, deviceId);
});

test('Jellyfin 12.0 rules: lost socket closed, ApiKey still accepted', async ({ page }) => {
	await fault('/options', { legacyAuthorization: false, closeLostSockets: true });
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/black-hole');
	await expectReconnected(since, deviceId, 25_000);
	await fault('/black-hole/lift');
	// The server gave up on the old socket, and its abort crosses once the path works again.
	await waitForEvent(
		since,
		(event) => event.kind === 'ws-lost',
		'the server to lose the old socket'
	);
	const rejected = (await readLog(since)).events.filter((event) => event.kind === 'ws-rejected');
	expect(rejected).toEqual([]);
	await expectPauseObeyed(page, remote, deviceId);
});

test('socket without ForceKeepAlive is replaced', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	await fault('/unbound-sockets?count=1');
	const since = await logCursor();
	await fault(`/sessions/${session.Id}/close?code=1006`);
	const unbound = await waitForEvent(
		since,
		(event) => event.kind === 'ws-unbound',
		'an unbound socket'
	);
	// Ten seconds without ForceKeepAlive: the self-check finds no controllable session, posts
	// the capabilities and, as that cannot attach a socket, opens a new one.
	const open = await waitForEvent(
		unbound.seq,
		(event) => event.kind === 'ws-open' && event.deviceId === deviceId,
		'a bound socket',
		20_000
	);
	// The 10 s wait runs on the browser's timer while these times come from the server log.
	expect(open.time - unbound.time).toBeGreaterThanOrEqual(9500);
	const repair = (await readLog(unbound.seq)).events.filter(
		(event) => event.seq < open.seq && event.path === '/Sessions'
	);
	expect(repair.length, 'GET /Sessions of the self-check').toBeGreaterThanOrEqual(1);

	await expectReconnected(open.seq - 1, deviceId);
	await expectPauseObeyed(page, remote, deviceId);
});

test('offline then online reconnects at once', async ({ page, context }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await context.setOffline(true);
	try {
		await fault(`/sessions/${session.Id}/close?code=1006`);
		const status = page.getByTestId('connection-status');
		await expect(status).toHaveAttribute('data-state', 'offline');
		await expect(status).toContainText('Offline');
		// Let the backoff grow well past the wait the test allows after going online.
		await page.waitForTimeout(8000);
	} finally {
		await context.setOffline(false);
	}
	const online = Date.now();
	const { open } = await expectReconnected(since, deviceId);
	expect(open.time - online).toBeLessThan(3000);
	await expectPauseObeyed(page, remote, deviceId);
});

test('page becoming visible retries at once', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/crash');
	const status = page.getByTestId('connection-status');
	await expect(status).toHaveAttribute('data-state', 'reconnecting');
	await page.waitForTimeout(8000);
	await fault('/start');
	await hideAndShowPage(page);
	const visible = Date.now();

	const { open } = await expectReconnected(since, deviceId);
	expect(open.time - visible).toBeLessThan(1500);
	await expectPauseObeyed(page, remote, deviceId);
});

test('Retry now connects at once', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault('/crash');
	const status = page.getByTestId('connection-status');
	await expect(status).toContainText(/next try in \d+ s/);
	await page.waitForTimeout(8000);
	await fault('/start');
	await status.getByRole('button', { name: 'Retry now' }).click();
	const clicked = Date.now();

	const { open } = await expectReconnected(since, deviceId);
	expect(open.time - clicked).toBeLessThan(1500);
	await expectPauseObeyed(page, remote, deviceId);
});
