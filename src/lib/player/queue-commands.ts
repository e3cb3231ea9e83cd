import { createLogger } from '$lib/log';
import type { PlayRequest } from '$lib/protocol/messages';
import { ticksToSeconds } from '$lib/protocol/ticks';
import type { BaseItem } from '$lib/protocol/schemas';
import { appendToQueue, insertNext, moveTo, replaceQueue } from '$lib/queue';
import { player } from '$lib/stores/player.svelte';
import type { ActionResult, EngineContext, PlaybackEngine } from './engine';

const log = createLogger('queue');

/** Maximum number of queue entries. A larger Play keeps its first entries and logs a warning. */
export const MAX_QUEUE_ENTRIES = 5000;

/** Cuts an id list to what the queue can hold, logging what was dropped. */
function limitIds(ids: string[], room: number): string[] {
	if (ids.length <= room) return ids;
	log.warn(
		`a Play with ${ids.length} items is over the ${MAX_QUEUE_ENTRIES}-entry queue limit; queuing the first ${room}`
	);
	return ids.slice(0, Math.max(0, room));
}

/** Fetches the items in one request and remembers them; ids the server does not know are dropped. */
async function fetchItems(context: EngineContext, ids: string[]): Promise<BaseItem[]> {
	const api = context.api();
	const userId = context.userId();
	if (!api || !userId) throw new Error('not signed in');
	const items = await api.getItems(userId, ids);
	if (items.length < ids.length) {
		log.warn(`the server did not return ${ids.length - items.length} of ${ids.length} items`);
	}
	const known = new Map(player.items);
	for (const item of items) known.set(item.Id, item);
	player.items = known;
	return items;
}

/** Maps StartIndex, an index into the requested ids, onto the items the server returned. */
function startIndexAmongFound(requested: string[], found: BaseItem[], startIndex: number): number {
	const foundIds = new Set(found.map((item) => item.Id.replaceAll('-', '').toLowerCase()));
	const before = requested.slice(0, Math.max(0, startIndex));
	const foundBefore = before.filter((id) => foundIds.has(id.replaceAll('-', '').toLowerCase()));
	return Math.min(foundBefore.length, Math.max(0, found.length - 1));
}

/** PlayNow: replaces the queue and starts at StartIndex, at StartPositionTicks. */
export async function playNow(
	engine: PlaybackEngine,
	context: EngineContext,
	request: PlayRequest
): Promise<ActionResult> {
	const requested = limitIds(request.ItemIds, MAX_QUEUE_ENTRIES);
	const startSeconds = ticksToSeconds(request.StartPositionTicks ?? 0);
	const options = {
		mediaSourceId: request.MediaSourceId,
		audioStreamIndex: request.AudioStreamIndex,
		subtitleStreamIndex: request.SubtitleStreamIndex
	};
	// The item to start is known already, so its PlaybackInfo need not wait for the items.
	const startId = requested[request.StartIndex ?? 0];
	if (startId) engine.requestPlaybackInfoEarly(startId, startSeconds, options);
	const items = await fetchItems(context, requested);
	if (items.length === 0) return { ignored: 'none of the items exist on the server' };
	const startIndex = startIndexAmongFound(requested, items, request.StartIndex ?? 0);
	player.queue = replaceQueue(
		player.queue,
		items.map((item) => item.Id),
		startIndex
	);
	return engine.loadCurrent(startSeconds, options);
}

/**
 * PlayInstantMix: plays the instant mix of the requested items (`GET /Items/{id}/InstantMix`) as
 * a PlayNow. Jellyfin's server expands it before sending; Emby may send it as it is.
 */
export async function playInstantMix(
	engine: PlaybackEngine,
	context: EngineContext,
	request: PlayRequest
): Promise<ActionResult> {
	const api = context.api();
	const userId = context.userId();
	if (!api || !userId) throw new Error('not signed in');
	const mixes = await Promise.all(request.ItemIds.map((id) => api.getInstantMix(userId, id)));
	const ids = [...new Set(mixes.flat().map((item) => item.Id))];
	if (ids.length === 0) return { ignored: 'the server has no instant mix for these items' };
	return playNow(engine, context, { ...request, PlayCommand: 'PlayNow', ItemIds: ids });
}

/** PlayShuffle: plays the requested items in random order, as a PlayNow from the first. */
export function playShuffled(
	engine: PlaybackEngine,
	context: EngineContext,
	request: PlayRequest,
	random: () => number = Math.random
): Promise<ActionResult> {
	const ids = [...request.ItemIds];
	for (let index = ids.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[ids[index], ids[other]] = [ids[other]!, ids[index]!];
	}
	return playNow(engine, context, {
		...request,
		PlayCommand: 'PlayNow',
		ItemIds: ids,
		StartIndex: 0,
		StartPositionTicks: undefined
	});
}

/** PlayNext inserts after the current entry and PlayLast appends; an idle player starts them. */
export async function addToQueue(
	engine: PlaybackEngine,
	context: EngineContext,
	ids: string[],
	position: 'next' | 'last'
): Promise<ActionResult> {
	const room = MAX_QUEUE_ENTRIES - player.queue.entries.length;
	if (room <= 0) return { ignored: `the queue is full (${MAX_QUEUE_ENTRIES} entries)` };
	const items = await fetchItems(context, limitIds(ids, room));
	if (items.length === 0) return { ignored: 'none of the items exist on the server' };
	const itemIds = items.map((item) => item.Id);
	const before = player.queue;
	const wasIdle = !player.loaded && player.status !== 'loading';
	player.queue =
		position === 'next' ? insertNext(player.queue, itemIds) : appendToQueue(player.queue, itemIds);
	if (wasIdle) {
		// Nothing is playing (an empty or finished queue), so start the first added entry.
		const firstAdded =
			before.entries.length === 0
				? 0
				: position === 'next'
					? before.currentIndex + 1
					: before.entries.length;
		player.queue = moveTo(player.queue, firstAdded);
		return engine.loadCurrent(0);
	}
	engine.reportProgress('playlistitemadd');
	return 'applied';
}
