import type { CheckInEvent } from '$lib/protocol/checkin-events';
import type { MediaServerApi } from '$lib/api/media-server';
import { ticksToSeconds } from '$lib/protocol/ticks';
import { normaliseId } from '$lib/protocol/ids';
import type { BaseItem, PlaybackInfoResponse } from '$lib/protocol/schemas';
import type { QueueEntry } from '$lib/queue';
import type { LoadedMedia } from '$lib/stores/player.svelte';
import type { PlaybackCapabilities, StartOptions } from './loader';
import type { MediaAttachment } from './media-attach';
import type { StreamSelection } from './media-choice';
import { isServerStream } from './media-keepalive';
import { streamCovers, streamOffsetSeconds } from './media-position';

type Pipeline = typeof import('./media-pipeline');

/** How long a PlaybackInfo requested ahead stays usable; the server's play session may end. */
const EARLY_INFO_MAX_AGE_MS = 10_000;

interface EarlyPlaybackInfo {
	key: string;
	requestedAt: number;
	info: Promise<PlaybackInfoResponse>;
}

/** Identifies what a PlaybackInfo was requested for: the item, the start and the options. */
function playbackInfoKey(itemId: string, startSeconds: number, options: StartOptions): string {
	const { mediaSourceId, audioStreamIndex, subtitleStreamIndex, maxStreamingBitrate } = options;
	const parts = [normaliseId(itemId), startSeconds, mediaSourceId?.toLowerCase()];
	return JSON.stringify([...parts, audioStreamIndex, subtitleStreamIndex, maxStreamingBitrate]);
}

/** A new stream for the loaded item, from the server, at an item position. */
export interface StreamChange extends StreamSelection {
	atSeconds: number;
	/** Whether to play the new stream, or leave it paused. */
	play: boolean;
	/** The progress report's event name once the new stream is in. */
	eventName: CheckInEvent;
	/** When the server gives no stream: keep the old one (a track switch), or fail the item. */
	onFailure: 'keep' | 'fail';
}

/** PlaybackInfo options for a new stream of the loaded item: its source, with changed streams. */
export function streamChangeOptions(
	loaded: LoadedMedia,
	change: StreamChange,
	maxStreamingBitrate: number | undefined
): StartOptions {
	return {
		mediaSourceId: loaded.source.Id,
		audioStreamIndex: change.audioStreamIndex ?? loaded.audioStreamIndex,
		subtitleStreamIndex: change.subtitleStreamIndex ?? loaded.subtitleStreamIndex,
		maxStreamingBitrate
	};
}

/**
 * The stream in the media element and the positions Cue tracks for it: the item position it was
 * requested at, the position still waiting for the metadata, and where in the item a server
 * stream starts. Loads the playback pipeline on first use.
 */
export class MediaStreamState {
	readonly media: HTMLMediaElement;
	/** Item position to seek to once the metadata is in, or null. */
	pendingStartSeconds: number | null = null;
	/** True once the current stream's metadata is in, so the stream did start. */
	started = false;
	#onFatalError: (message: string) => void;
	#pipeline: { module: Pipeline; capabilities: PlaybackCapabilities } | null = null;
	#attachment: MediaAttachment | null = null;
	#requestedSeconds = 0;
	#subtitleDelaySeconds = 0;
	#early: EarlyPlaybackInfo | null = null;

	constructor(media: HTMLMediaElement, onFatalError: (message: string) => void) {
		this.media = media;
		this.#onFatalError = onFatalError;
	}

