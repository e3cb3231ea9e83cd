/**
 * The playback state Cue keeps in localStorage so that a reload, a crash or a discarded tab comes
 * back paused where it was. Pure data in and out: no DOM, no storage access.
 */
import * as z from 'zod/mini';

import { REPEAT_MODES, type RepeatMode } from '$lib/protocol/checkin';
import { BaseItemSchema, type BaseItem } from '$lib/protocol/schemas';
import type { QueueEntry, QueueState } from '$lib/queue';

/** Whose state a record is: the same user on a different server is someone else. */
export interface ResumeOwner {
	serverUrl: string;
	userId: string;
}

export interface ResumeRecord extends ResumeOwner {
	version: 1;
	/** Milliseconds since the epoch. */
	savedAt: number;
	queue: QueueState;
	/** PlaylistItemIds in their order before a shuffle, or null when the queue is not shuffled. */
	sortedOrder: string[] | null;
	repeatMode: RepeatMode;
	items: BaseItem[];
	positionSeconds: number;
	/** 0..1, as the media element takes it. */
	volume: number;
	muted: boolean;
	/** The play session of the current entry, when it was loaded. */
	playSessionId?: string;
	mediaSourceId?: string;
	/** True once a Stopped report for `playSessionId` was sent, so a restore does not repeat it. */
	stopReported: boolean;
}

/** Saved queues longer than this keep a window around the current entry. */
export const MAX_SAVED_ENTRIES = 500;
/** Entries kept before the current one when the window applies. */
const ENTRIES_BEFORE_CURRENT = 100;
/** An older record is dropped: a tablet picked up after a week should not resume by itself. */
export const MAX_RECORD_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const QueueEntrySchema = z.object({ itemId: z.string(), playlistItemId: z.string() });

const ResumeRecordSchema = z.object({
	version: z.literal(1),
	serverUrl: z.string(),
	userId: z.string(),
	savedAt: z.number(),
	queue: z.object({
		entries: z.array(QueueEntrySchema),
		currentIndex: z.int(),
		nextPlaylistNumber: z.int()
	}),
	sortedOrder: z.nullable(z.array(z.string())),
	repeatMode: z.enum(REPEAT_MODES),
	items: z.array(BaseItemSchema),
	positionSeconds: z.number(),
	volume: z.number(),
	muted: z.boolean(),
	playSessionId: z.optional(z.string()),
	mediaSourceId: z.optional(z.string()),
	stopReported: z.boolean()
});

/**
 * Copies the fields that the player view, the media session and PlaybackInfo need. Overviews,
 * media sources and user data are left out to keep the record small, and are fetched again on
 * restore.
 */
export function slimItem(item: BaseItem): BaseItem {
	const primary = item.ImageTags?.Primary;
	return {
		Id: item.Id,
		Name: item.Name,
		Type: item.Type,
		MediaType: item.MediaType,
		RunTimeTicks: item.RunTimeTicks,
		Album: item.Album,
		AlbumId: item.AlbumId,
		AlbumArtist: item.AlbumArtist,
		Artists: item.Artists,
		SeriesName: item.SeriesName,
		SeriesId: item.SeriesId,
		IndexNumber: item.IndexNumber,
		ParentIndexNumber: item.ParentIndexNumber,
		ProductionYear: item.ProductionYear,
		ImageTags: primary ? { Primary: primary } : undefined,
		AlbumPrimaryImageTag: item.AlbumPrimaryImageTag,
		SeriesPrimaryImageTag: item.SeriesPrimaryImageTag,
		ServerId: item.ServerId
	};
}

/** Keeps at most MAX_SAVED_ENTRIES entries, from a little before the current one onwards. */
export function boundQueue(queue: QueueState): QueueState {
	if (queue.entries.length <= MAX_SAVED_ENTRIES) return queue;
	const start = Math.min(
		Math.max(0, queue.currentIndex - ENTRIES_BEFORE_CURRENT),
		queue.entries.length - MAX_SAVED_ENTRIES
	);
	return {
		entries: queue.entries.slice(start, start + MAX_SAVED_ENTRIES),
		currentIndex: queue.currentIndex - start,
		nextPlaylistNumber: queue.nextPlaylistNumber
	};
}

