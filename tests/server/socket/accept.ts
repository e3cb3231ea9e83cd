import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import type { WebSocket } from 'ws';

import { normalizeAddress } from '../core/http.ts';
import { QueryParams } from '../core/query.ts';
import { SHUTDOWN_CLOSE } from '../sessions/lifecycle.ts';
import type { Session } from '../sessions/session.ts';
import type { ServerState } from '../state.ts';
import { SocketConnection, type MessageStyle } from './connection.ts';
import type { HandshakeDecision } from './handshake.ts';

export type AcceptDecision = Exclude<HandshakeDecision, { kind: 'reject' }>;

/** The accepted upgrade: the socket, its request and the TCP connection under it. */
export interface AcceptedSocket {
	ws: WebSocket;
	req: IncomingMessage;
	url: URL;
	tcp: Duplex;
}

/** Returns the socket's session, or closes the socket when none can be made (no DeviceId). */
function sessionFor(
	state: ServerState,
	accepted: AcceptedSocket,
	decision: Extract<HandshakeDecision, { kind: 'session' }>
): Session | undefined {
	const { auth, deviceId } = decision;
	try {
		return state.sessions.logActivity({
			client: auth.client,
			version: auth.version,
			deviceId,
			deviceName: auth.device,
			remoteEndPoint: normalizeAddress(accepted.req.socket.remoteAddress),
			user: auth.user
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		state.logger.warn(`socket on ${accepted.url.pathname} closed: no session (${message})`);
		accepted.ws.close(SHUTDOWN_CLOSE.code, SHUTDOWN_CLOSE.reason);
		return undefined;
	}
}

/**
 * Wraps an accepted socket in a connection, bound to its session when the handshake names one.
 * Returns undefined, after closing the socket, when that session cannot be made.
 */
export function createConnection(
	state: ServerState,
	style: MessageStyle,
	accepted: AcceptedSocket,
	decision: AcceptDecision
): SocketConnection | undefined {
	let session: Session | undefined;
	if (decision.kind === 'session') {
		session = sessionFor(state, accepted, decision);
		if (session === undefined) return undefined;
	}
	const { embyIdleSocketSeconds, mode } = state.options;
	return new SocketConnection({
		ws: accepted.ws,
		tcp: accepted.tcp,
		path: accepted.url.pathname,
		remoteAddress: normalizeAddress(accepted.req.socket.remoteAddress),
		deviceIdQuery: new QueryParams(accepted.url.searchParams).get('deviceId'),
		log: state.log,
		style,
		session,
		staleAfterMs: mode === 'emby' ? embyIdleSocketSeconds * 1000 : undefined
	});
}
