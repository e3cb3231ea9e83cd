import { SESSION_MESSAGE_TYPES } from '../core/enums.ts';
import { newGuid } from '../core/wire.ts';
import { encodeMessage } from '../sessions/messaging.ts';
import type { ServerState } from '../state.ts';
import type { SocketConnection } from './connection.ts';

/**
 * Handles one client frame like Jellyfin 10.11. Any frame counts as activity, KeepAlive gets a
 * reply, and everything else (malformed JSON, unknown or unhandled types) is logged and ignored
 * while the socket stays open.
 */
export function handleClientFrame(
	state: ServerState,
	connection: SocketConnection,
	text: string,
	isBinary: boolean
): void {
	connection.lastActivityAt = Date.now();
	const sessionId = connection.session.id;
	state.log.add('ws-in', { sessionId, socketId: connection.id, frame: text, isBinary });

	let message: unknown;
	try {
		message = JSON.parse(text);
	} catch {
		state.logger.warn(`socket ${connection.id}: malformed frame ignored`);
		return;
	}
	const type = (message as { MessageType?: unknown } | null)?.MessageType;
	// NOTE: 10.11 reads MessageType with System.Text.Json's enum converter, which may accept
	// other casings. Older servers compared it exactly, so only "KeepAlive" counts here.
	if (type === 'KeepAlive') {
		connection.lastKeepAliveAt = Date.now();
		connection.send(encodeMessage('KeepAlive', newGuid()));
	} else if (!SESSION_MESSAGE_TYPES.some((known) => known === type)) {
		state.logger.warn(`socket ${connection.id}: unknown MessageType ${String(type)} ignored`);
	} else {
		// Subscriptions such as SessionsStart are accepted by the server but not implemented here.
		state.logger.info(`socket ${connection.id}: ${String(type)} ignored`);
	}
}
