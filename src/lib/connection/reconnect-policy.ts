/** First retry delay before jitter. */
export const RECONNECT_BASE_MS = 1000;
/** No retry waits longer than this. */
export const RECONNECT_CAP_MS = 30_000;
/**
 * The cap while a restart the server announced is under way. The server is expected back soon,
 * and polling its public information is cheap. Polls at most 750 ms apart leave room for the
 * poll, the socket handshake and the capabilities POST within one second of the server's return.
 */
export const RESTART_POLL_CAP_MS = 750;
/** How long after a restart notice Cue keeps polling at the short cap. */
export const RESTART_POLL_WINDOW_MS = 5 * 60_000;
const MIN_DELAY_MS = 100;

/**
 * Returns the wait before reconnect attempt number `attempt`, counted from 0. It is exponential
 * backoff with full jitter: a random point between 0 and min(cap, base × 2^attempt). The jitter
 * keeps the players cut off by one server restart from all coming back in the same instant.
 */
export function reconnectDelay(
	attempt: number,
	random: () => number = Math.random,
	capMs: number = RECONNECT_CAP_MS
): number {
	const whole = Number.isFinite(attempt) ? Math.floor(attempt) : 0;
	const exponent = Math.min(Math.max(0, whole), 30);
	const ceiling = Math.min(capMs, RECONNECT_BASE_MS * 2 ** exponent);
	return Math.max(MIN_DELAY_MS, Math.round(random() * ceiling));
}
