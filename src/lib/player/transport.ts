import type { RepeatMode } from '$lib/protocol/checkin';
import { ticksToSeconds } from '$lib/protocol/ticks';
import { moveTo, nextIndex, previousIndex } from '$lib/queue';
import { shuffleQueue, unshuffleQueue } from '$lib/queue-shuffle';
import { player } from '$lib/stores/player.svelte';
import type { ActionResult, PlaybackEngine } from './engine';
import { selectAudioStream, selectSubtitleStream } from './media-tracks';

/** PreviousTrack restarts the current item instead when it is further in than this. */
const RESTART_THRESHOLD_SECONDS = 3;
const NOTHING_LOADED: ActionResult = { ignored: 'nothing is loaded' };

/**
 * The actions on the player, the same for Cue's own buttons and for remote commands, so a local
 * action is reported exactly like a remote one.
 */
export class Transport {
	#engine: PlaybackEngine;

	constructor(engine: PlaybackEngine) {
		this.#engine = engine;
	}

	get #media(): HTMLMediaElement {
		return this.#engine.media;
	}

	pause(): ActionResult {
		if (!player.loaded) return NOTHING_LOADED;
		if (player.status === 'blocked') {
			player.status = 'paused';
			this.#engine.reportProgress('pause');
		}
		if (!this.#media.paused) this.#media.pause();
		return 'applied';
	}

	unpause(): ActionResult {
		if (!player.loaded) return NOTHING_LOADED;
		if (this.#media.paused) void this.#engine.resume();
		return 'applied';
	}

	togglePlay(): ActionResult {
		return this.#media.paused ? this.unpause() : this.pause();
	}

	next(): ActionResult {
		const index = nextIndex(player.queue, player.repeatMode, 'skip');
		if (index === undefined) return { ignored: 'already at the end of the queue' };
		return this.jumpTo(index);
	}

	previous(): ActionResult {
		if (player.loaded && this.#engine.positionSeconds() > RESTART_THRESHOLD_SECONDS) {
			return this.seek(0);
		}
		const index = previousIndex(player.queue, player.repeatMode);
		if (index === undefined) return player.loaded ? this.seek(0) : NOTHING_LOADED;
		return this.jumpTo(index);
	}

	jumpTo(index: number): ActionResult {
		if (index < 0 || index >= player.queue.entries.length)
			return { ignored: 'no such queue entry' };
		player.queue = moveTo(player.queue, index);
		void this.#engine.loadCurrent(0);
		return 'applied';
	}

	/** Seeks to item position `seconds`, clamped to the item's length. */
	seek(seconds: number): ActionResult {
		if (!player.loaded) return NOTHING_LOADED;
		const offset = player.loaded.offsetSeconds;
		const length = Number.isFinite(this.#media.duration)
			? offset + this.#media.duration
			: ticksToSeconds(player.loaded.item.RunTimeTicks ?? 0);
		const target = Math.min(Math.max(0, seconds), length > 0 ? length : Infinity);
		this.#engine.seekElement(target);
		return 'applied';
	}

	seekBy(deltaSeconds: number): ActionResult {
		if (!player.loaded) return NOTHING_LOADED;
		return this.seek(this.#engine.positionSeconds() + deltaSeconds);
	}

	setVolume(volume: number): ActionResult {
		this.#media.volume = Math.min(1, Math.max(0, volume));
		return 'applied';
	}

	setMuted(muted: boolean): ActionResult {
		this.#media.muted = muted;
		return 'applied';
	}

	stop(): ActionResult {
		return this.#engine.stop();
	}

	/** Shuffles the rest of the queue around the current entry, or restores the original order. */
	setShuffle(shuffle: boolean): ActionResult {
		if (shuffle) {
			const result = shuffleQueue(player.queue);
			player.queue = result.queue;
			player.sortedOrder = player.sortedOrder ?? result.sortedOrder;
		} else if (player.sortedOrder) {
			player.queue = unshuffleQueue(player.queue, player.sortedOrder);
			player.sortedOrder = null;
		}
		this.#engine.reportProgress('shufflequeuemodechange');
		return 'applied';
	}

	setRepeatMode(mode: RepeatMode): ActionResult {
		player.repeatMode = mode;
		this.#engine.reportProgress('repeatmodechange');
		return 'applied';
	}

	/** Plays the audio stream with this `Index`; a file's other audio streams come from the server. */
	selectAudioStream(index: number): Promise<ActionResult> | ActionResult {
		return selectAudioStream(this.#engine, index);
	}

	/** Shows the subtitle stream with this `Index`, or none for -1. */
	selectSubtitleStream(index: number): Promise<ActionResult> | ActionResult {
		return selectSubtitleStream(this.#engine, index);
	}

	/** Sets the speed; `defaultPlaybackRate` too, because loading the next item resets to it. */
	setPlaybackRate(rate: number): ActionResult {
		this.#media.defaultPlaybackRate = rate;
		this.#media.playbackRate = rate;
		return 'applied';
	}
}
