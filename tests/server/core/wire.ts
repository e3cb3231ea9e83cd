import { createHash, randomBytes } from 'node:crypto';

/** .NET ticks per second: positions and durations on the wire are in ticks. */
export const TICKS_PER_SECOND = 10_000_000;
export const TICKS_PER_MS = 10_000;

/** How Jellyfin writes `DateTime.MinValue`, e.g. `LastPlaybackCheckIn` before any check-in. */
export const MIN_DATE = '0001-01-01T00:00:00.0000000Z';

export const EMPTY_GUID = '00000000000000000000000000000000';

/** Returns a random Guid in the "N" format Jellyfin writes: 32 lower-case hex digits. */
export function newGuid(): string {
	return randomBytes(16).toString('hex');
}

/**
 * Returns the id that .NET's `string.GetMD5()` gives for `text`: MD5 of the UTF-16LE bytes,
 * read as a `Guid`, so the first three groups come out byte-swapped in the "N" string.
 * Jellyfin derives session ids (from Client + DeviceId) and item ids this way.
 */
export function md5Guid(text: string): string {
	const digest = createHash('md5').update(Buffer.from(text, 'utf16le')).digest();
	const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
	return Buffer.from(order.map((index) => digest[index] ?? 0)).toString('hex');
}

/** Returns a plain MD5 hex digest, the shape of Jellyfin's ETags and image tags. */
export function md5Hex(text: string): string {
	return createHash('md5').update(text).digest('hex');
}

/**
 * Parses any form `Guid.Parse` accepts that clients send (32 hex digits, dashed, or in braces)
 * and returns the 32-hex form, or undefined when the text is not a Guid.
 */
export function parseGuid(text: string): string | undefined {
	const bare = text.trim().replace(/^[{(]|[})]$/g, '');
	const hex = bare.replace(/-/g, '');
	if (!/^[0-9a-fA-F]{32}$/.test(hex)) return undefined;
	if (
		bare.includes('-') &&
		!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(bare)
	) {
		return undefined;
	}
	return hex.toLowerCase();
}

/** Writes a Guid in the dashed "D" format, as `Guid.ToString()` does. */
export function dashedGuid(id: string): string {
	return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

/**
 * Formats a UTC time the way Jellyfin's JSON writer does: seven fractional digits when the
 * millisecond part is zero, otherwise the fraction with trailing zeros dropped.
 */
export function formatDate(ms: number): string {
	const iso = new Date(ms).toISOString();
	const fraction = iso.slice(20, 23);
	if (fraction === '000') return `${iso.slice(0, 19)}.0000000Z`;
	return `${iso.slice(0, 19)}.${fraction.replace(/0+$/, '')}Z`;
}

export function secondsToTicks(seconds: number): number {
	return Math.round(seconds * TICKS_PER_SECOND);
}
