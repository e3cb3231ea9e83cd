import type { User } from '../auth/users.ts';
import { extrapolate } from './session-dto.ts';
import { supportsRemoteControl, type Session } from './session.ts';

export interface SessionQuery {
	caller: User;
	/** The resolved `controllableByUserId`, when given. */
	controllableBy?: User;
	deviceId?: string;
	activeWithinSeconds?: number;
}

function belongsTo(session: Session, userId: string): boolean {
	return session.userId === '' || session.userId === userId;
}

/**
 * Filters sessions like Jellyfin 10.11's `SessionManager.GetSessions`. With
 * `controllableByUserId` only remote-controllable sessions remain, user-less ones only if the
 * controlled user allows shared device control, and other users' sessions only if the caller
 * may control other users. Without it, non-administrators see their own and user-less sessions.
 * Every demo user may use every device, so the device access rule never removes a session.
 */
export function filterSessions(sessions: Session[], query: SessionQuery, now: number): Session[] {
	const { caller, controllableBy } = query;
	let result = sessions;
	if (query.deviceId) {
		const wanted = query.deviceId.toLowerCase();
		result = result.filter((session) => session.deviceId.toLowerCase() === wanted);
	}
	if (controllableBy !== undefined) {
		result = result.filter(supportsRemoteControl);
		if (!controllableBy.enableSharedDeviceControl) {
			result = result.filter((session) => session.userId !== '');
		}
		if (!caller.enableRemoteControlOfOtherUsers) {
			result = result.filter((session) => belongsTo(session, caller.id));
		}
	} else if (!caller.isAdministrator) {
		result = result.filter((session) => belongsTo(session, caller.id));
	}
	const within = query.activeWithinSeconds;
	if (within !== undefined && within > 0) {
		const oldest = now - within * 1000;
		result = result.filter((session) => extrapolate(session, now).activity >= oldest);
	}
	return result;
}
