import type { MediaServerApi } from '$lib/api/media-server';
import { ApiError } from '$lib/api/errors';
import { secondsToTicks } from '$lib/protocol/ticks';
import type { BaseItem } from '$lib/protocol/schemas';
import type { QueueEntry } from '$lib/queue';
import type { LoadedMedia } from '$lib/stores/player.svelte';

/** Per-item choices a Play command can carry for its starting item. */
export interface StartOptions {
	mediaSourceId?: string;
	audioStreamIndex?: number;
	subtitleStreamIndex?: number;
	maxStreamingBitrate?: number;
	/** Loads the item paused at the start position instead of playing it, as after a reload. */
	startPaused?: boolean;
}

/**
 * Asks the server how to play one queue entry and builds the stream URL. Direct play only:
 * Cue plays what the server offers as a static stream.
 */
export async function resolveMedia(
	api: MediaServerApi,
	userId: string,
	entry: QueueEntry,
	item: BaseItem,
	startSeconds: number,
	options: StartOptions
): Promise<LoadedMedia> {
	const info = await api.getPlaybackInfo(item.Id, {
		userId,
		startTimeTicks: secondsToTicks(startSeconds),
		mediaSourceId: options.mediaSourceId,
		audioStreamIndex: options.audioStreamIndex,
		subtitleStreamIndex: options.subtitleStreamIndex,
		maxStreamingBitrate: options.maxStreamingBitrate
	});
	if (info.ErrorCode) {
		throw new ApiError('bad-response', `The server cannot play "${item.Name}": ${info.ErrorCode}`);
	}
	const wanted = options.mediaSourceId?.toLowerCase();
	const source =
		info.MediaSources.find((candidate) => candidate.Id.toLowerCase() === wanted) ??
		info.MediaSources[0];
	if (!source) {
		throw new ApiError('bad-response', `The server offered no media source for "${item.Name}"`);
	}
	return {
		entry,
		item,
		source,
		playSessionId: info.PlaySessionId ?? '',
		playMethod: 'DirectPlay',
		url: api.streamUrl(item, source, info.PlaySessionId)
	};
}
