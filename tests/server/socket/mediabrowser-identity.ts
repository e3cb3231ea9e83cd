import type { ServerState } from '../state.ts';
import type { SocketConnection } from './connection.ts';

/** What MediaBrowser 3 logged when an Identity message named no signed-in client. */
export const UNBOUND_IDENTITY_REASON = 'Unable to determine session based on identity message';

function leaveUnbound(state: ServerState, connection: SocketConnection, identity: unknown): void {
	state.log.add('ws-unbound', {
		socketId: connection.id,
		path: connection.path,
		reason: UNBOUND_IDENTITY_REASON,
		identity
	});
	state.logger.warn(`socket ${connection.id}: ${UNBOUND_IDENTITY_REASON}`);
}

/** Detaches the socket from its earlier session, which ends when it has no other open socket. */
function unbind(state: ServerState, connection: SocketConnection): void {
	const previous = connection.session;
	if (previous === undefined) return;
	previous.sockets.delete(connection);
	connection.session = undefined;
	if (state.sessions.removeIfNoOpenSocket(previous)) previous.progress = undefined;
}

/**
 * Binds a MediaBrowser socket by its `Identity` message, whose Data is
 * `Client|DeviceId|Version|DeviceName`. The socket joins the session of the signed-in device with
 * that Client and DeviceId, created if needed. When no token was issued to that pair (a Client
 * that differs from the one the sign-in used, say), the socket stays open without a session:
 * no commands reach it and its check-ins are ignored. A socket that was bound loses its session.
 */
export function bindByIdentity(state: ServerState, connection: SocketConnection, data: unknown) {
	const parts = typeof data === 'string' ? data.split('|') : [];
	const [client = '', deviceId = '', version = '', deviceName = ''] = parts;
	const record = parts.length >= 3 ? state.devices.findByAppAndDevice(client, deviceId) : undefined;
	const user = state.users.find((candidate) => candidate.id === record?.userId);
	if (record === undefined || user === undefined) {
		unbind(state, connection);
		leaveUnbound(state, connection, data);
		return;
	}
	const session = state.sessions.logActivity({
		client,
		version: version || record.appVersion,
		deviceId,
		deviceName: deviceName || record.deviceName,
		remoteEndPoint: connection.remoteAddress,
		user
	});
	if (connection.session !== session) unbind(state, connection);
	connection.session = session;
	session.hasSocketController = true;
	session.sockets.add(connection);
	state.log.add('ws-bound', { sessionId: session.id, socketId: connection.id, client, deviceId });
	state.logger.info(`socket ${connection.id} bound to session ${session.id} by Identity`);
}
