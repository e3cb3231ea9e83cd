import { badRequest } from '../core/errors.ts';
import { logoutDevice } from '../sessions/lifecycle.ts';
import { toSessionDto } from '../sessions/session-dto.ts';
import type { ServerState } from '../state.ts';
import { toUserDto, type User } from './users.ts';

export interface LoginDevice {
	client?: string;
	version?: string;
	deviceId?: string;
	deviceName?: string;
	remoteEndPoint: string;
}

/**
 * Issues a token for a user whose credentials were checked, like `AuthenticateNewSessionInternal`.
 * Client, DeviceId, Device and Version are required (400). Earlier tokens of the same user on the
 * same DeviceId are logged out, which closes their sockets. Returns the `AuthenticationResult`.
 */
export function startAuthenticatedSession(state: ServerState, user: User, device: LoginDevice) {
	const { client, version, deviceId, deviceName } = device;
	if (!client) throw badRequest('Value cannot be null or empty: App');
	if (!deviceId) throw badRequest('Value cannot be null or empty: DeviceId');
	if (!deviceName) throw badRequest('Value cannot be null or empty: DeviceName');
	if (!version) throw badRequest('Value cannot be null or empty: AppVersion');

	for (const record of state.devices.findByUserAndDevice(user.id, deviceId)) {
		logoutDevice(state, record);
	}
	const record = state.devices.create({
		userId: user.id,
		appName: client,
		appVersion: version,
		deviceName,
		deviceId
	});
	state.log.addSecret(record.accessToken);
	const now = Date.now();
	user.lastLoginDate = now;
	user.lastActivityDate = now;
	const session = state.sessions.logActivity({ ...device, user });
	state.logger.info(`user ${user.name} signed in from ${client} (device ${deviceId})`);
	return {
		User: toUserDto(user, state.serverId),
		SessionInfo: toSessionDto(session, state.serverId),
		AccessToken: record.accessToken,
		ServerId: state.serverId
	};
}
