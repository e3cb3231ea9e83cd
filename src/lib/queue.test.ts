import { describe, expect, test } from 'vitest';
import {
	appendToQueue,
	currentEntry,
	EMPTY_QUEUE,
	indexOfPlaylistItem,
	insertNext,
	moveEntry,
	moveTo,
	nextIndex,
	previousIndex,
	removeEntries,
	replaceQueue,
	toQueueItemRefs,
	type QueueState
} from './queue';

function itemIds(state: QueueState): string[] {
	return state.entries.map((entry) => entry.itemId);
}

function deepFreeze(state: QueueState): QueueState {
	state.entries.forEach((entry) => Object.freeze(entry));
	Object.freeze(state.entries);
	return Object.freeze(state);
}

/** Queue [t11, t12, t13] with t12 current. */
function secondOfThree(): QueueState {
	return deepFreeze(replaceQueue(EMPTY_QUEUE, ['t11', 't12', 't13'], 1));
}

describe('EMPTY_QUEUE', () => {
	test('has no entries and no current index', () => {
		expect(EMPTY_QUEUE).toEqual({ entries: [], currentIndex: -1, nextPlaylistNumber: 0 });
		expect(currentEntry(EMPTY_QUEUE)).toBeUndefined();
	});
});

describe('replaceQueue', () => {
	test('numbers PlaylistItemIds from nextPlaylistNumber', () => {
		const state = replaceQueue(EMPTY_QUEUE, ['a', 'b']);
		expect(state).toEqual({
			entries: [
				{ itemId: 'a', playlistItemId: 'playlistItem0' },
				{ itemId: 'b', playlistItemId: 'playlistItem1' }
			],
			currentIndex: 0,
			nextPlaylistNumber: 2
		});
	});

	test('numbers continue across replacements', () => {
		const first = replaceQueue(EMPTY_QUEUE, ['a', 'b']);
		const second = replaceQueue(first, ['a']);
		expect(second.entries).toEqual([{ itemId: 'a', playlistItemId: 'playlistItem2' }]);
		expect(second.nextPlaylistNumber).toBe(3);
	});

	test('starts at a valid startIndex', () => {
		expect(replaceQueue(EMPTY_QUEUE, ['a', 'b', 'c'], 2).currentIndex).toBe(2);
		expect(replaceQueue(EMPTY_QUEUE, ['a', 'b', 'c'], 0).currentIndex).toBe(0);
	});

	test('out-of-range startIndex starts at 0', () => {
		for (const startIndex of [undefined, -1, 3, 99, 1.5, Number.NaN]) {
			expect(replaceQueue(EMPTY_QUEUE, ['a', 'b', 'c'], startIndex).currentIndex).toBe(0);
		}
	});

	test('no items empties the queue', () => {
		const state = replaceQueue(secondOfThree(), []);
		expect(state.entries).toEqual([]);
		expect(state.currentIndex).toBe(-1);
		expect(state.nextPlaylistNumber).toBe(3);
	});

	test('keeps duplicate items as separate entries', () => {
		const state = replaceQueue(EMPTY_QUEUE, ['a', 'a']);
		expect(state.entries.map((entry) => entry.playlistItemId)).toEqual([
			'playlistItem0',
			'playlistItem1'
		]);
	});
});

describe('insertNext', () => {
	test('PlayNext inserts after the current item', () => {
		const state = insertNext(secondOfThree(), ['aa']);
		expect(itemIds(state)).toEqual(['t11', 't12', 'aa', 't13']);
		expect(currentEntry(state)?.itemId).toBe('t12');
	});

	test('keeps the given order of several items', () => {
		const state = insertNext(secondOfThree(), ['x', 'y', 'z']);
		expect(itemIds(state)).toEqual(['t11', 't12', 'x', 'y', 'z', 't13']);
	});

	test('after the last item it appends', () => {
		const state = insertNext(deepFreeze(replaceQueue(EMPTY_QUEUE, ['a', 'b'], 1)), ['c']);
		expect(itemIds(state)).toEqual(['a', 'b', 'c']);
		expect(state.currentIndex).toBe(1);
	});

	test('into an empty queue makes the first item current', () => {
		const state = insertNext(EMPTY_QUEUE, ['a', 'b']);
		expect(itemIds(state)).toEqual(['a', 'b']);
		expect(state.currentIndex).toBe(0);
	});

	test('no items returns the same state', () => {
		const state = secondOfThree();
		expect(insertNext(state, [])).toBe(state);
	});
});