	async #load() {
		if (!this.#pipeline) {
			const module = await import('./media-pipeline');
			this.#attachment ??= new module.MediaAttachment(this.media, this.#onFatalError);
			this.#attachment.subtitles.setDelay(this.#subtitleDelaySeconds);
			this.#pipeline = { module, capabilities: module.probeCapabilities(this.media) };
		}
		return this.#pipeline;
	}

	/**
	 * Requests the PlaybackInfo of an item that is about to load, while its queue entry still
	 * waits for the item itself, so that `resolve` finds the response already on its way.
	 */
	requestEarly(
		api: MediaServerApi,
		userId: string,
		itemId: string,
		startSeconds: number,
		options: StartOptions
	): void {
		if (!api.dialect.hasPlaybackInfo) return;
		const info = this.#load().then(({ module, capabilities }) =>
			module.fetchPlaybackInfo(api, userId, itemId, startSeconds, options, capabilities)
		);
		// An unused request is dropped silently. A used one raises its failure in `resolve`.
		info.catch(() => undefined);
		const key = playbackInfoKey(itemId, startSeconds, options);
		this.#early = { key, requestedAt: Date.now(), info };
	}

	/** Asks the server how to play an item from `startSeconds`; see `resolveMedia`. */
	async resolve(
		api: MediaServerApi,
		userId: string,
		entry: QueueEntry,
		item: BaseItem,
		startSeconds: number,
		options: StartOptions
	): Promise<LoadedMedia> {
		const early = this.#takeEarly(item.Id, startSeconds, options);
		const { module, capabilities } = await this.#load();
		return module.resolveMedia(
			api,
			userId,
			entry,
			item,
			startSeconds,
			options,
			capabilities,
			early
		);
	}

	#takeEarly(itemId: string, startSeconds: number, options: StartOptions) {
		const early = this.#early;
		this.#early = null;
		if (!early || Date.now() - early.requestedAt > EARLY_INFO_MAX_AGE_MS) return undefined;
		return early.key === playbackInfoKey(itemId, startSeconds, options) ? early.info : undefined;
	}

	/** Puts `loaded` into the element, to start at item position `startSeconds`. */
	async open(loaded: LoadedMedia, startSeconds: number): Promise<void> {
		await this.#load();
		this.#requestedSeconds = startSeconds;
		this.pendingStartSeconds = startSeconds > 0 ? startSeconds : null;
		this.started = false;
		await this.#attachment!.attach(loaded);
	}

	/** Stops hls.js, if it runs, and removes the subtitle tracks. */
	close(): void {
		this.#attachment?.detach();
	}

	showSubtitle(index: number): void {
		this.#attachment?.subtitles.show(index);
	}

	/** Shows text subtitles `seconds` later than the file's cue times, for this item and the next. */
	setSubtitleDelay(seconds: number): void {
		this.#subtitleDelaySeconds = seconds;
		this.#attachment?.subtitles.setDelay(seconds);
	}

	/** Returns the item position now, in seconds. */
	positionSeconds(loaded: LoadedMedia | null): number {
		if (this.pendingStartSeconds !== null) return this.pendingStartSeconds;
		const time = Number.isFinite(this.media.currentTime) ? this.media.currentTime : 0;
		return (loaded?.offsetSeconds ?? 0) + time;
	}

	/**
	 * Takes in the metadata of the stream: works out where in the item a server stream starts and
	 * moves the subtitle cues to match. Returns that offset.
	 */
	settle(loaded: LoadedMedia): number {
		this.started = true;
		if (!isServerStream(loaded)) return loaded.offsetSeconds;
		const runtime = ticksToSeconds(loaded.item.RunTimeTicks ?? loaded.source.RunTimeTicks ?? 0);
		const offset = streamOffsetSeconds(this.#requestedSeconds, runtime, this.media.duration);
		this.#attachment?.subtitles.setOffset(offset);
		return offset;
	}

	/** True when a server stream cannot reach item position `seconds` by seeking the element. */
	needsNewStream(loaded: LoadedMedia, seconds: number): boolean {
		if (!isServerStream(loaded)) return false;
		// A progressive transcode only has what the server has sent so far.
		if (loaded.delivery !== 'hls') return true;
		return !streamCovers(loaded.offsetSeconds, this.media.duration, seconds);
	}
}
