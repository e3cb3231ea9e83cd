/**
 * Shuffle and unshuffle for the play queue. Shuffling keeps the current entry playing, moves it to
 * the front and puts the others in random order. Unshuffling restores the order from before the
 * shuffle, with entries added in between kept at the end in the order they were added.
 */
import type { QueueState } from './queue';

export interface ShuffledQueue {
	queue: QueueState;
	/** PlaylistItemIds in the order before the shuffle, for unshuffling. */
	sortedOrder: string[];
}

/** Fisher-Yates shuffle of a copy, with an injectable random source for tests. */
function shuffled<T>(values: readonly T[], random: () => number): T[] {
	const copy = [...values];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[copy[index], copy[other]] = [copy[other], copy[index]];
	}
	return copy;
}

export function shuffleQueue(state: QueueState, random: () => number = Math.random): ShuffledQueue {
	const sortedOrder = state.entries.map((entry) => entry.playlistItemId);
	const current = state.entries[state.currentIndex];
	if (!current) return { queue: state, sortedOrder };
	const others = state.entries.filter((_, index) => index !== state.currentIndex);
	const entries = [current, ...shuffled(others, random)];
	return { queue: { ...state, entries, currentIndex: 0 }, sortedOrder };
}

export function unshuffleQueue(state: QueueState, sortedOrder: readonly string[]): QueueState {
	const position = new Map(sortedOrder.map((id, index) => [id, index]));
	const known = state.entries.filter((entry) => position.has(entry.playlistItemId));
	const added = state.entries.filter((entry) => !position.has(entry.playlistItemId));
	known.sort(
		(left, right) => position.get(left.playlistItemId)! - position.get(right.playlistItemId)!
	);
	const entries = [...known, ...added];
	const current = state.entries[state.currentIndex];
	const currentIndex = current ? entries.indexOf(current) : -1;
	return { ...state, entries, currentIndex };
}
