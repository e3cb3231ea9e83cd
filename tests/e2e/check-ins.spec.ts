import { expect, test } from '@playwright/test';

import { expectPaused, expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote, ticks } from './support/remote';
import {
	checkInBody,
	checkInKind,
	checkIns,
	logCursor,
	readLog,
	waitForEvent,
	type LogEvent
} from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

const REPORT_FIELDS = [
	'ItemId',
	'MediaSourceId',
	'PlaySessionId',
	'PositionTicks',
	'IsPaused',
	'IsMuted',
	'VolumeLevel',
	'CanSeek',
	'PlayMethod',
	'RepeatMode',
	'NowPlayingQueue'
];

function describe(events: LogEvent[]): string[] {
	return events.map((event) => `${checkInKind(event)}:${checkInBody(event).ItemId}`);
}

test('reports Stopped for the old item before Playing for the new one', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [first, second] = library.tracks;
	const beforePlay = await logCursor();
	await remote.play(session.Id, [first.Id, second.Id]);
	await expectPlaying(page);
	// The first item's start report must be in before the cursor, or it would count as new.
	await expect
		.poll(async () => describe(await checkIns(beforePlay, deviceId)))
		.toContain(`start:${first.Id}`);
	const since = await logCursor();
	await remote.playstate(session.Id, 'NextTrack');
	await expect
		.poll(async () => describe(await checkIns(since, deviceId)))
		.toContain(`start:${second.Id}`);
	const kinds = describe(await checkIns(since, deviceId)).filter(
		(entry) => !entry.startsWith('progress')
	);
	expect(kinds).toEqual([`stopped:${first.Id}`, `start:${second.Id}`]);
});

test('every report carries the full playback state', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const since = await logCursor();
	await remote.play(session.Id, [library.tracks[0].Id, library.tracks[1].Id]);
	await expectPlaying(page);
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	await remote.playstate(session.Id, 'Stop');
	await expect
		.poll(async () => (await checkIns(since, deviceId)).map(checkInKind))
		.toEqual(expect.arrayContaining(['start', 'progress', 'stopped']));
	const reports = await checkIns(since, deviceId);
	const playlistIds = new Set<string>();
	for (const report of reports) {
		const body = checkInBody(report);
		const fields =
			checkInKind(report) === 'stopped'
				? ['ItemId', 'MediaSourceId', 'PlaySessionId', 'PositionTicks', 'NowPlayingQueue']
				: REPORT_FIELDS;
		for (const field of fields) expect(body, `${report.path} lacks ${field}`).toHaveProperty(field);
		const queue = body.NowPlayingQueue as { Id: string; PlaylistItemId: string }[];
		expect(queue.map((entry) => entry.Id)).toEqual([library.tracks[0].Id, library.tracks[1].Id]);
		for (const entry of queue) playlistIds.add(entry.PlaylistItemId);
	}
	// The same two entries keep the same PlaylistItemIds in every report.
	expect(playlistIds.size).toBe(2);
});

test('reports pause, unpause, volume and mute at once', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id]);
	await expectPlaying(page);

	let since = await logCursor();
	await remote.playstate(session.Id, 'Pause');
	const pauseReport = await waitForEvent(
		since,
		(event) =>
			event.path === '/Sessions/Playing/Progress' &&
			event.deviceId === deviceId &&
			checkInBody(event).IsPaused === true,
		'a progress report with IsPaused'
	);
	expect(checkInBody(pauseReport).ItemId).toBe(library.longAudio.Id);

	since = await logCursor();
	await remote.command(session.Id, 'SetVolume', { Volume: 30 });
	await waitForEvent(
		since,
		(event) => event.path === '/Sessions/Playing/Progress' && checkInBody(event).VolumeLevel === 30,
		'a progress report with VolumeLevel 30'
	);
	expect((await mediaState(page)).volume).toBeCloseTo(0.3, 2);

	since = await logCursor();
	await remote.command(session.Id, 'Mute');
	await waitForEvent(
		since,
		(event) => event.path === '/Sessions/Playing/Progress' && checkInBody(event).IsMuted === true,
		'a progress report with IsMuted'
	);
	expect((await mediaState(page)).muted).toBe(true);

	since = await logCursor();
	await remote.playstate(session.Id, 'Unpause');
	await waitForEvent(
		since,
		(event) => event.path === '/Sessions/Playing/Progress' && checkInBody(event).IsPaused === false,
		'a progress report after Unpause'
	);
});

