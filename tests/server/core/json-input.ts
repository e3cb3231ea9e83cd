import { ValidationError } from './errors.ts';
import { parseGuid } from './wire.ts';

/**
 * Readers for JSON request bodies that follow Jellyfin's input rules. Property names match
 * case-insensitively (ASP.NET's web defaults) and numbers may arrive as strings
 * (`AllowReadingFromString`). Enums match names case-insensitively or by number, and string
 * properties take numbers and booleans as their raw text. A type mismatch is a ValidationError,
 * which ASP.NET reports as a 400 problem body.
 */
export type JsonObject = Record<string, unknown>;

export function parseJsonBody(text: string): JsonObject {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ValidationError('$', `The JSON value could not be parsed: ${text.slice(0, 40)}`);
	}
	if (!isObject(value)) throw new ValidationError('$', 'The JSON value must be an object.');
	return value;
}

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the property whose name matches `name` case-insensitively. */
export function field(body: JsonObject, name: string): unknown {
	if (name in body) return body[name];
	const lower = name.toLowerCase();
	const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : body[key];
}

function invalid(name: string): ValidationError {
	return new ValidationError(`$.${name}`, `The JSON value could not be converted for ${name}.`);
}

export function readNumber(body: JsonObject, name: string): number | undefined {
	const value = field(body, name);
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
	throw invalid(name);
}

export function readBoolean(body: JsonObject, name: string): boolean | undefined {
	const value = field(body, name);
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'boolean') return value;
	throw invalid(name);
}

export function readString(body: JsonObject, name: string): string | undefined {
	const value = field(body, name);
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw invalid(name);
}

/** Reads a Guid property; an empty string reads as absent, as Jellyfin's Guid converter does. */
export function readGuid(body: JsonObject, name: string): string | undefined {
	const value = field(body, name);
	if (value === undefined || value === null || value === '') return undefined;
	const id = typeof value === 'string' ? parseGuid(value) : undefined;
	if (id === undefined) throw invalid(name);
	return id;
}

/** Matches an enum name case-insensitively, or a JSON integer as the member's index. */
export function matchEnum<T extends string>(values: readonly T[], raw: unknown): T | undefined {
	if (typeof raw === 'number' && Number.isInteger(raw)) return values[raw];
	if (typeof raw !== 'string') return undefined;
	const lower = raw.trim().toLowerCase();
	return values.find((candidate) => candidate.toLowerCase() === lower);
}

export function readEnum<T extends string>(
	body: JsonObject,
	name: string,
	values: readonly T[]
): T | undefined {
	const raw = field(body, name);
	if (raw === undefined || raw === null) return undefined;
	const value = matchEnum(values, raw);
	if (value === undefined) throw invalid(name);
	return value;
}