describe('appendToQueue', () => {
	test('PlayLast appends after a PlayNext', () => {
		const state = appendToQueue(insertNext(secondOfThree(), ['aa']), ['bb']);
		expect(itemIds(state)).toEqual(['t11', 't12', 'aa', 't13', 'bb']);
		expect(currentEntry(state)?.itemId).toBe('t12');
	});

	test('into an empty queue makes the first item current', () => {
		const state = appendToQueue(EMPTY_QUEUE, ['a']);
		expect(state.currentIndex).toBe(0);
		expect(currentEntry(state)).toEqual({ itemId: 'a', playlistItemId: 'playlistItem0' });
	});

	test('no items returns the same state', () => {
		const state = secondOfThree();
		expect(appendToQueue(state, [])).toBe(state);
	});
});

describe('PlaylistItemIds', () => {
	test('stay stable and unique across operations', () => {
		let state = insertNext(secondOfThree(), ['aa']);
		state = appendToQueue(state, ['bb', 't11']);
		state = removeEntries(state, ['playlistItem2']);
		state = moveTo(state, 0);

		expect(toQueueItemRefs(state)).toEqual([
			{ Id: 't11', PlaylistItemId: 'playlistItem0' },
			{ Id: 't12', PlaylistItemId: 'playlistItem1' },
			{ Id: 'aa', PlaylistItemId: 'playlistItem3' },
			{ Id: 'bb', PlaylistItemId: 'playlistItem4' },
			{ Id: 't11', PlaylistItemId: 'playlistItem5' }
		]);
		expect(state.nextPlaylistNumber).toBe(6);
	});

	test('indexOfPlaylistItem finds entries', () => {
		const state = secondOfThree();
		expect(indexOfPlaylistItem(state, 'playlistItem2')).toBe(2);
		expect(indexOfPlaylistItem(state, 'playlistItem9')).toBe(-1);
	});
});

describe('moveTo', () => {
	test('makes a valid index current', () => {
		const state = moveTo(secondOfThree(), 2);
		expect(state.currentIndex).toBe(2);
		expect(itemIds(state)).toEqual(['t11', 't12', 't13']);
	});

	test('out-of-range index changes nothing', () => {
		const state = secondOfThree();
		for (const index of [-1, 3, 1.5, Number.NaN]) expect(moveTo(state, index)).toBe(state);
		expect(moveTo(EMPTY_QUEUE, 0)).toBe(EMPTY_QUEUE);
	});
});

describe('nextIndex', () => {
	const lastOfThree = () => moveTo(secondOfThree(), 2);

	test('RepeatNone moves on, then ends', () => {
		expect(nextIndex(secondOfThree(), 'RepeatNone', 'ended')).toBe(2);
		expect(nextIndex(lastOfThree(), 'RepeatNone', 'ended')).toBeUndefined();
		expect(nextIndex(lastOfThree(), 'RepeatNone', 'skip')).toBeUndefined();
	});

	test('RepeatAll wraps to the first entry', () => {
		expect(nextIndex(secondOfThree(), 'RepeatAll', 'skip')).toBe(2);
		expect(nextIndex(lastOfThree(), 'RepeatAll', 'ended')).toBe(0);
		expect(nextIndex(lastOfThree(), 'RepeatAll', 'skip')).toBe(0);
	});

	test('RepeatOne repeats only when the item ended', () => {
		expect(nextIndex(secondOfThree(), 'RepeatOne', 'ended')).toBe(1);
		expect(nextIndex(secondOfThree(), 'RepeatOne', 'skip')).toBe(2);
		expect(nextIndex(lastOfThree(), 'RepeatOne', 'skip')).toBeUndefined();
	});

	test('empty queue has no next', () => {
		expect(nextIndex(EMPTY_QUEUE, 'RepeatAll', 'ended')).toBeUndefined();
		expect(nextIndex(EMPTY_QUEUE, 'RepeatOne', 'ended')).toBeUndefined();
	});
});

