import { ValidationError } from './errors.ts';
import { matchEnum } from './json-input.ts';
import type { QueryParams } from './query.ts';
import { parseGuid } from './wire.ts';

/**
 * Readers for query and route values with ASP.NET's binding rules. A value that does not convert,
 * or a missing `[Required]` one, is a ValidationError (a 400 problem body).
 */
function invalidValue(name: string, raw: string): ValidationError {
	return new ValidationError(name, `The value '${raw}' is not valid.`);
}

/** Reads an optional integer (`int?` or `long?`). An empty value reads as absent. */
export function queryInteger(query: QueryParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === undefined || raw.trim() === '') return undefined;
	if (!/^[-+]?\d+$/.test(raw.trim())) throw invalidValue(name, raw);
	return Number(raw.trim());
}

export function requiredQuery(query: QueryParams, name: string): string {
	const raw = query.get(name);
	if (raw === undefined || raw === '') {
		throw new ValidationError(name, `The ${name} field is required.`);
	}
	return raw;
}

/** Parses an enum from text: a name in any case, or the member's number. */
export function parseEnumText<T extends string>(
	values: readonly T[],
	name: string,
	raw: string
): T {
	const trimmed = raw.trim();
	const value = /^\d+$/.test(trimmed) ? values[Number(trimmed)] : matchEnum(values, trimmed);
	if (value === undefined) throw invalidValue(name, raw);
	return value;
}

/**
 * Reads a comma-delimited Guid list like `CommaDelimitedCollectionModelBinder`: values that are
 * not Guids are dropped, and a missing parameter is an empty list.
 */
export function queryGuidList(query: QueryParams, name: string): string[] {
	const values = query.getAll(name);
	const parts = values.length > 1 ? values : (values[0] ?? '').split(',');
	return parts.map((part) => parseGuid(part)).filter((id): id is string => id !== undefined);
}