test('reports progress every 10 s while paused', async ({ page }) => {
	test.setTimeout(60_000);
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id], { startPositionTicks: ticks(30) });
	await expectPlaying(page);
	const beforePause = await logCursor();
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	// Check-ins go one at a time, so once a paused one is in, none from before the Pause can follow.
	await waitForEvent(
		beforePause,
		(event) => event.path === '/Sessions/Playing/Progress' && checkInBody(event).IsPaused === true,
		'a progress report after Pause'
	);
	const since = await logCursor();
	await page.waitForTimeout(21_000);
	const reports = (await checkIns(since, deviceId)).filter(
		(event) => checkInKind(event) === 'progress'
	);
	expect(reports.length).toBeGreaterThanOrEqual(2);
	for (const report of reports) expect(checkInBody(report).IsPaused).toBe(true);
	const positions = new Set(reports.map((report) => checkInBody(report).PositionTicks));
	expect(positions.size).toBe(1);
	await remote.playstate(session.Id, 'Unpause');
	await expectPlaying(page);
});

test('reports Stopped when an item ends and starts the next', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [first, second] = library.tracks;
	const beforePlay = await logCursor();
	await remote.play(session.Id, [first.Id, second.Id]);
	await expectPlaying(page);
	// The first item's start report must be in before the cursor, or it would count as new.
	await expect
		.poll(async () => describe(await checkIns(beforePlay, deviceId)))
		.toContain(`start:${first.Id}`);
	const since = await logCursor();
	await remote.playstate(session.Id, 'Seek', ticks(first.seconds - 1));
	await expect
		.poll(async () => describe(await checkIns(since, deviceId)), { timeout: 15_000 })
		.toContain(`start:${second.Id}`);
	const order = describe(await checkIns(since, deviceId)).filter(
		(entry) => !entry.startsWith('progress')
	);
	expect(order).toEqual([`stopped:${first.Id}`, `start:${second.Id}`]);
	const stopped = (await checkIns(since, deviceId)).find(
		(event) => checkInKind(event) === 'stopped'
	)!;
	expect(Number(checkInBody(stopped).PositionTicks)).toBeGreaterThan(ticks(first.seconds - 1));
	expect(checkInBody(stopped).Failed).toBe(false);
});

test('sign-out reports Stopped, logs out and keeps the DeviceId', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.tracks[0].Id]);
	await expectPlaying(page);
	const since = await logCursor();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByLabel('Server address')).toBeVisible();
	const { events } = await readLog(since);
	const fromDevice = events.filter((event) => event.kind === 'http' && event.deviceId === deviceId);
	const stoppedIndex = fromDevice.findIndex((event) => event.path === '/Sessions/Playing/Stopped');
	const logoutIndex = fromDevice.findIndex((event) => event.path === '/Sessions/Logout');
	expect(stoppedIndex).toBeGreaterThanOrEqual(0);
	expect(logoutIndex).toBeGreaterThan(stoppedIndex);
	await expect
		.poll(async () => (await readLog(since)).events.some((event) => event.kind === 'ws-close'))
		.toBe(true);
	expect(await page.evaluate(() => localStorage.getItem('cue.signIn'))).toBeNull();
	expect(await page.evaluate(() => localStorage.getItem('cue.deviceId'))).toBe(deviceId);
	await expect.poll(async () => remote.session(deviceId)).toBeUndefined();
});
