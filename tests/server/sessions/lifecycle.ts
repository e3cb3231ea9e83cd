import type { DeviceRecord } from '../auth/devices.ts';
import type { ServerState } from '../state.ts';
import type { Session } from './session.ts';

/** Close code and reason the server uses when it ends a session or shuts down. */
export const SHUTDOWN_CLOSE = { code: 1000, reason: 'System Shutdown' } as const;

/** Ends a session: removes it and closes its sockets with 1000 "System Shutdown". */
export function endSession(state: ServerState, session: Session, why: string): void {
	state.sessions.remove(session);
	session.progress = undefined;
	for (const socket of session.sockets) {
		if (socket.isOpen) socket.close(SHUTDOWN_CLOSE.code, SHUTDOWN_CLOSE.reason);
	}
	state.logger.info(`session ended ${session.id} (${why})`);
}

/** Deletes a token and ends every session of its DeviceId, as `SessionManager.Logout` does. */
export function logoutDevice(state: ServerState, record: DeviceRecord): void {
	state.devices.delete(record);
	for (const session of state.sessions.findByDeviceId(record.deviceId)) {
		endSession(state, session, 'logged out');
	}
}
