import type { IncomingHttpHeaders } from 'node:http';

import type { QueryParams } from '../core/query.ts';

/** The client fields and token that a request carries, before the token is looked up. */
export interface AuthorizationValues {
	client?: string;
	device?: string;
	deviceId?: string;
	version?: string;
	token?: string;
}

/** `WebUtility.UrlDecode`: `+` becomes a space and malformed escapes are kept as they are. */
export function urlDecode(text: string): string {
	const spaced = text.replace(/\+/g, ' ');
	return spaced.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
		const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
		return bytes.toString('utf8');
	});
}

function trimQuotes(text: string): string {
	return text.replace(/^"+|"+$/g, '');
}

/**
 * Splits the part after the scheme word into `Key=Value` pairs the way Jellyfin's
 * `AuthorizationContext.GetParts` does: commas inside double quotes do not split, keys are
 * trimmed and case-sensitive, values lose their surrounding quotes (not spaces) and are
 * URL-decoded. An `=` outside quotes always starts a new value, as on the server.
 */
export function parseAuthorizationParts(text: string): Map<string, string> {
	const parts = new Map<string, string>();
	let quoted = false;
	let start = 0;
	let key = '';
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (char === '"') {
			quoted = !quoted;
		} else if (char === ',' && !quoted) {
			if (start < index) {
				parts.set(key, urlDecode(trimQuotes(text.slice(start, index))));
				key = '';
			}
			start = index + 1;
		} else if (char === '=' && !quoted) {
			key = text.slice(start, index).trim();
			start = index + 1;
		}
	}
	if (start < text.length) parts.set(key, urlDecode(trimQuotes(text.slice(start))));
	return parts;
}

/**
 * Parses an authorization header value. The scheme word must be `MediaBrowser` (any case),
 * or `Emby` while legacy authorization is on; otherwise the header counts as absent.
 */
export function parseAuthorizationHeader(
	value: string,
	legacy: boolean
): Map<string, string> | undefined {
	const space = value.indexOf(' ');
	if (space === -1) return undefined;
	const scheme = value.slice(0, space).toLowerCase();
	if (scheme !== 'mediabrowser' && !(legacy && scheme === 'emby')) return undefined;
	return parseAuthorizationParts(value.slice(space + 1));
}

export function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads client fields and the token in Jellyfin 10.11's order. `Authorization` is read first, and
 * `X-Emby-Authorization` only when it is absent. The token comes from the header's `Token`, then
 * `X-Emby-Token`, `X-MediaBrowser-Token`, the `ApiKey` query and the `api_key` query.
 * With `legacy` false (the 12.0 default) only `Authorization` and `ApiKey` count.
 */
export function readAuthorizationValues(
	headers: IncomingHttpHeaders,
	query: QueryParams,
	legacy: boolean
): AuthorizationValues {
	let header = firstHeader(headers, 'authorization');
	if (legacy && !header) header = firstHeader(headers, 'x-emby-authorization');
	const parts = header ? parseAuthorizationHeader(header, legacy) : undefined;

	const candidates = [
		parts?.get('Token'),
		legacy ? firstHeader(headers, 'x-emby-token') : undefined,
		legacy ? firstHeader(headers, 'x-mediabrowser-token') : undefined,
		query.get('ApiKey'),
		legacy ? query.get('api_key') : undefined
	];
	return {
		client: parts?.get('Client'),
		device: parts?.get('Device'),
		deviceId: parts?.get('DeviceId'),
		version: parts?.get('Version'),
		token: candidates.find((candidate) => candidate !== undefined && candidate !== '')
	};
}
