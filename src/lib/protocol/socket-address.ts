/** Socket URLs and the first socket message, per server family. */
import type { ClientIdentity } from './authorization';
import type { ServerKind } from './server-kind';

export interface SocketTarget {
	kind: ServerKind;
	/** The HTTP API base, including any base path and the /emby or /mediabrowser prefix. */
	baseUrl: string;
	token: string;
	deviceId: string;
	/** MediaBrowser 3's `WebSocketPortNumber` from /System/Info. */
	legacySocketPort?: number;
}

/** An API prefix at the end of a base URL, which Emby's socket path does not include. */
const TRAILING_PREFIX = /\/(emby|mediabrowser)$/i;

/**
 * Builds the socket URL. Browsers cannot set headers on a WebSocket, so the token is in the query.
 * Jellyfin 10.8 and later read `ApiKey`, the only form 12.0 reads. Emby reads `api_key` at
 * `/embywebsocket` beside its `/emby` API. MediaBrowser 3 listens on its own port at
 * `/mediabrowser`, where the `Identity` message binds the socket instead.
 */
export function buildSocketUrl(target: SocketTarget): string {
	const base = new URL(target.baseUrl);
	const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
	if (target.kind === 'mediabrowser') {
		const url = new URL(`${base.origin}/mediabrowser`);
		url.protocol = scheme;
		if (target.legacySocketPort !== undefined) url.port = String(target.legacySocketPort);
		return url.toString();
	}
	const basePath = base.pathname.replace(/\/+$/, '');
	const url =
		target.kind === 'emby'
			? new URL(`${base.origin}${basePath.replace(TRAILING_PREFIX, '')}/embywebsocket`)
			: new URL(`${base.origin}${basePath}/socket`);
	url.protocol = scheme;
	url.searchParams.set(target.kind === 'emby' ? 'api_key' : 'ApiKey', target.token);
	url.searchParams.set('deviceId', target.deviceId);
	return url.toString();
}

/**
 * Builds the `Identity` message MediaBrowser 3 needs before it binds a socket to a session:
 * `Client|DeviceId|Version|DeviceName`. The client name must be the one in the HTTP authorization
 * header, because the session is found by client name and DeviceId.
 */
export function buildIdentityFrame(identity: ClientIdentity): string {
	const fields = [identity.client, identity.deviceId, identity.version, identity.device];
	// A "|" inside a field would shift the others, so it becomes a space.
	const data = fields.map((field) => field.replaceAll('|', ' ')).join('|');
	return JSON.stringify({ MessageType: 'Identity', Data: data });
}
