import { describe, expect, it } from 'vitest';

import { appendToQueue, EMPTY_QUEUE, replaceQueue, toQueueItemRefs } from './queue';
import { shuffleQueue, unshuffleQueue } from './queue-shuffle';

/** Returns a deterministic random source for repeatable shuffles. */
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 4294967296;
		return state / 4294967296;
	};
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('shuffleQueue', () => {
	it('keeps the current entry first and playing', () => {
		const queue = replaceQueue(EMPTY_QUEUE, ids, 2);
		const { queue: result } = shuffleQueue(queue, seeded(1));
		expect(result.currentIndex).toBe(0);
		expect(result.entries[0]).toEqual(queue.entries[2]);
		expect([...result.entries.map((entry) => entry.itemId)].sort()).toEqual(ids);
	});

	it('changes the order of the others', () => {
		const queue = replaceQueue(EMPTY_QUEUE, ids, 0);
		const { queue: result } = shuffleQueue(queue, seeded(7));
		expect(result.entries.map((entry) => entry.itemId)).not.toEqual(ids);
	});

	it('keeps PlaylistItemIds with their items', () => {
		const queue = replaceQueue(EMPTY_QUEUE, ids, 0);
		const { queue: result } = shuffleQueue(queue, seeded(3));
		const before = new Map(toQueueItemRefs(queue).map((ref) => [ref.PlaylistItemId, ref.Id]));
		for (const ref of toQueueItemRefs(result)) expect(before.get(ref.PlaylistItemId)).toBe(ref.Id);
	});

	it('leaves an empty queue alone', () => {
		expect(shuffleQueue(EMPTY_QUEUE).queue).toBe(EMPTY_QUEUE);
	});
});

describe('unshuffleQueue', () => {
	it('restores the original order and keeps the current entry', () => {
		const queue = replaceQueue(EMPTY_QUEUE, ids, 3);
		const { queue: mixed, sortedOrder } = shuffleQueue(queue, seeded(5));
		const restored = unshuffleQueue(mixed, sortedOrder);
		expect(restored.entries).toEqual(queue.entries);
		expect(restored.currentIndex).toBe(3);
	});

	it('keeps entries added while shuffled at the end', () => {
		const queue = replaceQueue(EMPTY_QUEUE, ['a', 'b', 'c'], 1);
		const { queue: mixed, sortedOrder } = shuffleQueue(queue, seeded(9));
		const grown = appendToQueue(mixed, ['x', 'y']);
		const restored = unshuffleQueue(grown, sortedOrder);
		expect(restored.entries.map((entry) => entry.itemId)).toEqual(['a', 'b', 'c', 'x', 'y']);
		expect(restored.currentIndex).toBe(1);
	});
});
