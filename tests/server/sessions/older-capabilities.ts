import { ValidationError } from '../core/errors.ts';
import { field, readBoolean, readString, type JsonObject } from '../core/json-input.ts';
import type { QueryParams } from '../core/query.ts';
import { queryBoolean } from './capabilities.ts';
import type { Capabilities } from './session.ts';

function splitNames(texts: string[]): string[] {
	return texts
		.flatMap((text) => text.split(','))
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/** Reads a list of free strings from a JSON body: an array of strings, or one comma-separated string. */
function readNameList(body: JsonObject, name: string): string[] {
	const raw = field(body, name);
	if (raw === undefined || raw === null) return [];
	if (typeof raw === 'string') return splitNames([raw]);
	if (Array.isArray(raw) && raw.every((entry) => typeof entry === 'string')) return raw;
	throw new ValidationError(`$.${name}`, `${name} must be an array of strings.`);
}

/**
 * Parses Emby 4.8's `ClientCapabilities` body (`POST /Sessions/Capabilities/Full`). Media types and
 * commands are free strings there, so names Jellyfin does not know are kept, not rejected.
 */
export function embyCapabilitiesFromBody(body: JsonObject): Capabilities {
	const deviceProfile = field(body, 'DeviceProfile');
	return {
		playableMediaTypes: readNameList(body, 'PlayableMediaTypes'),
		supportedCommands: readNameList(body, 'SupportedCommands'),
		supportsMediaControl: readBoolean(body, 'SupportsMediaControl') ?? false,
		supportsPersistentIdentifier: true,
		deviceProfile: deviceProfile === null ? undefined : deviceProfile,
		iconUrl: readString(body, 'IconUrl')
	};
}

/**
 * Parses the query form (`POST /Sessions/Capabilities?PlayableMediaTypes=…&SupportedCommands=…`)
 * with free strings. `mediaControlDefault` is the SupportsMediaControl of a request without one:
 * false for Emby, true for MediaBrowser 3, whose remote control needed only an open socket.
 */
export function freeCapabilitiesFromQuery(
	query: QueryParams,
	mediaControlDefault: boolean
): Capabilities {
	return {
		playableMediaTypes: splitNames(query.getAll('PlayableMediaTypes')),
		supportedCommands: splitNames(query.getAll('SupportedCommands')),
		supportsMediaControl: queryBoolean(query, 'SupportsMediaControl', mediaControlDefault),
		supportsPersistentIdentifier: true
	};
}
