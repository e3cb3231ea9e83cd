import { expect } from '@playwright/test';

import { SERVER_URL } from './remote';

/** One entry of the test server's log of what crossed the wire. */
export interface LogEvent {
	seq: number;
	time: number;
	kind:
		| 'http'
		| 'ws-open'
		| 'ws-rejected'
		| 'ws-in'
		| 'ws-out'
		| 'ws-close'
		| 'ws-lost'
		// Written by the fault API: see "Faults" in tests/server/README.md.
		| 'ws-unbound'
		| 'ws-dropped'
		| 'server-down'
		| 'server-up'
		| 'refused'
		| 'held'
		| 'black-hole'
		| 'black-hole-lifted'
		| 'tokens-revoked'
		| 'session-forgotten'
		// Written in the Emby and MediaBrowser modes.
		| 'ws-stale'
		| 'ws-bound'
		| 'ws-checkin'
		| 'restart-required';
	method?: string;
	path?: string;
	query?: Record<string, string>;
	body?: unknown;
	status?: number;
	deviceId?: string;
	client?: string;
	sessionId?: string;
	frame?: string;
	code?: number;
	reason?: string;
	by?: 'client' | 'server';
	/** `ws-checkin`: the MessageType of a MediaBrowser socket check-in. */
	type?: string;
	/** `ws-unbound` in MediaBrowser mode: the Identity message Data. */
	identity?: string;
}

/** Reads the log of the test server at `serverUrl`, by default the one the suite starts. */
export async function readLog(
	since = 0,
	serverUrl = SERVER_URL
): Promise<{ next: number; events: LogEvent[] }> {
	const response = await fetch(`${serverUrl}/__test/log?since=${since}`);
	if (!response.ok) throw new Error(`reading the server log failed: HTTP ${response.status}`);
	return (await response.json()) as { next: number; events: LogEvent[] };
}

/** Returns the log position after which later reads return only new events. */
export async function logCursor(serverUrl = SERVER_URL): Promise<number> {
	return (await readLog(Number.MAX_SAFE_INTEGER, serverUrl)).next;
}

/** Waits until the log contains an event after `since` that matches, and returns it. */
export async function waitForEvent(
	since: number,
	predicate: (event: LogEvent) => boolean,
	description: string,
	timeoutMs = 10_000,
	serverUrl = SERVER_URL
): Promise<LogEvent> {
	let found: LogEvent | undefined;
	await expect
		.poll(
			async () => {
				found = (await readLog(since, serverUrl)).events.find(predicate);
				return found !== undefined;
			},
			{ message: `waiting for ${description}`, timeout: timeoutMs }
		)
		.toBe(true);
	return found!;
}

/** HTTP requests from one device to a path, after `since`. */
export async function requestsFrom(
	since: number,
	deviceId: string,
	method: string,
	path: string
): Promise<LogEvent[]> {
	const { events } = await readLog(since);
	return events.filter(
		(event) =>
			event.kind === 'http' &&
			event.deviceId === deviceId &&
			event.method === method &&
			event.path === path
	);
}

/** Returns the check-ins (start, progress, stopped) a device sent after `since`, in order. */
export async function checkIns(since: number, deviceId: string): Promise<LogEvent[]> {
	const { events } = await readLog(since);
	return events.filter(
		(event) =>
			event.kind === 'http' &&
			event.method === 'POST' &&
			event.deviceId === deviceId &&
			/^\/Sessions\/Playing(\/Progress|\/Stopped)?$/.test(event.path ?? '')
	);
}

export function checkInKind(event: LogEvent): 'start' | 'progress' | 'stopped' {
	if (event.path?.endsWith('/Progress')) return 'progress';
	if (event.path?.endsWith('/Stopped')) return 'stopped';
	return 'start';
}

export function checkInBody(event: LogEvent): Record<string, unknown> {
	return (event.body ?? {}) as Record<string, unknown>;
}

/** Sends a frame as it is, valid or not, on the session's command socket. */
export async function sendRawFrame(sessionId: string, text: string): Promise<void> {
	const response = await fetch(`${SERVER_URL}/__test/sessions/${sessionId}/raw`, {
		method: 'POST',
		headers: { 'Content-Type': 'text/plain' },
		body: text
	});
	if (!response.ok) throw new Error(`sending a raw frame failed: HTTP ${response.status}`);
}
