/**
 * The play queue as an immutable value. Every operation returns a new state and leaves its input
 * untouched. An operation that changes nothing returns its input.
 *
 * Invariant: `currentIndex` is -1 exactly when `entries` is empty, otherwise a valid index.
 */

export interface QueueEntry {
	itemId: string;
	/** Queue-unique id reported as `PlaylistItemId`, e.g. "playlistItem3". Never reused. */
	playlistItemId: string;
}

export interface QueueState {
	entries: QueueEntry[];
	/** Index of the current entry, -1 when the queue is empty. */
	currentIndex: number;
	/** Number used for the next `playlistItem<N>` id. */
	nextPlaylistNumber: number;
}

export type QueueRepeatMode = 'RepeatNone' | 'RepeatAll' | 'RepeatOne';

// Not frozen: Svelte 5 wraps state objects in proxies, which break on frozen properties.
export const EMPTY_QUEUE: QueueState = { entries: [], currentIndex: -1, nextPlaylistNumber: 0 };

/** Makes entries with fresh PlaylistItemIds, numbered from `state.nextPlaylistNumber`. */
function createEntries(state: QueueState, itemIds: string[]): QueueEntry[] {
	return itemIds.map((itemId, offset) => ({
		itemId,
		playlistItemId: `playlistItem${state.nextPlaylistNumber + offset}`
	}));
}

function isIndexIn(entries: readonly QueueEntry[], index: number | undefined): index is number {
	return index !== undefined && Number.isInteger(index) && index >= 0 && index < entries.length;
}

/**
 * Replaces the whole queue and makes `startIndex` current (0 when it is missing or out of range).
 * PlaylistItemIds continue from `nextPlaylistNumber`, so they stay unique for the life of the app.
 */
export function replaceQueue(
	state: QueueState,
	itemIds: string[],
	startIndex?: number
): QueueState {
	const entries = createEntries(state, itemIds);
	const currentIndex = entries.length === 0 ? -1 : isIndexIn(entries, startIndex) ? startIndex : 0;
	return { entries, currentIndex, nextPlaylistNumber: state.nextPlaylistNumber + entries.length };
}

/** Inserts entries at `position`. Into an empty queue they become the queue, with index 0 current. */
function insertAt(state: QueueState, position: number, itemIds: string[]): QueueState {
	if (itemIds.length === 0) return state;

	const added = createEntries(state, itemIds);
	const entries = [...state.entries.slice(0, position), ...added, ...state.entries.slice(position)];
	const currentIndex = state.currentIndex < 0 ? 0 : state.currentIndex;
	return { entries, currentIndex, nextPlaylistNumber: state.nextPlaylistNumber + added.length };
}

/**
 * Inserts the items right after the current entry, in the given order (PlayNext). If the queue is
 * empty they become the queue and the first one is current, and the app then starts it.
 */
export function insertNext(state: QueueState, itemIds: string[]): QueueState {
	return insertAt(state, state.currentIndex + 1, itemIds);
}

/** Appends the items (PlayLast). If the queue is empty the first one becomes current. */
export function appendToQueue(state: QueueState, itemIds: string[]): QueueState {
	return insertAt(state, state.entries.length, itemIds);
}

export function currentEntry(state: QueueState): QueueEntry | undefined {
	return isIndexIn(state.entries, state.currentIndex)
		? state.entries[state.currentIndex]
		: undefined;
}

/** Makes the entry at `index` current. An index that is not an entry's leaves the state unchanged. */
export function moveTo(state: QueueState, index: number): QueueState {
	if (!isIndexIn(state.entries, index) || index === state.currentIndex) return state;
	return { ...state, currentIndex: index };
}

/**
 * Moves the entry with this PlaylistItemId to `newIndex` (clamped to the queue). The current entry
 * stays current wherever it ends up. An unknown PlaylistItemId leaves the state unchanged.
 */
export function moveEntry(state: QueueState, playlistItemId: string, newIndex: number): QueueState {
	const from = indexOfPlaylistItem(state, playlistItemId);
	if (from === -1) return state;
	const to = Math.min(Math.max(Math.trunc(newIndex), 0), state.entries.length - 1);
	if (from === to) return state;
	const current = state.entries[state.currentIndex];
	const entries = [...state.entries];
	const [moved] = entries.splice(from, 1);
	entries.splice(to, 0, moved!);
	const currentIndex = current ? entries.indexOf(current) : state.currentIndex;
	return { ...state, entries, currentIndex };
}

/** Returns the index of the entry with this PlaylistItemId, or -1. */
export function indexOfPlaylistItem(state: QueueState, playlistItemId: string): number {
	return state.entries.findIndex((entry) => entry.playlistItemId === playlistItemId);
}

/**
 * Returns the index to play after the current entry, or undefined at the end of the queue.
 * RepeatOne repeats the current entry only when it `ended`. A `skip` under RepeatOne moves on as
 * under RepeatNone. RepeatAll wraps from the last entry to the first.
 */
export function nextIndex(
	state: QueueState,
	repeat: QueueRepeatMode,
	reason: 'ended' | 'skip'
): number | undefined {
	if (state.entries.length === 0) return undefined;
	if (repeat === 'RepeatOne' && reason === 'ended') return state.currentIndex;
	if (state.currentIndex + 1 < state.entries.length) return state.currentIndex + 1;
	return repeat === 'RepeatAll' ? 0 : undefined;
}

/**
 * Returns the index before the current entry, or undefined at the start of the queue. RepeatAll
 * wraps to the last entry. Restarting the current item instead (when it has played a few seconds)
 * is the caller's decision, because it depends on the position.
 */
export function previousIndex(state: QueueState, repeat: QueueRepeatMode): number | undefined {
	if (state.entries.length === 0) return undefined;
	if (state.currentIndex > 0) return state.currentIndex - 1;
	return repeat === 'RepeatAll' ? state.entries.length - 1 : undefined;
}

/**
 * Removes the entries with these PlaylistItemIds. The current entry keeps being current if it
 * stays. If it is removed, the entry that followed it becomes current (the new last entry when it
 * was at the end), so callers compare `currentEntry` before and after to see the change.
 */
export function removeEntries(state: QueueState, playlistItemIds: string[]): QueueState {
	const removed = new Set(playlistItemIds);
	const entries = state.entries.filter((entry) => !removed.has(entry.playlistItemId));
	if (entries.length === state.entries.length) return state;
	if (entries.length === 0) return { ...state, entries, currentIndex: -1 };

	const keptBeforeCurrent = state.entries
		.slice(0, Math.max(state.currentIndex, 0))
		.filter((entry) => !removed.has(entry.playlistItemId)).length;
	const currentIndex = Math.min(keptBeforeCurrent, entries.length - 1);
	return { ...state, entries, currentIndex };
}

export function toQueueItemRefs(state: QueueState): { Id: string; PlaylistItemId: string }[] {
	return state.entries.map((entry) => ({ Id: entry.itemId, PlaylistItemId: entry.playlistItemId }));
}
