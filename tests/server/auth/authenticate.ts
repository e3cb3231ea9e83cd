import type { IncomingHttpHeaders } from 'node:http';

import type { QueryParams } from '../core/query.ts';
import type { ServerState } from '../state.ts';
import { readAuthorizationValues, type AuthorizationValues } from './authorization-header.ts';
import {
	readEmbyAuthorizationValues,
	readMediaBrowserAuthorizationValues
} from './older-authorization.ts';
import type { DeviceRecord } from './devices.ts';
import type { User } from './users.ts';

/** The result of reading a request's credentials (Jellyfin's `AuthorizationInfo`). */
export interface AuthInfo extends AuthorizationValues {
	hasToken: boolean;
	/** True when the token belongs to a live device record. */
	isAuthenticated: boolean;
	user?: User;
	deviceRecord?: DeviceRecord;
}

function isBlank(value: string | undefined): boolean {
	return value === undefined || value.trim() === '';
}

/** Reads the client fields and token with the rules of the server mode. */
function readValues(
	state: ServerState,
	headers: IncomingHttpHeaders,
	query: QueryParams
): AuthorizationValues {
	const { mode, legacyAuthorization } = state.options;
	if (mode === 'emby') return readEmbyAuthorizationValues(headers, query);
	if (mode === 'mediabrowser') return readMediaBrowserAuthorizationValues(headers, query);
	return readAuthorizationValues(headers, query, legacyAuthorization);
}

/**
 * Reads the request's client fields and token, and looks the token up. Fields the request
 * leaves out are taken from the token's device record. A Device or Version that differs from
 * the record updates the record, unless the client name contains "chromecast".
 */
export function authenticateRequest(
	state: ServerState,
	headers: IncomingHttpHeaders,
	query: QueryParams
): AuthInfo {
	const values = readValues(state, headers, query);
	const info: AuthInfo = { ...values, hasToken: !!values.token, isAuthenticated: false };
	const record = values.token ? state.devices.findByToken(values.token) : undefined;
	if (record === undefined) return info;

	info.isAuthenticated = true;
	info.deviceRecord = record;
	info.user = state.users.find((user) => user.id === record.userId);
	if (isBlank(info.client)) info.client = record.appName;
	if (isBlank(info.deviceId)) info.deviceId = record.deviceId;
	const mayUpdate = !(info.client ?? '').toLowerCase().includes('chromecast');
	if (isBlank(info.device)) info.device = record.deviceName;
	else if (mayUpdate && info.device?.toLowerCase() !== record.deviceName.toLowerCase()) {
		record.deviceName = info.device ?? record.deviceName;
	}
	if (isBlank(info.version)) info.version = record.appVersion;
	else if (mayUpdate && info.version?.toLowerCase() !== record.appVersion.toLowerCase()) {
		record.appVersion = info.version ?? record.appVersion;
	}
	return info;
}

/** Returns the reason Jellyfin gives when it rejects a request's credentials, or undefined. */
export function credentialProblem(info: AuthInfo): string | undefined {
	if (!info.hasToken) return 'Token is required';
	if (!info.isAuthenticated) return 'Invalid token.';
	return undefined;
}
