import { describe, expect, it } from 'vitest';

import type { BaseItem } from '$lib/protocol/schemas';
import { EMPTY_QUEUE, replaceQueue, type QueueState } from '$lib/queue';
import { parseResumeRecord } from './resume-parse';
import {
	boundQueue,
	buildResumeRecord,
	entriesMissingFrom,
	MAX_RECORD_AGE_MS,
	MAX_SAVED_ENTRIES,
	slimItem,
	staleSessionSnapshot,
	withItems,
	type ResumeRecord
} from './resume-record';

const OWNER = { serverUrl: 'http://jf.test:8096', userId: 'user-1' };
const NOW = 1_800_000_000_000;

function item(id: string, extra: Partial<BaseItem> = {}): BaseItem {
	return { Id: id, Name: `Item ${id}`, MediaType: 'Audio', RunTimeTicks: 600_000_000, ...extra };
}

function record(overrides: Partial<Parameters<typeof buildResumeRecord>[0]> = {}): ResumeRecord {
	const queue = replaceQueue(EMPTY_QUEUE, ['a', 'b', 'c'], 1);
	const built = buildResumeRecord({
		...OWNER,
		savedAt: NOW,
		queue,
		items: new Map(['a', 'b', 'c'].map((id) => [id, item(id)])),
		sortedOrder: null,
		repeatMode: 'RepeatAll',
		positionSeconds: 10.5,
		volume: 0.4,
		muted: false,
		playSessionId: 'ps-1',
		mediaSourceId: 'b',
		stopReported: false,
		...overrides
	});
	if (!built) throw new Error('expected a record');
	return built;
}

const roundTrip = (value: unknown, owner = OWNER, now = NOW) =>
	parseResumeRecord(JSON.stringify(value), owner, now);

describe('buildResumeRecord', () => {
	it('keeps the queue, position and play session', () => {
		const built = record();
		expect(built.queue.entries.map((entry) => entry.itemId)).toEqual(['a', 'b', 'c']);
		expect(built.queue.currentIndex).toBe(1);
		expect(built.positionSeconds).toBe(10.5);
		expect(built.playSessionId).toBe('ps-1');
		expect(built.items.map((entry) => entry.Id)).toEqual(['a', 'b', 'c']);
	});

	it('returns null for an empty queue', () => {
		expect(buildResumeRecord({ ...record(), queue: EMPTY_QUEUE, items: new Map() })).toBeNull();
	});

	it('keeps only the items the queue names', () => {
		const items = new Map(['a', 'b', 'c', 'z'].map((id) => [id, item(id)]));
		expect(record({ items }).items.map((entry) => entry.Id)).toEqual(['a', 'b', 'c']);
	});

	it('never stores a token', () => {
		expect(JSON.stringify(record())).not.toMatch(/token|apikey/i);
	});
});

describe('slimItem', () => {
	it('drops overviews, media sources and user data', () => {
		const full = item('a', {
			Overview: 'long text',
			MediaSources: [{ Id: 'a', MediaStreams: [] }],
			UserData: { IsFavorite: true },
			ImageTags: { Primary: 'tag', Thumb: 'other' }
		});
		const slim = slimItem(full);
		expect(slim.Overview).toBeUndefined();
		expect(slim.MediaSources).toBeUndefined();
		expect(slim.UserData).toBeUndefined();
		expect(slim.ImageTags).toEqual({ Primary: 'tag' });
		expect(slim.Name).toBe('Item a');
	});
});

describe('boundQueue', () => {
	const long = (current: number): QueueState =>
		replaceQueue(
			EMPTY_QUEUE,
			Array.from({ length: MAX_SAVED_ENTRIES + 300 }, (_, index) => `i${index}`),
			current
		);

	it('keeps a short queue as it is', () => {
		const queue = replaceQueue(EMPTY_QUEUE, ['a', 'b'], 1);
		expect(boundQueue(queue)).toBe(queue);
	});

	it('keeps a window around the current entry', () => {
		const bounded = boundQueue(long(400));
		expect(bounded.entries).toHaveLength(MAX_SAVED_ENTRIES);
		expect(bounded.entries[bounded.currentIndex].itemId).toBe('i400');
		expect(bounded.currentIndex).toBe(100);
	});

	it('keeps the last entries when the current one is near the end', () => {
		const bounded = boundQueue(long(MAX_SAVED_ENTRIES + 299));
		expect(bounded.entries.at(-1)?.itemId).toBe(`i${MAX_SAVED_ENTRIES + 299}`);
		expect(bounded.entries[bounded.currentIndex].itemId).toBe(`i${MAX_SAVED_ENTRIES + 299}`);
	});

	it('keeps the shuffle order of the kept entries', () => {
		const queue = long(0);
		const order = [...queue.entries].reverse().map((entry) => entry.playlistItemId);
		const built = record({ queue, items: new Map(), sortedOrder: order });
		expect(built.sortedOrder).toHaveLength(MAX_SAVED_ENTRIES);
	});
});

