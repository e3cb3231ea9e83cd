import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { authenticateRequest, credentialProblem, type AuthInfo } from '../auth/authenticate.ts';
import { ERROR_TEXT } from '../core/http.ts';
import { QueryParams } from '../core/query.ts';
import { MODE_FACTS } from '../modes/server-mode.ts';
import type { ServerState } from '../state.ts';

/** Which listener a handshake arrived on: the HTTP port or MediaBrowser's separate socket port. */
export type SocketListener = 'http' | 'legacy';

export type HandshakeDecision =
	| { kind: 'reject'; status: 400 | 403 | 404; reason: string }
	/** Accept and bind to the session of `auth`'s Client and `deviceId`. */
	| { kind: 'session'; auth: AuthInfo; deviceId: string | undefined }
	/** Accept without a session; the client's Identity message binds it later. */
	| { kind: 'identity' };

const NOT_FOUND = { kind: 'reject', status: 404, reason: 'Not Found' } as const;

function hasPath(url: URL, path: string): boolean {
	return url.pathname.toLowerCase() === path.toLowerCase();
}

/**
 * MediaBrowser 3 served sockets on the separate port of `WebSocketPortNumber`, at `/mediabrowser`,
 * and read no credentials from the handshake.
 */
function mediaBrowserHandshake(url: URL, listener: SocketListener): HandshakeDecision {
	if (listener !== 'legacy' || !hasPath(url, MODE_FACTS.mediabrowser.socketPath)) return NOT_FOUND;
	return { kind: 'identity' };
}

/**
 * Decides a WebSocket handshake before the upgrade. Jellyfin accepts any path and binds by the
 * token's Client and DeviceId. Emby accepts only `/embywebsocket` and binds by the token's Client
 * and the `deviceId` query, which it requires. Without a valid token both reject the handshake with 403.
 * NOTE: Emby's responses to another path (404 here) and to a missing deviceId (400 here) are not
 * confirmed.
 */
export function decideHandshake(
	state: ServerState,
	req: IncomingMessage,
	url: URL,
	listener: SocketListener
): HandshakeDecision {
	const { mode } = state.options;
	if (mode === 'mediabrowser') return mediaBrowserHandshake(url, listener);
	if (mode === 'emby' && !hasPath(url, MODE_FACTS.emby.socketPath)) return NOT_FOUND;
	const query = new QueryParams(url.searchParams);
	const auth = authenticateRequest(state, req.headers, query);
	const problem = credentialProblem(auth);
	if (problem !== undefined) return { kind: 'reject', status: 403, reason: problem };
	if (mode !== 'emby') return { kind: 'session', auth, deviceId: auth.deviceId };
	const deviceId = query.get('deviceId');
	if (!deviceId) return { kind: 'reject', status: 400, reason: 'deviceId is required' };
	return { kind: 'session', auth, deviceId };
}

const STATUS_TEXT = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' } as const;

/** Writes the HTTP response of a rejected handshake on the raw socket, before any upgrade, as Jellyfin does. */
export function rejectHandshake(socket: Duplex, status: 400 | 403 | 404): void {
	const body = Buffer.from(ERROR_TEXT, 'utf8');
	socket.once('finish', () => socket.destroy());
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: text/plain\r\n` +
			`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${ERROR_TEXT}`
	);
}
