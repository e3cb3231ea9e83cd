import type { IncomingHttpHeaders } from 'node:http';

import type { QueryParams } from '../core/query.ts';
import {
	firstHeader,
	parseAuthorizationHeader,
	type AuthorizationValues
} from './authorization-header.ts';

function firstPresent(candidates: (string | undefined)[]): string | undefined {
	return candidates.find((candidate) => candidate !== undefined && candidate !== '');
}

function valuesOf(parts: Map<string, string> | undefined, token: string | undefined) {
	return {
		client: parts?.get('Client'),
		device: parts?.get('Device'),
		deviceId: parts?.get('DeviceId'),
		version: parts?.get('Version'),
		token
	};
}

/**
 * Reads client fields and the token the way Emby 4.8 documents them. The header is
 * `X-Emby-Authorization` or `Authorization` with the scheme word `MediaBrowser` or `Emby`, and
 * its `UserId` key is ignored. `X-Emby-Authorization` is read first, as Jellyfin 10.8 to 10.10
 * still did. The token comes from the header's `Token`, `X-Emby-Token`, `X-MediaBrowser-Token`
 * or the `api_key` query. `ApiKey` is Jellyfin's name and does not count.
 */
export function readEmbyAuthorizationValues(
	headers: IncomingHttpHeaders,
	query: QueryParams
): AuthorizationValues {
	const header =
		firstHeader(headers, 'x-emby-authorization') || firstHeader(headers, 'authorization');
	const parts = header ? parseAuthorizationHeader(header, true) : undefined;
	const token = firstPresent([
		parts?.get('Token'),
		firstHeader(headers, 'x-emby-token'),
		firstHeader(headers, 'x-mediabrowser-token'),
		query.get('api_key')
	]);
	return valuesOf(parts, token);
}

/**
 * Reads client fields and the token as MediaBrowser 3 did in late 2014: only the
 * `Authorization: MediaBrowser UserId="…", Client="…", …` header, whose `UserId` is ignored, and
 * the token from its `Token` key, `X-MediaBrowser-Token` or the `api_key` query.
 * NOTE: servers from before July 2014 took the `UserId` alone as proof of the user. This mode
 * requires a token, which servers from July 2014 on issued at sign-in.
 */
export function readMediaBrowserAuthorizationValues(
	headers: IncomingHttpHeaders,
	query: QueryParams
): AuthorizationValues {
	const header = firstHeader(headers, 'authorization');
	const parts = header ? parseAuthorizationHeader(header, false) : undefined;
	const token = firstPresent([
		parts?.get('Token'),
		firstHeader(headers, 'x-mediabrowser-token'),
		query.get('api_key')
	]);
	return valuesOf(parts, token);
}
