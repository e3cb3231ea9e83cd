import type { MediaServerApi } from '$lib/api/media-server';
import { createLogger } from '$lib/log';
import { ticksToSeconds } from '$lib/protocol/ticks';
import { currentEntry, EMPTY_QUEUE, moveTo, nextIndex } from '$lib/queue';
import { player } from '$lib/stores/player.svelte';
import { resolveMedia, type StartOptions } from './loader';
import { attemptPlay, createMediaElement, unlockPlayback } from './media-element';
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

const log = createLogger('player');

/**
 * Owns the one media element: loads queue entries into it and turns its events into check-ins.
 * The Transport class contains the actions a person or a remote takes on it.
 */
export class PlaybackEngine {
	readonly media: HTMLMediaElement;
	#context: EngineContext;
	#reporter: CheckInReporter;
	#generation = 0;
	#startReported = false;
	#pendingStartSeconds: number | null = null;
	#progressTimer: ReturnType<typeof setInterval> | undefined;

	/** `media` is for tests, which pass a stand-in for the element. */
	constructor(context: EngineContext, reporter: CheckInReporter, media?: HTMLMediaElement) {
		this.media = media ?? createMediaElement();
		this.#context = context;
		this.#reporter = reporter;
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
		try {
			const loaded = await resolveMedia(api, userId, entry, item, startSeconds, {
				maxStreamingBitrate: player.maxStreamingBitrate,
				...options
			});
			if (generation !== this.#generation) return { ignored: 'replaced by a newer request' };
			player.loaded = loaded;
			this.#startReported = false;
			this.#pendingStartSeconds = startSeconds > 0 ? startSeconds : null;
			this.media.src = loaded.url;
			this.#startProgressTimer();
			if (options.startPaused) {
				player.status = 'paused';
				this.reportProgress('pause');
			} else {
				void this.play();
			}
			return 'applied';
		} catch (error) {
			if (generation !== this.#generation) return { ignored: 'replaced by a newer request' };
			this.#showError(`Could not load "${item.Name}": ${(error as Error).message}`);
			return { ignored: (error as Error).message };
		}
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

	/** Seeks now, or once the metadata is in when the element cannot seek yet. */
	seekElement(seconds: number): void {
		if (this.media.readyState < HAVE_METADATA) {
			this.#pendingStartSeconds = seconds;
			this.reportProgress('timeupdate');
		} else {
			this.media.currentTime = seconds;
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

	/** Sends a progress report, except before the start report of an item that is still loading. */
	reportProgress(eventName: string): void {
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
		if (this.#pendingStartSeconds !== null) snapshot.positionSeconds = this.#pendingStartSeconds;
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
		player.loaded = null;
		clearInterval(this.#progressTimer);
	}

	#unload(): void {
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
		media.addEventListener('seeked', () => this.reportProgress('timeupdate'));
		media.addEventListener('volumechange', () => this.#onVolumeChange());
		media.addEventListener('ratechange', () => {
			player.playbackRate = media.playbackRate;
			this.reportProgress('playbackratechange');
		});
		media.addEventListener('timeupdate', () => (player.positionSeconds = media.currentTime));
		media.addEventListener('durationchange', () => this.#onDurationChange());
		media.addEventListener('loadedmetadata', () => this.#applyPendingStart());
		media.addEventListener('ended', () => this.#onEnded());
		media.addEventListener('error', () => this.#onError());
	}

	#onPlaying(): void {
		if (!player.loaded) return;
		player.status = 'playing';
		player.unlocked = true;
		if (this.#startReported) {
			this.reportProgress('unpause');
			return;
		}
		this.#startReported = true;
		this.#reporter.start(this.#snapshot());
	}

	#onPause(): void {
		if (!player.loaded || this.media.ended || player.status === 'blocked') return;
		player.status = 'paused';
		this.reportProgress('pause');
	}

	#onVolumeChange(): void {
		player.volume = this.media.volume;
		player.muted = this.media.muted;
		this.reportProgress('volumechange');
	}

	#onDurationChange(): void {
		if (Number.isFinite(this.media.duration)) player.durationSeconds = this.media.duration;
	}

	#applyPendingStart(): void {
		const start = this.#pendingStartSeconds;
		this.#pendingStartSeconds = null;
		if (start !== null) this.media.currentTime = start;
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
		const loaded = player.loaded;
		if (!loaded) return;
		const reason = this.media.error?.message || `media error ${this.media.error?.code ?? ''}`;
		this.#finishLoaded(true);
		this.#showError(`Could not play "${loaded.item.Name}": ${reason}`);
		const index = nextIndex(player.queue, 'RepeatNone', 'skip');
		if (index === undefined) return;
		player.queue = moveTo(player.queue, index);
		void this.loadCurrent(0);
	}
}
