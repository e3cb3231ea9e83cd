import type { CheckInEvent } from '$lib/protocol/checkin-events';
import type { MediaServerApi } from '$lib/api/media-server';
import { createLogger } from '$lib/log';
import { ticksToSeconds } from '$lib/protocol/ticks';
import { currentEntry, EMPTY_QUEUE, moveTo, nextIndex } from '$lib/queue';
import { messages } from '$lib/stores/messages.svelte';
import { player } from '$lib/stores/player.svelte';
import type { StartOptions } from './loader';
import { attemptPlay, createMediaElement, unlockPlayback } from './media-element';
import {
	isServerStream,
	needsStreamCheck,
	pingPausedTranscode,
	serverStreamSurvived,
	stopServerStream
} from './media-keepalive';
import { MediaStreamState, streamChangeOptions, type StreamChange } from './media-stream';
import type { CheckInReporter } from './reporter';
import { takeSnapshot } from './snapshot';

/** 'applied', or the reason an action changed nothing. */
export type ActionResult = 'applied' | { ignored: string };

export interface EngineContext {
	api(): MediaServerApi | null;
	userId(): string | null;
}

const PROGRESS_INTERVAL_MS = 10_000;
/** HTMLMediaElement.HAVE_METADATA, written out so the engine also runs without a DOM. */
const HAVE_METADATA = 1;
const NOTHING_LOADED: ActionResult = { ignored: 'nothing is loaded' };
const REPLACED: ActionResult = { ignored: 'replaced by a newer request' };
/** How long the notice about a skipped, failed item stays. */
const FAILURE_NOTICE_MS = 10_000;
/**
 * How long the display waits after a media event's check-in. Redrawing at once would take the
 * processor while the browser and the network still carry the check-in to the server.
 */
const DISPLAY_DELAY_MS = 10;

const log = createLogger('player');

/**
 * Owns the one media element: loads queue entries into it and turns its events into check-ins.
 * The Transport class contains the actions a person or a remote takes on it. Positions are item
 * positions: the element's time plus the offset of a transcode that starts later in the item.
 */
export class PlaybackEngine {
	readonly media: HTMLMediaElement;
	#context: EngineContext;
	#reporter: CheckInReporter;
	#stream: MediaStreamState;
	#generation = 0;
	#startReported = false;
	/** PlaylistItemId of the entry whose broken server stream was already restarted once. */
	#restartedEntry: string | null = null;
	/** When the element last paused (Date.now()), or null while it plays. */
	#pausedAt: number | null = null;
	#progressTimer: ReturnType<typeof setInterval> | undefined;

	/** `media` is for tests, which pass a stand-in for the element. */
	constructor(context: EngineContext, reporter: CheckInReporter, media?: HTMLMediaElement) {
		this.media = media ?? createMediaElement();
		this.#context = context;
		this.#reporter = reporter;
		this.#stream = new MediaStreamState(this.media, (message) => this.#onStreamError(message));
		this.#listen();
	}