describe('parseResumeRecord', () => {
	it('reads back what was built', () => {
		const built = record();
		expect(roundTrip(built)).toEqual(built);
	});

	it('rejects another user', () => {
		expect(roundTrip(record(), { ...OWNER, userId: 'user-2' })).toBeNull();
	});

	it('rejects another server', () => {
		expect(roundTrip(record(), { ...OWNER, serverUrl: 'http://other:8096' })).toBeNull();
	});

	it('rejects a record older than the limit', () => {
		expect(roundTrip(record(), OWNER, NOW + MAX_RECORD_AGE_MS + 1)).toBeNull();
		expect(roundTrip(record(), OWNER, NOW + MAX_RECORD_AGE_MS - 1)).not.toBeNull();
	});

	it.each([
		['missing', null],
		['not JSON', '{'],
		['JSON null', 'null'],
		['another version', JSON.stringify({ ...record(), version: 2 })]
	])('rejects text that is %s', (_case, text) => {
		expect(parseResumeRecord(text, OWNER, NOW)).toBeNull();
	});

	it('rejects an index out of range', () => {
		const built = record();
		expect(roundTrip({ ...built, queue: { ...built.queue, currentIndex: 3 } })).toBeNull();
	});

	it('rejects an entry without its item', () => {
		const built = record();
		expect(roundTrip({ ...built, items: built.items.slice(1) })).toBeNull();
	});

	it('rejects repeated PlaylistItemIds', () => {
		const built = record();
		const entries = built.queue.entries.map((entry) => ({ ...entry, playlistItemId: 'same' }));
		expect(roundTrip({ ...built, queue: { ...built.queue, entries } })).toBeNull();
	});

	it('never hands out a stored PlaylistItemId again', () => {
		const built = record();
		const parsed = roundTrip({ ...built, queue: { ...built.queue, nextPlaylistNumber: 0 } });
		expect(parsed?.queue.nextPlaylistNumber).toBe(3);
	});

	it('drops a shuffle order that does not match the entries', () => {
		expect(roundTrip(record({ sortedOrder: ['playlistItem0'] }))?.sortedOrder).toBeNull();
		const order = ['playlistItem2', 'playlistItem0', 'playlistItem1'];
		expect(roundTrip(record({ sortedOrder: order }))?.sortedOrder).toEqual(order);
	});

	it('clamps the volume and a negative position', () => {
		const parsed = roundTrip({ ...record(), volume: 3, positionSeconds: -4 });
		expect(parsed?.volume).toBe(1);
		expect(parsed?.positionSeconds).toBe(0);
	});
});

describe('staleSessionSnapshot', () => {
	it('describes the open play session of the current entry', () => {
		const snapshot = staleSessionSnapshot(record());
		expect(snapshot).toMatchObject({
			itemId: 'b',
			playSessionId: 'ps-1',
			playlistItemId: 'playlistItem1',
			positionSeconds: 10.5,
			isPaused: true
		});
		expect(snapshot?.queue).toHaveLength(3);
	});

	it('returns null once Stopped was reported', () => {
		expect(staleSessionSnapshot(record({ stopReported: true }))).toBeNull();
	});

	it('returns null without a play session', () => {
		expect(staleSessionSnapshot(record({ playSessionId: undefined }))).toBeNull();
	});
});

describe('withItems', () => {
	it('adds items and replaces older copies', () => {
		const known = new Map([['a', item('a', { Name: 'old' })]]);
		const merged = withItems(known, [item('a', { Name: 'new' }), item('b')]);
		expect(merged.get('a')?.Name).toBe('new');
		expect(merged.get('b')?.Name).toBe('Item b');
		expect(known.get('a')?.Name).toBe('old');
	});
});

describe('entriesMissingFrom', () => {
	it('lists the entries whose item the server no longer returns', () => {
		const queue = replaceQueue(EMPTY_QUEUE, ['a', 'B-1', 'c', 'a'], 0);
		const found = [item('a'), item('b1')];
		expect(entriesMissingFrom(queue, found)).toEqual(['playlistItem2']);
	});
});
