/**
 * Reading a stored resume record back: validation of the JSON and of the queue it describes.
 */
import * as z from 'zod/mini';

import { REPEAT_MODES } from '$lib/protocol/checkin';
import { BaseItemSchema } from '$lib/protocol/schemas';
import type { QueueEntry } from '$lib/queue';
import {
	MAX_RECORD_AGE_MS,
	MAX_SAVED_ENTRIES,
	type ResumeOwner,
	type ResumeRecord
} from './resume-record';

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

/** Returns the largest N among `playlistItem<N>` ids, or -1, so restored ids are never handed out again. */
function highestPlaylistNumber(entries: QueueEntry[]): number {
	let highest = -1;
	for (const entry of entries) {
		const match = /^playlistItem(\d+)$/.exec(entry.playlistItemId);
		if (match) highest = Math.max(highest, Number(match[1]));
	}
	return highest;
}
