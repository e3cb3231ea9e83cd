import { ValidationError } from '../core/errors.ts';
import { field, isObject, readEnum, readString, type JsonObject } from '../core/json-input.ts';

/**
 * Reads the Arguments dictionary of a posted GeneralCommand. Jellyfin stores values as strings:
 * numbers and booleans become their JSON text (`{"Volume": 50}` is sent as `"50"`), null stays
 * null, and an object or array value fails model binding (400).
 */
export function readArguments(body: JsonObject): Record<string, string | null> {
	const raw = field(body, 'Arguments');
	if (raw === undefined || raw === null) return {};
	if (!isObject(raw)) throw new ValidationError('$.Arguments', 'Arguments must be an object.');
	const result: Record<string, string | null> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === null || typeof value === 'string') result[key] = value;
		else if (typeof value === 'number' || typeof value === 'boolean') result[key] = String(value);
		else throw new ValidationError(`$.Arguments.${key}`, `Argument ${key} must be a string.`);
	}
	return result;
}

/**
 * Reads a posted `GeneralCommand` whose Name must be one of `names`, the mode's enum. A missing
 * Name falls back to the enum's first member, MoveUp, as .NET's default value does, and an
 * unknown name is a 400. With `names` undefined (Emby, whose Name is a free string) any name is
 * taken and a missing one is a 400.
 */
export function readGeneralCommand(
	body: JsonObject,
	names: readonly string[] | undefined
): { name: string; args: Record<string, string | null> } {
	if (names === undefined) {
		const name = readString(body, 'Name')?.trim();
		if (!name) throw new ValidationError('$.Name', 'The Name field is required.');
		return { name, args: readArguments(body) };
	}
	const name = readEnum(body, 'Name', names) ?? names[0] ?? 'MoveUp';
	return { name, args: readArguments(body) };
}
