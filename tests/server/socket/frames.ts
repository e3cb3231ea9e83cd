import { SESSION_MESSAGE_TYPES } from '../core/enums.ts';
import { newGuid } from '../core/wire.ts';
import type { ServerState } from '../state.ts';
import type { SocketConnection } from './connection.ts';
import { handleMediaBrowserMessage, type InboundMessage } from './mediabrowser-messages.ts';

/**
 * Handles one client frame. Any frame counts as activity and is logged, and malformed JSON is
 * logged and ignored while the socket stays open. The rest depends on the mode.
 */
export function handleClientFrame(
	state: ServerState,
	connection: SocketConnection,
	text: string,
	isBinary: boolean
): void {
	connection.lastActivityAt = Date.now();
	const sessionId = connection.session?.id;
	state.log.add('ws-in', { sessionId, socketId: connection.id, frame: text, isBinary });

	let message: InboundMessage;
	try {
		message = (JSON.parse(text) ?? {}) as InboundMessage;
	} catch {
		state.logger.warn(`socket ${connection.id}: malformed frame ignored`);
		return;
	}
	const { mode } = state.options;
	if (mode === 'mediabrowser') handleMediaBrowserMessage(state, connection, message);
	else if (mode === 'emby') handleEmbyMessage(state, connection, message);
	else handleJellyfinMessage(state, connection, message);
}

/**
 * Jellyfin 10.11: KeepAlive gets a reply, and everything else (unknown or unhandled types) is
 * logged and ignored.
 */
function handleJellyfinMessage(
	state: ServerState,
	connection: SocketConnection,
	message: InboundMessage
): void {
	const type = message.MessageType;
	// NOTE: 10.11 reads MessageType with System.Text.Json's enum converter, which may accept
	// other casings. Older servers compared it exactly, so only "KeepAlive" counts here.
	if (type === 'KeepAlive') {
		connection.lastKeepAliveAt = Date.now();
		connection.sendMessage('KeepAlive', newGuid());
	} else if (!SESSION_MESSAGE_TYPES.some((known) => known === type)) {
		state.logger.warn(`socket ${connection.id}: unknown MessageType ${String(type)} ignored`);
	} else {
		// Subscriptions such as SessionsStart are accepted by the server but not implemented here.
		state.logger.info(`socket ${connection.id}: ${String(type)} ignored`);
	}
}

/**
 * Emby 4.8 has no application keep-alive: a client KeepAlive is activity like any frame, and
 * nothing is sent back. Subscriptions such as SessionsStart are accepted but not implemented.
 */
function handleEmbyMessage(
	state: ServerState,
	connection: SocketConnection,
	message: InboundMessage
): void {
	if (message.MessageType === 'KeepAlive') connection.lastKeepAliveAt = Date.now();
	state.logger.info(`socket ${connection.id}: ${String(message.MessageType)} ignored`);
}
