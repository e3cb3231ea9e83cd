import { createLogger } from '$lib/log';

/** Web Lock the player tab holds, so a new tab can see at once whether there is one. */
export const PLAYER_LOCK = 'cue-player';

const log = createLogger('tabs');

let earlyResult: Promise<boolean> | null = null;

/**
 * Starts reading whether the player lock is free while the player's code still loads. Reading
 * the Web Locks state is a round trip to the browser, which takes up to tens of milliseconds while
 * the page loads.
 */
export function checkPlayerLockEarly(): void {
	earlyResult ??= readPlayerLockIsFree();
}

/**
 * Returns whether no tab holds or waits for the player lock: the early result the first time,
 * then a fresh one. Without Web Locks it returns false, and the tabs elect by message alone.
 */
export function playerLockIsFree(): Promise<boolean> {
	const result = earlyResult ?? readPlayerLockIsFree();
	earlyResult = null;
	return result;
}

async function readPlayerLockIsFree(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.locks) return false;
	try {
		const state = await navigator.locks.query();
		const claimed = [...(state.held ?? []), ...(state.pending ?? [])];
		return !claimed.some((lock) => lock.name === PLAYER_LOCK);
	} catch (error) {
		log.warn('reading the Web Locks state failed', { error });
		return false;
	}
}
