/** Conversions between seconds and .NET ticks, the unit of every position and duration on the wire. */

export const TICKS_PER_SECOND = 10_000_000;

/** Converts ticks to seconds. NaN, negative and non-finite input gives 0. */
export function ticksToSeconds(ticks: number): number {
	if (!Number.isFinite(ticks) || ticks <= 0) return 0;
	return ticks / TICKS_PER_SECOND;
}

/** Converts seconds to a whole number of ticks. NaN, negative and non-finite input gives 0. */
export function secondsToTicks(seconds: number): number {
	if (!Number.isFinite(seconds) || seconds <= 0) return 0;
	return Math.round(seconds * TICKS_PER_SECOND);
}

/** Converts a signed offset in ticks, such as Emby's SeekRelative, to seconds. Non-finite input gives 0. */
export function tickOffsetToSeconds(ticks: number): number {
	return Number.isFinite(ticks) ? ticks / TICKS_PER_SECOND : 0;
}