	/** Loads the current queue entry and starts it at `startSeconds`. */
	async loadCurrent(startSeconds = 0, options: StartOptions = {}): Promise<ActionResult> {
		const entry = currentEntry(player.queue);
		const item = entry && player.items.get(entry.itemId);
		const api = this.#context.api();
		const userId = this.#context.userId();
		if (!entry || !item || !api || !userId) return { ignored: 'the queue is empty' };
		if (player.removedItemIds.has(item.Id.replaceAll('-', '').toLowerCase())) {
			return this.#skipRemoved(item.Name);
		}
		const generation = ++this.#generation;
		this.#finishLoaded(false);
		// Silence the old item while the new one resolves; its events are ignored from here on.
		this.media.pause();
		player.status = 'loading';
		player.error = null;
		player.positionSeconds = startSeconds;
		player.durationSeconds = ticksToSeconds(item.RunTimeTicks ?? 0);
		this.#restartedEntry = null;
		try {
			const loaded = await this.#stream.resolve(api, userId, entry, item, startSeconds, {
				maxStreamingBitrate: player.maxStreamingBitrate,
				...options
			});
			if (generation !== this.#generation) return REPLACED;
			player.loaded = loaded;
			this.#startReported = false;
			await this.#stream.open(loaded, startSeconds);
			if (generation !== this.#generation) return REPLACED;
			this.#startProgressTimer();
			if (options.startPaused) {
				player.status = 'paused';
				this.reportProgress('pause');
			} else {
				void this.play();
			}
			return 'applied';
		} catch (error) {
			if (generation !== this.#generation) return REPLACED;
			this.#showError(`Could not load "${item.Name}": ${(error as Error).message}`);
			return { ignored: (error as Error).message };
		}
	}

	/**
	 * Requests the PlaybackInfo of the item a Play is about to load, with the options `loadCurrent`
	 * will use, so it travels while the Play still fetches its items.
	 */
	requestPlaybackInfoEarly(itemId: string, startSeconds: number, options: StartOptions): void {
		const api = this.#context.api();
		const userId = this.#context.userId();
		if (!api || !userId) return;
		const withBitrate = { maxStreamingBitrate: player.maxStreamingBitrate, ...options };
		this.#stream.requestEarly(api, userId, itemId, startSeconds, withBitrate);
	}

	/**
	 * Replaces the loaded item's stream with a new one from the server, as for another audio
	 * stream, a burned-in subtitle, a seek outside a transcode, or a transcode the server ended.
	 * The item's play session goes on: no Stopped or Playing report, only a progress report.
	 */
	async changeStream(change: StreamChange): Promise<ActionResult> {
		const loaded = player.loaded;
		const api = this.#context.api();
		const userId = this.#context.userId();
		if (!loaded || !api || !userId) return NOTHING_LOADED;
		const generation = ++this.#generation;
		const statusBefore = player.status;
		player.status = 'loading';
		try {
			const options = streamChangeOptions(loaded, change, player.maxStreamingBitrate);
			const { entry, item } = loaded;
			const next = await this.#stream.resolve(api, userId, entry, item, change.atSeconds, options);
			if (generation !== this.#generation) return REPLACED;
			stopServerStream(api, player.loaded);
			player.loaded = next;
			await this.#stream.open(next, change.atSeconds);
			if (generation !== this.#generation) return REPLACED;
			this.#startProgressTimer();
			if (change.play) void this.play();
			else player.status = 'paused';
			this.reportProgress(change.eventName);
			return 'applied';
		} catch (error) {
			if (generation !== this.#generation) return REPLACED;
			const message = (error as Error).message;
			if (change.onFailure === 'fail') {
				this.#failCurrent(`Could not play "${loaded.item.Name}": ${message}`);
			} else {
				player.status = statusBefore;
				log.warn(`keeping the current stream: ${message}`);
			}
			return { ignored: message };
		}
	}

	/** Shows the text subtitle stream `index` (-1: none) of the current stream and reports it. */
	showSubtitle(index: number): ActionResult {
		const loaded = player.loaded;
		if (!loaded) return NOTHING_LOADED;
		player.loaded = { ...loaded, subtitleStreamIndex: index };
		this.#stream.showSubtitle(index);
		this.reportProgress('subtitletrackchange');
		return 'applied';
	}

	/** Ends playback, reports it and empties the queue. */
	stop(): ActionResult {
		if (!player.loaded && player.queue.entries.length === 0) return { ignored: 'nothing to stop' };
		this.#generation++;
		this.#finishLoaded(false);
		this.#unload();
		player.queue = EMPTY_QUEUE;
		player.status = 'idle';
		return 'applied';
	}

	/** Emby's SetSubtitleOffset: shows text subtitles `seconds` later (earlier when negative). */
	setSubtitleOffset(seconds: number): ActionResult {
		player.subtitleOffsetSeconds = seconds;
		this.#stream.setSubtitleDelay(seconds);
		this.reportProgress('subtitleoffsetchange');
		return 'applied';
	}

	/** Starts or resumes the loaded media. When the browser rejects it for want of a gesture, shows the tap prompt. */
	async play(): Promise<void> {
		const outcome = await attemptPlay(this.media);
		if (outcome === 'blocked' && player.loaded && this.media.paused) {
			log.info('play() was rejected because the page has no user gesture yet; waiting for a tap');
			player.status = 'blocked';
			this.reportProgress('pause');
		} else if (outcome === 'failed') {
			log.warn('play() failed', { itemId: player.loaded?.item.Id });
		}
	}

	/**
	 * Unpauses. A server stream paused for a while is checked first, and replaced by a new stream
	 * at the paused position when the server no longer has it.
	 */
	async resume(): Promise<void> {
		const loaded = player.loaded;
		const pausedMs = this.#pausedAt === null ? 0 : Date.now() - this.#pausedAt;
		const api = this.#context.api();
		// play() is called in this task when no check is due, so the element starts without delay.
		if (!needsStreamCheck(api, loaded, pausedMs) || (await serverStreamSurvived(api, loaded))) {
			await this.play();
			return;
		}
		if (player.loaded?.playSessionId !== loaded?.playSessionId) return;
		const atSeconds = this.positionSeconds();
		await this.changeStream({ atSeconds, play: true, eventName: 'unpause', onFailure: 'fail' });
	}

	/** Returns the current position in the item, in seconds. */
	positionSeconds(): number {
		return this.#stream.positionSeconds(player.loaded);
	}

	/**
	 * Seeks to item position `seconds`: now, or once the metadata is in when the element cannot
	 * seek yet. A transcode that does not reach there is replaced by one that starts there.
	 */
	seekElement(seconds: number): void {
		const loaded = player.loaded;
		if (this.media.readyState < HAVE_METADATA) {
			player.positionSeconds = seconds;
			this.#stream.pendingStartSeconds = seconds;
			this.reportProgress('timeupdate');
		} else if (loaded && this.#stream.needsNewStream(loaded, seconds)) {
			player.positionSeconds = seconds;
			const play = !this.media.paused;
			void this.changeStream({
				atSeconds: seconds,
				play,
				eventName: 'timeupdate',
				onFailure: 'fail'
			});
		} else {
			// The display follows at the element's timeupdate: drawing it now would hold up seeked.
			this.media.currentTime = seconds - (loaded?.offsetSeconds ?? 0);
		}
	}

	/** Starts a blocked item from a tap, which counts as the gesture the browser asked for. */
	async startFromGesture(): Promise<void> {
		player.unlocked = true;
		if (player.loaded) await this.play();
		else player.unlocked = await unlockPlayback(this.media);
	}

	/** Reports the final state of what is loaded (sign-out) and empties the player. */
	async shutdown(): Promise<void> {
		this.stop();
		await this.#reporter.flush();
	}

	/** Returns how many check-ins were made so far, so a command can tell whether one followed it. */
	reportCount(): number {
		return this.#reporter.made;
	}

	/** Sends a progress report, except before the start report of an item that is still loading. */
	reportProgress(eventName: CheckInEvent): void {
		if (!player.loaded) return;
		if (!this.#startReported && player.status === 'loading') return;
		this.#reporter.progress(this.#snapshot(), eventName);
	}

	#snapshot() {
		const shuffled = player.sortedOrder !== null;
		const snapshot = takeSnapshot(
			this.media,
			player.loaded!,
			player.queue,
			player.repeatMode,
			shuffled
		);
		// Until the metadata is in, the element reports 0; the position it is about to seek to is true.
		const pending = this.#stream.pendingStartSeconds;
		if (pending !== null) snapshot.positionSeconds = pending;
		return snapshot;
	}

	/** Moves past an entry whose item the server removed from the library. */
	#skipRemoved(name: string): Promise<ActionResult> | ActionResult {
		log.info(`skipping "${name}": it was removed from the library`);
		const index = nextIndex(player.queue, 'RepeatNone', 'skip');
		if (index === undefined) {
			this.#finishLoaded(false);
			this.#unload();
			player.status = 'idle';
			return { ignored: `"${name}" was removed from the library` };
		}
		player.queue = moveTo(player.queue, index);
		return this.loadCurrent(0);
	}

	/** Sends Stopped for what is loaded, if anything, and clears it. */
	#finishLoaded(failed: boolean): void {
		if (!player.loaded) return;
		this.#reporter.stopped(this.#snapshot(), failed);
		stopServerStream(this.#context.api(), player.loaded);
		player.loaded = null;
		clearInterval(this.#progressTimer);
	}

	#unload(): void {
		this.#stream.close();
		this.media.pause();
		this.media.removeAttribute('src');
		this.media.load();
		player.positionSeconds = 0;
		player.durationSeconds = 0;
	}

	#startProgressTimer(): void {
		clearInterval(this.#progressTimer);
		this.#progressTimer = setInterval(() => {
			if (player.status !== 'loading') this.reportProgress('timeupdate');
			pingPausedTranscode(this.#context.api(), player.loaded, this.media);
		}, PROGRESS_INTERVAL_MS);
	}

	#showError(message: string): void {
		log.warn(message);
		player.error = message;
		player.status = 'error';
	}

	#listen(): void {
		const media = this.media;
		media.addEventListener('playing', () => this.#onPlaying());
		media.addEventListener('pause', () => this.#onPause());
		media.addEventListener('seeked', () => {
			this.reportProgress('timeupdate');
			this.#showSoon(() => (player.positionSeconds = this.positionSeconds()));
		});
		media.addEventListener('volumechange', () => this.#onVolumeChange());
		media.addEventListener('ratechange', () => {
			player.playbackRate = media.playbackRate;
			this.reportProgress('playbackratechange');
		});
		media.addEventListener('timeupdate', () => (player.positionSeconds = this.positionSeconds()));
		media.addEventListener('durationchange', () => this.#onDurationChange());
		media.addEventListener('loadedmetadata', () => this.#onLoadedMetadata());
		media.addEventListener('ended', () => this.#onEnded());
		media.addEventListener('error', () => this.#onError());
	}

	/** Reports first and updates the display after, so the check-in leaves without waiting for it. */
	#onPlaying(): void {
		if (!player.loaded) return;
		if (this.#startReported) {
			this.reportProgress('unpause');
		} else {
			this.#startReported = true;
			this.#reporter.start(this.#snapshot());
		}
		this.#pausedAt = null;
		this.#showSoon(() => {
			player.status = 'playing';
			player.unlocked = true;
		});
	}

	#onPause(): void {
		if (!player.loaded || this.media.ended || player.status === 'blocked') return;
		this.#pausedAt = Date.now();
		this.reportProgress('pause');
		this.#showSoon(() => (player.status = 'paused'));
	}

	/**
	 * Applies a display change DISPLAY_DELAY_MS after a check-in, unless another item loads in the
	 * meantime. Changes keep their order, so a quick pause and play still show both states. On a
	 * hidden page, where nothing is drawn, and without a DOM it applies at once.
	 */
	#showSoon(update: () => void): void {
		if (typeof document === 'undefined' || document.hidden) {
			update();
			return;
		}
		const generation = this.#generation;
		setTimeout(() => {
			if (generation === this.#generation) update();
		}, DISPLAY_DELAY_MS);
	}

	#onVolumeChange(): void {
		player.volume = this.media.volume;
		player.muted = this.media.muted;
		this.reportProgress('volumechange');
	}

	#onDurationChange(): void {
		const offset = player.loaded?.offsetSeconds ?? 0;
		if (Number.isFinite(this.media.duration)) player.durationSeconds = offset + this.media.duration;
	}

	/** Works out where a server stream starts in the item, then seeks to the pending start. */
	#onLoadedMetadata(): void {
		const loaded = player.loaded;
		if (!loaded) return;
		const offsetSeconds = this.#stream.settle(loaded);
		if (offsetSeconds !== loaded.offsetSeconds) {
			player.loaded = { ...loaded, offsetSeconds };
			this.#onDurationChange();
		}
		const start = this.#stream.pendingStartSeconds;
		this.#stream.pendingStartSeconds = null;
		if (start !== null && start > offsetSeconds) this.media.currentTime = start - offsetSeconds;
	}

