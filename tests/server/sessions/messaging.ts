import { newGuid } from '../core/wire.ts';
import { openSockets, type Session, type SessionSocket } from './session.ts';

/**
 * Encodes one outbound socket message as `{"MessageType","MessageId","Data"}`, the property
 * order of 10.8's captured frames. `MessageId` is left out when undefined, as Emby and
 * MediaBrowser 3 send none, and `Data` when undefined, as in the KeepAlive reply.
 */
export function encodeMessage(
	messageType: string,
	messageId: string | undefined,
	data?: unknown
): string {
	return JSON.stringify({ MessageType: messageType, MessageId: messageId, Data: data });
}

/**
 * Returns the socket that commands go to: the open one with the most recent client activity, as
 * in `WebSocketController.SendMessage`. On a tie the later socket wins, because the server's
 * finer clock would have given it the later time.
 */
export function commandSocket(session: Session): SessionSocket | undefined {
	const now = Date.now();
	const open = openSockets(session);
	// A stale Emby socket gets nothing, so a live one of the same session is preferred.
	const live = open.filter((socket) => !socket.checkStale(now));
	let target: SessionSocket | undefined;
	for (const socket of live.length > 0 ? live : open) {
		if (target === undefined || socket.lastActivityAt >= target.lastActivityAt) target = socket;
	}
	return target;
}

/** Sends a message to the session's command socket. Returns false, sending nothing, without one. */
export function sendToSession(
	session: Session,
	messageType: string,
	data: unknown,
	messageId = newGuid()
): boolean {
	const target = commandSocket(session);
	if (target === undefined) return false;
	target.sendMessage(messageType, messageId, data);
	return true;
}

/** Sends one event to several sessions with one shared MessageId, as the server does. */
export function sendToSessions(sessions: Session[], messageType: string, data: unknown): void {
	const messageId = newGuid();
	for (const session of sessions) sendToSession(session, messageType, data, messageId);
}