/**
 * Builds a record from the player's state, with the queue bounded and only the items its entries
 * name. Returns null when there is nothing to resume.
 */
export function buildResumeRecord(
	state: Omit<ResumeRecord, 'version' | 'queue' | 'items' | 'sortedOrder'> & {
		queue: QueueState;
		items: ReadonlyMap<string, BaseItem>;
		sortedOrder: readonly string[] | null;
	}
): ResumeRecord | null {
	const queue = boundQueue(state.queue);
	if (queue.currentIndex < 0 || queue.entries.length === 0) return null;
	const itemIds = new Set(queue.entries.map((entry) => entry.itemId));
	const items = [...itemIds].flatMap((id) => {
		const item = state.items.get(id);
		return item ? [slimItem(item)] : [];
	});
	const kept = new Set(queue.entries.map((entry) => entry.playlistItemId));
	const sortedOrder = state.sortedOrder?.filter((id) => kept.has(id)) ?? null;
	return { ...state, version: 1, queue, items, sortedOrder };
}

/**
 * Reads a stored record back. Returns null for text that is not a valid record, a record of
 * another server or user, one older than MAX_RECORD_AGE_MS, or one whose queue does not hold
 * together (entries without items, repeated PlaylistItemIds, an index out of range).
 */
export function parseResumeRecord(
	text: string | null,
	owner: ResumeOwner,
	now: number
): ResumeRecord | null {
	if (!text) return null;
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return null;
	}
	const result = ResumeRecordSchema.safeParse(json);
	if (!result.success) return null;
	const record = result.data;
	if (record.serverUrl !== owner.serverUrl || record.userId !== owner.userId) return null;
	if (now - record.savedAt > MAX_RECORD_AGE_MS || record.savedAt > now + MAX_RECORD_AGE_MS) {
		return null;
	}
	if (!isConsistent(record)) return null;
	return {
		...record,
		sortedOrder: isPermutation(record.sortedOrder, record.queue.entries)
			? record.sortedOrder
			: null,
		positionSeconds: Number.isFinite(record.positionSeconds)
			? Math.max(0, record.positionSeconds)
			: 0,
		volume: Math.min(1, Math.max(0, record.volume)),
		queue: {
			...record.queue,
			nextPlaylistNumber: Math.max(
				record.queue.nextPlaylistNumber,
				highestPlaylistNumber(record.queue.entries) + 1
			)
		}
	};
}

function isConsistent(record: z.output<typeof ResumeRecordSchema>): boolean {
	const { entries, currentIndex } = record.queue;
	if (entries.length === 0 || entries.length > MAX_SAVED_ENTRIES) return false;
	if (currentIndex < 0 || currentIndex >= entries.length) return false;
	const playlistItemIds = new Set(entries.map((entry) => entry.playlistItemId));
	if (playlistItemIds.size !== entries.length) return false;
	const itemIds = new Set(record.items.map((item) => item.Id));
	return entries.every((entry) => itemIds.has(entry.itemId));
}

function isPermutation(order: string[] | null, entries: QueueEntry[]): order is string[] {
	if (!order || order.length !== entries.length) return false;
	const ids = new Set(entries.map((entry) => entry.playlistItemId));
	return new Set(order).size === order.length && order.every((id) => ids.has(id));
}

/** The largest N among `playlistItem<N>` ids, or -1. Restored ids must never be handed out again. */
function highestPlaylistNumber(entries: QueueEntry[]): number {
	let highest = -1;
	for (const entry of entries) {
		const match = /^playlistItem(\d+)$/.exec(entry.playlistItemId);
		if (match) highest = Math.max(highest, Number(match[1]));
	}
	return highest;
}
