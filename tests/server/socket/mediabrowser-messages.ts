import { isObject, type JsonObject } from '../core/json-input.ts';
import {
	checkInProgress,
	checkInStart,
	checkInStopped,
	type CheckIn
} from '../sessions/checkin-apply.ts';
import type { Session } from '../sessions/session.ts';
import type { ServerState } from '../state.ts';
import type { SocketConnection } from './connection.ts';
import { bindByIdentity } from './mediabrowser-identity.ts';
import { pipeCheckInBody } from './pipe-checkins.ts';

/** A parsed client frame; any property may be missing or of another type. */
export interface InboundMessage {
	MessageType?: unknown;
	Data?: unknown;
}

/** The check-in each check-in message applies, with JSON Data or with pipe-delimited Data. */
const JSON_CHECK_INS = new Map<string, CheckIn>([
	['ReportPlaybackStart', checkInStart],
	['ReportPlaybackProgress', checkInProgress],
	['ReportPlaybackStopped', checkInStopped]
]);
const PIPE_CHECK_INS = new Map<string, CheckIn>([
	['PlaybackStart', checkInStart],
	['PlaybackProgress', checkInProgress],
	['PlaybackStopped', checkInStopped]
]);

/** Reads JSON check-in Data: an object, or a string that contains one. */
function jsonCheckInBody(data: unknown): JsonObject {
	const value: unknown = typeof data === 'string' ? JSON.parse(data) : data;
	if (!isObject(value)) throw new Error('Data is not a JSON object.');
	return value;
}

/**
 * Applies a check-in sent over the socket, exactly as the HTTP check-ins apply theirs, and logs
 * a `ws-checkin` event with the message type and the body the server read. A check-in on a
 * socket without a session, or with Data the server cannot read, is logged and ignored.
 */
function socketCheckIn(
	state: ServerState,
	connection: SocketConnection,
	type: string,
	readBody: () => JsonObject
): void {
	const apply = JSON_CHECK_INS.get(type) ?? PIPE_CHECK_INS.get(type);
	const fields = { sessionId: connection.session?.id, socketId: connection.id, type };
	const session: Session | undefined = connection.session;
	if (apply === undefined || session === undefined) {
		state.log.add('ws-checkin', { ...fields, accepted: false, error: 'no session' });
		state.logger.warn(`socket ${connection.id}: ${type} ignored, the socket has no session`);
		return;
	}
	try {
		const body = readBody();
		apply(state, body, () => session);
		state.log.add('ws-checkin', { ...fields, accepted: true, body });
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		state.log.add('ws-checkin', { ...fields, accepted: false, error: message });
		state.logger.warn(`socket ${connection.id}: ${type} ignored: ${message}`);
	}
}

/**
 * Handles a frame as MediaBrowser 3's session listener did (late 2014): `Identity` binds the
 * socket to a session, the check-in messages report playback, and everything else is ignored.
 * Nothing is ever sent back: there is no keep-alive.
 */
export function handleMediaBrowserMessage(
	state: ServerState,
	connection: SocketConnection,
	message: InboundMessage
): void {
	const type = typeof message.MessageType === 'string' ? message.MessageType : '';
	if (type === 'Identity') bindByIdentity(state, connection, message.Data);
	else if (JSON_CHECK_INS.has(type)) {
		socketCheckIn(state, connection, type, () => jsonCheckInBody(message.Data));
	} else if (PIPE_CHECK_INS.has(type)) {
		socketCheckIn(state, connection, type, () => pipeCheckInBody(type, message.Data));
	} else state.logger.info(`socket ${connection.id}: ${type || '(no MessageType)'} ignored`);
}
