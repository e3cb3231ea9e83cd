import type { TextSubtitle } from '$lib/player/subtitles';
import type { PlayMethod, RepeatMode } from '$lib/protocol/checkin';
import type { BaseItem, MediaSource } from '$lib/protocol/schemas';
import { currentEntry, EMPTY_QUEUE, type QueueEntry, type QueueState } from '$lib/queue';

export type PlaybackStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'blocked' | 'error';

/** The media that is in the element now, with the server's reply on how to play it. */
export interface LoadedMedia {
	entry: QueueEntry;
	item: BaseItem;
	source: MediaSource;
	playSessionId: string;
	playMethod: PlayMethod;
	url: string;
	/** 'file' for a URL the element opens itself, 'hls' for a playlist (native or hls.js). */
	delivery: 'file' | 'hls';
	/**
	 * Item position, in seconds, at which the stream starts. Non-zero only for a transcode that
	 * the server started part-way into the item; known once the stream's metadata is in.
	 */
	offsetSeconds: number;
	audioStreamIndex?: number;
	/** The subtitle stream shown, by its own Index, or -1 for none. */
	subtitleStreamIndex: number;
	/** True when the server burns the shown subtitle into the picture. */
	subtitleBurnedIn: boolean;
	/** Text subtitles of the source that the browser can show as tracks. */
	textSubtitles: TextSubtitle[];
}

/** Reactive mirror of the player for the UI. Only the playback engine writes to it. */
class PlayerStore {
	queue = $state.raw<QueueState>(EMPTY_QUEUE);
	items = $state.raw<ReadonlyMap<string, BaseItem>>(new Map());
	loaded = $state.raw<LoadedMedia | null>(null);
	status = $state<PlaybackStatus>('idle');
	positionSeconds = $state(0);
	durationSeconds = $state(0);
	volume = $state(1);
	muted = $state(false);
	repeatMode = $state<RepeatMode>('RepeatNone');
	/** PlaylistItemIds in their order before a shuffle; null while the queue is not shuffled. */
	sortedOrder = $state.raw<string[] | null>(null);
	playbackRate = $state(1);
	/** Seconds by which text subtitles show later than the file's cue times (Emby's SubtitleOffset). */
	subtitleOffsetSeconds = $state(0);
	/** The bitrate limit a controller set, in bits per second, for the next PlaybackInfo. */
	maxStreamingBitrate = $state<number | undefined>(undefined);
	error = $state<string | null>(null);
	/** Normalised ids of queued items the server reported as removed; the player skips them. */
	removedItemIds = $state.raw<ReadonlySet<string>>(new Set());
	/** True once a tap has let this page start sound without a further gesture. */
	unlocked = $state(false);

	current = $derived(currentEntry(this.queue));
	currentItem = $derived(this.current ? this.items.get(this.current.itemId) : undefined);
}

export const player = new PlayerStore();
