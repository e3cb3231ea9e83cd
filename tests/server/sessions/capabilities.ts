import {
	GENERAL_COMMAND_TYPES,
	MEDIA_TYPES,
	type GeneralCommandType,
	type MediaType
} from '../core/enums.ts';
import { ValidationError } from '../core/errors.ts';
import { field, matchEnum, readBoolean, readString, type JsonObject } from '../core/json-input.ts';
import type { QueryParams } from '../core/query.ts';
import type { Capabilities } from './session.ts';

/**
 * Parses enum names from comma-delimited text the way Jellyfin's TypeConverter-based binders
 * do: names match case-insensitively, numbers name members by value, and anything else is
 * silently dropped (no 400).
 */
export function parseDelimitedEnums<T extends string>(values: readonly T[], texts: string[]): T[] {
	const parsed: T[] = [];
	for (const part of texts.flatMap((text) => text.split(','))) {
		const trimmed = part.trim();
		if (trimmed === '') continue;
		const value = /^\d+$/.test(trimmed) ? values[Number(trimmed)] : matchEnum(values, trimmed);
		if (value !== undefined) parsed.push(value);
	}
	return parsed;
}

/**
 * Reads an enum list from a JSON body. A JSON array is deserialised strictly, so an unknown
 * name is a 400. A single string is split on commas and unknown names are dropped.
 */
function readEnumList<T extends string>(body: JsonObject, name: string, values: readonly T[]): T[] {
	const raw = field(body, name);
	if (raw === undefined || raw === null) return [];
	if (typeof raw === 'string') return parseDelimitedEnums(values, [raw]);
	if (!Array.isArray(raw)) throw new ValidationError(`$.${name}`, `${name} must be an array.`);
	return raw.map((entry: unknown, index) => {
		const value = matchEnum(values, entry);
		if (value === undefined) {
			throw new ValidationError(
				`$.${name}[${index}]`,
				`The JSON value could not be converted to ${name === 'PlayableMediaTypes' ? 'MediaType' : 'GeneralCommandType'}.`
			);
		}
		return value;
	});
}

/** Parses a `ClientCapabilitiesDto` body (`POST /Sessions/Capabilities/Full`). */
export function capabilitiesFromBody(body: JsonObject): Capabilities {
	const deviceProfile = field(body, 'DeviceProfile');
	return {
		playableMediaTypes: readEnumList<MediaType>(body, 'PlayableMediaTypes', MEDIA_TYPES),
		supportedCommands: readEnumList<GeneralCommandType>(
			body,
			'SupportedCommands',
			GENERAL_COMMAND_TYPES
		),
		supportsMediaControl: readBoolean(body, 'SupportsMediaControl') ?? false,
		supportsPersistentIdentifier: readBoolean(body, 'SupportsPersistentIdentifier') ?? false,
		deviceProfile: deviceProfile === null ? undefined : deviceProfile,
		appStoreUrl: readString(body, 'AppStoreUrl'),
		iconUrl: readString(body, 'IconUrl')
	};
}

export function queryBoolean(query: QueryParams, name: string, fallback: boolean): boolean {
	const raw = query.get(name);
	if (raw === undefined || raw === '') return fallback;
	if (/^true$/i.test(raw)) return true;
	if (/^false$/i.test(raw)) return false;
	throw new ValidationError(name, `The value '${raw}' is not valid.`);
}

/** Parses the query form (`POST /Sessions/Capabilities?playableMediaTypes=…`). */
export function capabilitiesFromQuery(query: QueryParams): Capabilities {
	return {
		playableMediaTypes: parseDelimitedEnums(MEDIA_TYPES, query.getAll('playableMediaTypes')),
		supportedCommands: parseDelimitedEnums(
			GENERAL_COMMAND_TYPES,
			query.getAll('supportedCommands')
		),
		supportsMediaControl: queryBoolean(query, 'supportsMediaControl', false),
		supportsPersistentIdentifier: queryBoolean(query, 'supportsPersistentIdentifier', true)
	};
}
