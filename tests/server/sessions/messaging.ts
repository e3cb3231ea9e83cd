import { newGuid } from '../core/wire.ts';
import { openSockets, type Session, type SessionSocket } from './session.ts';

/**
 * Encodes one outbound socket message as `{"MessageType","MessageId","Data"}`, the property
 * order of 10.8's captured frames. `Data` is left out when undefined, as in the KeepAlive reply.
 */
export function encodeMessage(messageType: string, messageId: string, data?: unknown): string {
	if (data === undefined) return JSON.stringify({ MessageType: messageType, MessageId: messageId });
	return JSON.stringify({ MessageType: messageType, MessageId: messageId, Data: data });
}

/**
 * Returns the socket that commands go to: the open one with the most recent client activity, as
 * in `WebSocketController.SendMessage`. On a tie the later socket wins, because the server's
 * finer clock would have given it the later time.
 */
export function commandSocket(session: Session): SessionSocket | undefined {
	let target: SessionSocket | undefined;
	for (const socket of openSockets(session)) {
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
	target.send(encodeMessage(messageType, messageId, data));
	return true;
}

/** Sends one event to several sessions with one shared MessageId, as the server does. */
export function sendToSessions(sessions: Session[], messageType: string, data: unknown): void {
	const messageId = newGuid();
	for (const session of sessions) sendToSession(session, messageType, data, messageId);
}