describe('previousIndex', () => {
	const firstOfThree = () => moveTo(secondOfThree(), 0);

	test('moves back, then stops at the start', () => {
		expect(previousIndex(secondOfThree(), 'RepeatNone')).toBe(0);
		expect(previousIndex(firstOfThree(), 'RepeatNone')).toBeUndefined();
		expect(previousIndex(firstOfThree(), 'RepeatOne')).toBeUndefined();
	});

	test('RepeatAll wraps to the last entry', () => {
		expect(previousIndex(firstOfThree(), 'RepeatAll')).toBe(2);
	});

	test('empty queue has no previous', () => {
		expect(previousIndex(EMPTY_QUEUE, 'RepeatAll')).toBeUndefined();
	});
});

describe('removeEntries', () => {
	test('removing an earlier entry keeps the current one', () => {
		const state = removeEntries(secondOfThree(), ['playlistItem0']);
		expect(itemIds(state)).toEqual(['t12', 't13']);
		expect(currentEntry(state)?.itemId).toBe('t12');
	});

	test('removing a later entry keeps the current one', () => {
		const state = removeEntries(secondOfThree(), ['playlistItem2']);
		expect(currentEntry(state)?.itemId).toBe('t12');
	});

	test('removing the current entry makes the following one current', () => {
		const state = removeEntries(secondOfThree(), ['playlistItem1']);
		expect(itemIds(state)).toEqual(['t11', 't13']);
		expect(currentEntry(state)?.itemId).toBe('t13');
	});

	test('removing the current last entry makes the new last current', () => {
		const state = removeEntries(moveTo(secondOfThree(), 2), ['playlistItem2', 'playlistItem1']);
		expect(itemIds(state)).toEqual(['t11']);
		expect(state.currentIndex).toBe(0);
	});

	test('removing everything empties the queue', () => {
		const state = removeEntries(secondOfThree(), [
			'playlistItem0',
			'playlistItem1',
			'playlistItem2'
		]);
		expect(state.entries).toEqual([]);
		expect(state.currentIndex).toBe(-1);
		expect(state.nextPlaylistNumber).toBe(3);
	});

	test('unknown ids return the same state', () => {
		const state = secondOfThree();
		expect(removeEntries(state, ['playlistItem7'])).toBe(state);
	});
});

describe('toQueueItemRefs', () => {
	test('maps entries to NowPlayingQueue refs', () => {
		expect(toQueueItemRefs(secondOfThree())).toEqual([
			{ Id: 't11', PlaylistItemId: 'playlistItem0' },
			{ Id: 't12', PlaylistItemId: 'playlistItem1' },
			{ Id: 't13', PlaylistItemId: 'playlistItem2' }
		]);
		expect(toQueueItemRefs(EMPTY_QUEUE)).toEqual([]);
	});
});

describe('moveEntry', () => {
	const itemIds = (state: QueueState) => state.entries.map((entry) => entry.itemId);

	test('moves an entry forward and keeps the current one current', () => {
		const state = moveEntry(secondOfThree(), 'playlistItem0', 2);
		expect(itemIds(state)).toEqual(['t12', 't13', 't11']);
		expect(currentEntry(state)?.itemId).toBe('t12');
	});

	test('moves the current entry and follows it', () => {
		const state = moveEntry(secondOfThree(), 'playlistItem1', 0);
		expect(itemIds(state)).toEqual(['t12', 't11', 't13']);
		expect(state.currentIndex).toBe(0);
	});

	test('clamps the target index to the queue', () => {
		expect(itemIds(moveEntry(secondOfThree(), 'playlistItem0', 99))).toEqual(['t12', 't13', 't11']);
		expect(itemIds(moveEntry(secondOfThree(), 'playlistItem2', -4))).toEqual(['t13', 't11', 't12']);
	});

	test('returns the same state for an unknown id or no move', () => {
		const state = secondOfThree();
		expect(moveEntry(state, 'playlistItem9', 0)).toBe(state);
		expect(moveEntry(state, 'playlistItem1', 1)).toBe(state);
	});
});
