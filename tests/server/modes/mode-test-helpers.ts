import { createHash } from 'node:crypto';

import WebSocket from 'ws';

import type { RunningServer } from '../index.ts';
import type { LogEvent } from '../core/event-log.ts';
import { call, TEST_CLIENT, type AuthFields } from '../test-helpers.ts';

/** Builds `<scheme> Key="Value", …` for the Emby and MediaBrowser headers, leaving out absent keys. */
export function schemeHeader(
	scheme: 'Emby' | 'MediaBrowser',
	fields: AuthFields & { userId?: string }
) {
	const pairs = [
		['UserId', fields.userId],
		['Client', fields.client],
		['Device', fields.device],
		['DeviceId', fields.deviceId],
		['Version', fields.version],
		['Token', fields.token]
	]
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${key}="${encodeURIComponent(value ?? '')}"`);
	return `${scheme} ${pairs.join(', ')}`;
}

/** Sends a request to `server.url + path`; pass the mode's prefix in `path`. */
export const request = call;

export interface ModeLogin {
	token: string;
	userId: string;
	sessionId: string;
	deviceId: string;
	body: Record<string, unknown>;
}

async function readLogin(response: Response, deviceId: string): Promise<ModeLogin> {
	if (response.status !== 200) throw new Error(`login failed with HTTP ${response.status}`);
	const body = (await response.json()) as Record<string, unknown>;
	const session = body.SessionInfo as { Id: string; UserId: string };
	return {
		token: body.AccessToken as string,
		userId: session.UserId,
		sessionId: session.Id,
		deviceId,
		body
	};
}

/** Signs in to an Emby-mode server as `demo`, the way Emby's apiclient does. */
export async function embyLogin(
	server: RunningServer,
	deviceId: string,
	client = TEST_CLIENT.client
) {
	const header = schemeHeader('Emby', { ...TEST_CLIENT, client, deviceId });
	const response = await request(server, 'POST', '/emby/Users/AuthenticateByName', {
		headers: { 'X-Emby-Authorization': header },
		body: { Username: 'demo', Pw: 'demo' }
	});
	return readLogin(response, deviceId);
}

export function sha1Hex(text: string): string {
	return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** Signs in to a MediaBrowser-mode server as `demo` with the SHA-1 password of 2014. */
export async function mediaBrowserLogin(
	server: RunningServer,
	deviceId: string,
	client = TEST_CLIENT.client
) {
	const header = schemeHeader('MediaBrowser', { ...TEST_CLIENT, client, deviceId });
	const response = await request(server, 'POST', '/mediabrowser/Users/AuthenticateByName', {
		headers: { Authorization: header },
		body: { Username: 'demo', Password: sha1Hex('demo') }
	});
	return readLogin(response, deviceId);
}

/** Tries to open a socket at a `ws://` URL and returns the HTTP status of the rejected handshake. */
export function handshakeStatus(url: string): Promise<number> {
	const ws = new WebSocket(url);
	return new Promise((resolve, reject) => {
		ws.once('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			ws.terminate();
		});
		ws.once('open', () => reject(new Error(`the handshake at ${url} was accepted`)));
		ws.once('error', () => {});
	});
}

/** Returns the test log's events of one kind. */
export async function logEvents(server: RunningServer, kind: string): Promise<LogEvent[]> {
	const response = await fetch(`${server.url}/__test/log`);
	const { events } = (await response.json()) as { events: LogEvent[] };
	return events.filter((event) => event.kind === kind);
}

/** Waits until the log has an event of `kind` that `matches` accepts, and returns it. */
export async function waitForEvent(
	server: RunningServer,
	kind: string,
	matches: (event: LogEvent) => boolean = () => true,
	timeoutMs = 2000
): Promise<LogEvent> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = (await logEvents(server, kind)).find(matches);
		if (found) return found;
		if (Date.now() > deadline) throw new Error(`no ${kind} event within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** The parts of a session DTO that the mode tests read. */
export interface TestSessionDto {
	Id: string;
	NowPlayingItem?: { Id: string };
	NowPlayingQueue: { Id: string }[];
	PlayState: { PositionTicks?: number; IsPaused: boolean; MediaSourceId?: string };
	SupportedCommands: string[];
	SupportsRemoteControl: boolean;
}

/** Returns the `/__test/sessions` entry of a session id. */
export async function testSession(server: RunningServer, sessionId: string) {
	const response = await fetch(`${server.url}/__test/sessions`);
	const sessions = (await response.json()) as {
		session: TestSessionDto;
		openSocketCount: number;
	}[];
	return sessions.find((entry) => entry.session.Id === sessionId);
}
