import { expect, type Page } from '@playwright/test';

import { expectControllable, expectPaused, expectPlaying, mediaState } from './app';
import { library } from './library';
import { SERVER_URL, type Remote, type SessionDto } from './remote';
import { readLog, type LogEvent } from './server-log';

/** Sends a request to the test server's fault API and fails on an error status. */
export async function fault(path: string, body?: unknown): Promise<Response> {
	const response = await fetch(`${SERVER_URL}/__test${path}`, {
		method: 'POST',
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (!response.ok) throw new Error(`POST /__test${path} failed: HTTP ${response.status}`);
	return response;
}

/** Ends every fault and restores the server's start options. Call it after each test. */
export async function resetFaults(): Promise<void> {
	await fault('/faults/reset');
}

/** Plays a long item on the page from the remote and waits until it plays. */
export async function startPlayback(page: Page, remote: Remote, session: SessionDto) {
	await remote.play(session.Id, [library.longAudio.Id]);
	await expectPlaying(page);
}

function isCapabilitiesPost(event: LogEvent, deviceId: string): boolean {
	return (
		event.kind === 'http' &&
		event.method === 'POST' &&
		event.deviceId === deviceId &&
		event.path === '/Sessions/Capabilities/Full'
	);
}

function isProgress(event: LogEvent, deviceId: string): boolean {
	return (
		event.kind === 'http' &&
		event.deviceId === deviceId &&
		event.path === '/Sessions/Playing/Progress'
	);
}

/** The events of one reconnection, read from the server log after `since`. */
export interface Reconnection {
	open: LogEvent;
	capabilities: LogEvent;
	progress: LogEvent;
}

/**
 * Waits until the device has a new socket, then checks the order the server saw: the open, then
 * the capabilities POST (never before the open), then a progress report.
 */
export async function expectReconnected(
	since: number,
	deviceId: string,
	timeoutMs = 20_000
): Promise<Reconnection> {
	let reconnection: Reconnection | undefined;
	await expect
		.poll(
			async () => {
				const { events } = await readLog(since);
				const open = events.find(
					(event) => event.kind === 'ws-open' && event.deviceId === deviceId
				);
				const after = events.filter((event) => open !== undefined && event.seq > open.seq);
				const capabilities = after.find((event) => isCapabilitiesPost(event, deviceId));
				const progress = after.find((event) => isProgress(event, deviceId));
				if (open && capabilities && progress) reconnection = { open, capabilities, progress };
				return reconnection !== undefined;
			},
			{ message: 'waiting for a new socket, capabilities and progress', timeout: timeoutMs }
		)
		.toBe(true);
	const { events } = await readLog(since);
	const early = events.filter(
		(event) => isCapabilitiesPost(event, deviceId) && event.seq < reconnection!.open.seq
	);
	expect(early, 'capabilities posted before the new socket opened').toEqual([]);
	expect(reconnection!.capabilities.status).toBe(204);
	expect(reconnection!.progress.status).toBe(204);
	return reconnection!;
}

/** Sends Pause from the remote and checks the element pauses and the server shows IsPaused. */
export async function expectPauseObeyed(
	page: Page,
	remote: Remote,
	deviceId: string
): Promise<void> {
	await expectControllable(page);
	let session: SessionDto | undefined;
	await expect
		.poll(async () => {
			session = (await remote.controllableSessions()).find((entry) => entry.DeviceId === deviceId);
			return session?.SupportsRemoteControl === true;
		})
		.toBe(true);
	await remote.playstate(session!.Id, 'Pause');
	await expectPaused(page);
	await expect.poll(async () => (await remote.session(deviceId))?.PlayState?.IsPaused).toBe(true);
	expect((await mediaState(page)).paused).toBe(true);
}

/** Fires visibilitychange as if the person switched to another tab and back. */
export async function hideAndShowPage(page: Page): Promise<void> {
	await page.evaluate(() => {
		const setState = (state: DocumentVisibilityState) => {
			Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
			Object.defineProperty(document, 'hidden', {
				configurable: true,
				get: () => state === 'hidden'
			});
			document.dispatchEvent(new Event('visibilitychange'));
		};
		setState('hidden');
		setState('visible');
	});
}