	#onEnded(): void {
		if (!player.loaded) return;
		this.#finishLoaded(false);
		const index = nextIndex(player.queue, player.repeatMode, 'ended');
		if (index === undefined) {
			player.status = 'idle';
			return;
		}
		player.queue = moveTo(player.queue, index);
		void this.loadCurrent(0);
	}

	#onError(): void {
		const reason = this.media.error?.message || `media error ${this.media.error?.code ?? ''}`;
		this.#onStreamError(reason);
	}

	/**
	 * Handles a stream that broke. A server stream that did start gets one new stream at the same
	 * position, because the server may have ended its transcode. Anything else fails the item.
	 */
	#onStreamError(reason: string): void {
		const loaded = player.loaded;
		if (!loaded) return;
		const entry = loaded.entry.playlistItemId;
		if (isServerStream(loaded) && this.#stream.started && this.#restartedEntry !== entry) {
			this.#restartedEntry = entry;
			log.warn(`the stream of "${loaded.item.Name}" broke (${reason}); asking for a new one`);
			const play = player.status === 'playing';
			const atSeconds = this.positionSeconds();
			void this.changeStream({ atSeconds, play, eventName: 'timeupdate', onFailure: 'fail' });
			return;
		}
		this.#failCurrent(`Could not play "${loaded.item.Name}": ${reason}`);
	}

	/**
	 * Reports the loaded item as failed, shows why and moves on to the next entry. The player
	 * shows the error until something else loads, so when it moves on a notice keeps it visible.
	 */
	#failCurrent(message: string): void {
		this.#finishLoaded(true);
		this.#stream.close();
		this.#showError(message);
		const index = nextIndex(player.queue, 'RepeatNone', 'skip');
		if (index === undefined) return;
		messages.show('Skipped an item that failed', message, FAILURE_NOTICE_MS);
		player.queue = moveTo(player.queue, index);
		void this.loadCurrent(0);
	}
}
