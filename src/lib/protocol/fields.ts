/**
 * Lenient zod/mini building blocks for values that Jellyfin and Emby servers write in more than
 * one way. The schemas in this folder use these, so the leniency rules live in one place.
 */
import * as z from 'zod/mini';

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MAX_ECHOED_CHARACTERS = 40;

/**
 * Reads a number from a JSON number or a decimal string such as "50", " 50 " or "50.0".
 * Returns undefined for anything else, including "", "1e999", "0x10", NaN and Infinity.
 */
export function readWireNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;

	const text = value.trim();
	if (!NUMBER_TEXT.test(text)) return undefined;
	const parsed = Number(text);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** Quotes a wire value for an error message, cut short so a message never repeats a whole frame. */
export function quoteValue(value: unknown): string {
	const text = typeof value === 'string' ? value : String(JSON.stringify(value));
	const short =
		text.length > MAX_ECHOED_CHARACTERS ? `${text.slice(0, MAX_ECHOED_CHARACTERS)}…` : text;
	return JSON.stringify(short);
}

/**
 * Makes a field optional and reads JSON null as absent, because Jellyfin 10.6 wrote unset fields
 * as null (for example `"StartIndex": null`) where 10.8+ omits them.
 */
export function optionalField<T extends z.ZodMiniType>(schema: T) {
	return z.optional(
		z.pipe(
			z.nullable(schema),
			z.transform((value: z.output<T> | null) => value ?? undefined)
		)
	);
}

/** A finite number, also accepted as a decimal string: Jellyfin reads numbers from strings too. */
export const wireNumber = z.pipe(
	z.union([z.number(), z.string()], { error: 'must be a number' }),
	z.transform((value, context) => {
		const parsed = readWireNumber(value);
		if (parsed !== undefined) return parsed;

		context.issues.push({ code: 'custom', message: 'must be a number', input: value });
		return z.NEVER;
	})
);

/** A safe integer (stream index, start index, volume), also accepted as a string such as "2". */
export const wireInteger = z.pipe(
	z.union([z.number(), z.string()], { error: 'must be an integer' }),
	z.transform((value, context) => {
		const parsed = readWireNumber(value);
		if (parsed !== undefined && Number.isSafeInteger(parsed)) return parsed;

		context.issues.push({ code: 'custom', message: 'must be an integer', input: value });
		return z.NEVER;
	})
);

/** A position or duration in .NET ticks, rounded to a whole tick. */
export const wireTicks = z.pipe(
	wireNumber,
	z.transform((ticks: number) => Math.round(ticks))
);

/**
 * An id. Jellyfin writes 32 hex digits, some fields carry dashed GUIDs and Emby uses short decimal
 * strings, so any non-empty string is accepted. Emby's OpenAPI types some ids as int64, so an
 * integer is accepted too and turned into its decimal string.
 */
export const wireId = z.pipe(
	z.union([z.string().check(z.minLength(1)), z.int()], { error: 'must be a non-empty string' }),
	z.transform((id) => String(id))
);

/** A string field that tolerates a number or boolean in its place, as Jellyfin's reader does. */
export const wireText = z.pipe(
	z.union([z.string(), z.number(), z.boolean()], { error: 'must be a string' }),
	z.transform((value) => String(value))
);

/**
 * Creates a schema for a string enum, matched without regard to case (Jellyfin's enum reader ignores case) and returned
 * in the canonical spelling from `values`.
 */
export function caseInsensitiveEnum<const T extends readonly string[]>(values: T) {
	const canonical = new Map(values.map((value) => [value.toLowerCase(), value]));
	return z.pipe(
		z.string({ error: 'must be a string' }),
		z.transform((value, context): T[number] => {
			const match = canonical.get(value.trim().toLowerCase());
			if (match !== undefined) return match;

			context.issues.push({
				code: 'custom',
				message: `has unknown value ${quoteValue(value)}`,
				input: value
			});
			return z.NEVER;
		})
	);
}

/** Creates a schema for an array field where a missing or null value reads as an empty array. */
export function defaultedArray<T extends z.ZodMiniType>(element: T) {
	return z.pipe(
		optionalField(z.array(element)),
		z.transform((items: z.output<T>[] | undefined) => items ?? [])
	);
}
