/**
 * The playback state Cue keeps in localStorage so that a reload, a crash or a discarded tab comes
 * back paused where it was. Pure data in and out: no DOM, no storage access.
 */
import { normaliseId } from '$lib/protocol/ids';
import type { PlaybackSnapshot, RepeatMode } from '$lib/protocol/checkin';
import type { BaseItem } from '$lib/protocol/schemas';
import { toQueueItemRefs, type QueueState } from '$lib/queue';

/** The owner of a record. The same user id on a different server counts as another owner. */
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
/** Records older than this are dropped, since a queue left for a week is likely stale. */
export const MAX_RECORD_AGE_MS = 7 * 24 * 60 * 60 * 1000;

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
	const keptIds = new Set(queue.entries.map((entry) => entry.playlistItemId));
	const sortedOrder = state.sortedOrder?.filter((id) => keptIds.has(id)) ?? null;
	return { ...state, version: 1, queue, items, sortedOrder };
}

/** Returns a copy of `known` with `items` added, replacing earlier copies with the same Id. */
export function withItems(
	known: ReadonlyMap<string, BaseItem>,
	items: readonly BaseItem[]
): ReadonlyMap<string, BaseItem> {
	return new Map([...known, ...items.map((item) => [item.Id, item] as const)]);
}

/**
 * Returns the PlaylistItemIds of the entries whose item is not among `found`, comparing ids as
 * the server does, without case or dashes.
 */
export function entriesMissingFrom(queue: QueueState, found: readonly BaseItem[]): string[] {
	const foundIds = new Set(found.map((item) => normaliseId(item.Id)));
	return queue.entries
		.filter((entry) => !foundIds.has(normaliseId(entry.itemId)))
		.map((entry) => entry.playlistItemId);
}

/**
 * Builds the snapshot for a Stopped report of the play session a record names, for a page that
 * ended without sending one (a crash or a killed tab). Returns null when there is none to close.
 */
export function staleSessionSnapshot(record: ResumeRecord): PlaybackSnapshot | null {
	const entry = record.queue.entries[record.queue.currentIndex];
	if (!entry || !record.playSessionId || record.stopReported) return null;
	return {
		itemId: entry.itemId,
		mediaSourceId: record.mediaSourceId ?? entry.itemId,
		playSessionId: record.playSessionId,
		playlistItemId: entry.playlistItemId,
		positionSeconds: record.positionSeconds,
		isPaused: true,
		isMuted: record.muted,
		volume: record.volume,
		canSeek: true,
		playMethod: 'DirectPlay',
		repeatMode: record.repeatMode,
		playbackOrder: record.sortedOrder ? 'Shuffle' : 'Default',
		playbackRate: 1,
		queue: toQueueItemRefs(record.queue)
	};
}
