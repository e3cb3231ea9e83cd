/**
 * The differences between server families, as Cue handles them: headers, the token parameter, the socket URL,
 * check-in event names, capabilities and the command list. Jellyfin 10.8 and later accept the
 * `Authorization` header and the `ApiKey` parameter, the only forms 12.0 keeps. Emby 4 documents
 * `X-Emby-Token`, `api_key` and `/embywebsocket`. MediaBrowser 3 has its socket on a port of its
 * own, binds it with an `Identity` message and takes check-ins over it.
 */
import { buildAuthorizationHeader, type ClientIdentity } from './authorization';
import { EMBY_ONLY_COMMANDS, SUPPORTED_COMMANDS } from './commands';
import type { ServerKind } from './server-kind';
import { sha1Hex } from './sha1';

export type { ServerKind } from './server-kind';

/** The wire rules of one server family. */
export interface Dialect {
	kind: ServerKind;
	/** Query parameter that carries the token where no header can: socket and stream URLs. */
	tokenParameter: 'ApiKey' | 'api_key';
	/** Jellyfin sends ForceKeepAlive when it binds a socket; the others send nothing. */
	sendsForceKeepAlive: boolean;
	/** MediaBrowser 3 takes check-ins as socket messages instead of HTTP requests. */
	checkInsOverSocket: boolean;
	/** MediaBrowser 3 has no /Items/{id}/PlaybackInfo; items carry their MediaSources. */
	hasPlaybackInfo: boolean;
	/** Emby and MediaBrowser 3 require the session `Id` on the capabilities request. */
	capabilitiesNeedSessionId: boolean;
	/** MediaBrowser 3 only has the query form `POST /Sessions/Capabilities?…`. */
	capabilitiesAsQuery: boolean;
	/** Items are read from `/Users/{userId}/Items`, the form Emby and MediaBrowser 3 serve. */
	itemsUnderUser: boolean;
}

const JELLYFIN: Omit<Dialect, 'kind'> = {
	tokenParameter: 'ApiKey',
	sendsForceKeepAlive: true,
	checkInsOverSocket: false,
	hasPlaybackInfo: true,
	capabilitiesNeedSessionId: false,
	capabilitiesAsQuery: false,
	itemsUnderUser: false
};

const DIALECTS: Record<ServerKind, Dialect> = {
	jellyfin: { kind: 'jellyfin', ...JELLYFIN },
	'jellyfin-12': { kind: 'jellyfin-12', ...JELLYFIN },
	emby: {
		kind: 'emby',
		...JELLYFIN,
		tokenParameter: 'api_key',
		sendsForceKeepAlive: false,
		capabilitiesNeedSessionId: true,
		itemsUnderUser: true
	},
	mediabrowser: {
		kind: 'mediabrowser',
		tokenParameter: 'api_key',
		sendsForceKeepAlive: false,
		checkInsOverSocket: true,
		hasPlaybackInfo: false,
		capabilitiesNeedSessionId: true,
		capabilitiesAsQuery: true,
		itemsUnderUser: true
	}
};

export function dialectFor(kind: ServerKind | undefined): Dialect {
	return DIALECTS[kind ?? 'jellyfin'];
}

export function isEmbyFamily(kind: ServerKind): boolean {
	return kind === 'emby' || kind === 'mediabrowser';
}

/**
 * Builds the authorization headers of a request. Jellyfin gets only `Authorization`, since 12.0
 * ignores the legacy headers. Emby gets `X-Emby-Authorization` and `X-Emby-Token`, as its own web
 * client sends. MediaBrowser 3 identifies the user by `UserId` in `Authorization` and reads the
 * token from `X-MediaBrowser-Token`.
 */
export function authorizationHeaders(
	kind: ServerKind,
	identity: ClientIdentity,
	token?: string,
	userId?: string
): Record<string, string> {
	const header = buildAuthorizationHeader(identity, token);
	if (kind === 'emby') {
		return token
			? { 'X-Emby-Authorization': header, 'X-Emby-Token': token }
			: { 'X-Emby-Authorization': header };
	}
	if (kind === 'mediabrowser') {
		const withUser = userId
			? header.replace('MediaBrowser ', `MediaBrowser UserId="${encodeURIComponent(userId)}", `)
			: header;
		return token
			? { Authorization: withUser, 'X-MediaBrowser-Token': token }
			: { Authorization: withUser };
	}
	return { Authorization: header };
}

/** Builds the body of `POST /Users/AuthenticateByName`; MediaBrowser 3 expects the SHA-1 of the password. */
export function loginBody(
	kind: ServerKind,
	username: string,
	password: string
): Record<string, string> {
	if (kind === 'mediabrowser') return { Username: username, Password: sha1Hex(password) };
	return { Username: username, Pw: password };
}

/** Returns the GeneralCommand names to advertise: Emby also gets the names only it defines. */
export function advertisedCommands(kind: ServerKind): string[] {
	return kind === 'emby' ? [...SUPPORTED_COMMANDS, ...EMBY_ONLY_COMMANDS] : [...SUPPORTED_COMMANDS];
}
