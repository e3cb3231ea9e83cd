/**
 * Maps between positions in the item and times in the media element for streams the server may
 * start part-way into the item. A transcode requested at StartTimeTicks may start exactly there
 * (a progressive transcode), at the boundary of the HLS segment that contains it (the test
 * server), or at 0 with a playlist that covers the whole item. All three end at the item's end,
 * so the stream's length shows where it starts.
 */

/** Below this shortfall a stream counts as covering the whole item, in seconds. */
const WHOLE_ITEM_TOLERANCE_SECONDS = 1;

/**
 * Returns the item position, in seconds, at which a server stream starts, from the position it
 * was requested at, the item's runtime and the element's duration once the metadata is in.
 */
export function streamOffsetSeconds(
	requestedSeconds: number,
	runtimeSeconds: number,
	durationSeconds: number
): number {
	if (requestedSeconds <= 0) return 0;
	// Without both lengths, trust the server to have started where it was asked to.
	if (!Number.isFinite(durationSeconds) || !(runtimeSeconds > 0)) return requestedSeconds;
	const missing = runtimeSeconds - durationSeconds;
	if (missing < WHOLE_ITEM_TOLERANCE_SECONDS) return 0;
	return Math.min(missing, requestedSeconds);
}

/**
 * True when a stream that starts at `offsetSeconds` and lasts `durationSeconds` reaches item
 * position `targetSeconds`, so the element can seek there without a new stream.
 */
export function streamCovers(
	offsetSeconds: number,
	durationSeconds: number,
	targetSeconds: number
): boolean {
	if (!Number.isFinite(durationSeconds)) return false;
	return targetSeconds >= offsetSeconds && targetSeconds <= offsetSeconds + durationSeconds;
}
