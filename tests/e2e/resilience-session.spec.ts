import { expect, test } from '@playwright/test';

import { expectPlaying, signInAndFindSession } from './support/app';
import {
	expectPauseObeyed,
	expectReconnected,
	fault,
	hideAndShowPage,
	startPlayback
} from './support/faults';
import { logCursor, readLog, waitForEvent, type LogEvent } from './support/server-log';
import { useFaultSuite } from './support/fault-suite';

const remote = useFaultSuite();

function opensAndCapabilities(events: LogEvent[], deviceId: string): string[] {
	return events
		.filter(
			(event) =>
				(event.kind === 'ws-open' && event.deviceId === deviceId) ||
				(event.kind === 'http' &&
					event.deviceId === deviceId &&
					event.path === '/Sessions/Capabilities/Full')
		)
		.map((event) => (event.kind === 'ws-open' ? 'open' : 'capabilities'));
}

test('self-check repairs a session the server dropped', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	await fault(`/sessions/${session.Id}/forget`);
	// A check-in may recreate the session, but without a socket no controller can drive it.
	await expect
		.poll(async () => (await remote.session(deviceId))?.SupportsRemoteControl ?? false)
		.toBe(false);

	await hideAndShowPage(page);
	const check = await waitForEvent(
		since,
		(event) => event.kind === 'http' && event.deviceId === deviceId && event.path === '/Sessions',
		'the self-check'
	);
	const open = await waitForEvent(
		check.seq,
		(event) => event.kind === 'ws-open' && event.deviceId === deviceId,
		'a new socket'
	);
	await expectReconnected(open.seq - 1, deviceId);
	const { events } = await readLog(since);
	const order = opensAndCapabilities(
		events.filter((event) => event.seq <= open.seq + 5),
		deviceId
	);
	// Posting the capabilities again comes first. The server still lists no socket for the
	// session, so a new socket follows and gets its own capabilities POST.
	expect(order.slice(0, 3)).toEqual(['capabilities', 'open', 'capabilities']);
	await expectPauseObeyed(page, remote, deviceId);
});

test('every socket open is followed by one capabilities POST', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const since = await logCursor();
	for (let round = 0; round < 3; round++) {
		const roundStart = await logCursor();
		const current = await remote.session(deviceId);
		await fault(`/sessions/${current!.Id}/close?code=1006`);
		await expectReconnected(roundStart, deviceId);
	}
	await fault('/restart?downMs=500');
	const afterRestart = await logCursor();
	await expectReconnected(afterRestart, deviceId);

	const order = opensAndCapabilities((await readLog(since)).events, deviceId);
	expect(order).toEqual(Array(4).fill(['open', 'capabilities']).flat());
	const current = await remote.session(deviceId);
	expect(current?.SupportsMediaControl).toBe(true);
	expect(current?.SupportedCommands?.length).toBeGreaterThan(5);
	await expectPauseObeyed(page, remote, deviceId);
});

test('a standby tab stays out of a reconnection', async ({ context, page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	const second = await context.newPage();
	await second.goto('/');
	await expect(second.getByText('Cue is active in another tab')).toBeVisible();

	const since = await logCursor();
	await fault('/restart?downMs=1500');
	await expectReconnected(since, deviceId);
	await page.waitForTimeout(3000);
	const opens = (await readLog(since)).events.filter(
		(event) => event.kind === 'ws-open' && event.deviceId === deviceId
	);
	expect(opens).toHaveLength(1);
	await expect(second.getByText('Cue is active in another tab')).toBeVisible();
	await expect(second.getByRole('button', { name: 'Use this tab instead' })).toBeVisible();
	await expectPlaying(page);
	await expectPauseObeyed(page, remote, deviceId);
});

test('failed setup after an open is retried', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await startPlayback(page, remote, session);
	await fault('/fail-requests?path=/Sessions/Capabilities/Full&status=503&count=1');
	const since = await logCursor();
	await fault(`/sessions/${session.Id}/close?code=1006`);
	const failed = await waitForEvent(
		since,
		(event) => event.path === '/Sessions/Capabilities/Full' && event.status === 503,
		'the failed capabilities POST'
	);
	await waitForEvent(
		failed.seq,
		(event) => event.kind === 'ws-close' && event.by === 'client',
		'Cue to drop the socket it could not set up'
	);

	await expectReconnected(failed.seq, deviceId);
	await expectPauseObeyed(page, remote, deviceId);
});
