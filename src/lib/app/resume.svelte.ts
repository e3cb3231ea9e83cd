import { untrack } from 'svelte';

import type { MediaServerApi } from '$lib/api/media-server';
import { createLogger } from '$lib/log';
import type { PlaybackEngine } from '$lib/player/engine';
import type { CheckInReporter } from '$lib/player/reporter';
import type { Transport } from '$lib/player/transport';
import { ticksToSeconds } from '$lib/protocol/ticks';
import { currentEntry, removeEntries, type QueueState } from '$lib/queue';
import { player } from '$lib/stores/player.svelte';
import { session } from '$lib/stores/session.svelte';
import { tab } from '$lib/stores/tab.svelte';
import {
	buildResumeRecord,
	entriesMissingFrom,
	staleSessionSnapshot,
	withItems,
	type ResumeOwner,
	type ResumeRecord
} from './resume-record';
import { readRecordText, removeRecord, writeRecord } from './resume-storage';

export interface ResumeDeps {
	engine: PlaybackEngine;
	transport: Transport;
	reporter: CheckInReporter;
	api(): MediaServerApi | null;
}

/** While playing, the position is written at most this often. Other changes are written at once. */
const POSITION_SAVE_INTERVAL_MS = 5000;

const log = createLogger('resume');

/**
 * Keeps the queue, the current item and its position in localStorage, and brings them back after
 * a reload, a crash or a discarded tab. The restored item loads paused at the saved position and
 * waits for the Resume control or a remote command. The token is never part of the record.
 */
export class ResumeKeeper {
	/** The PlaySessionId of a restored item that waits for the Resume control, or null. */
	offer = $state<string | null>(null);
	#deps: ResumeDeps;
	#enabled = false;
	#pending: { record: ResumeRecord; queue: QueueState } | null = null;
	#stopReportedFor: string | null = null;
	#lastWrite = 0;
	#positionTimer: ReturnType<typeof setTimeout> | undefined;
	#restoring: Promise<void> = Promise.resolve();

	constructor(deps: ResumeDeps) {
		this.#deps = deps;
	}

	/** Starts saving the player's state when it changes. Call once per page. */
	start(): void {
		$effect.root(() => {
			$effect(() => {
				// Everything in the record except the position, which has its own, slower effect.
				void [player.queue, player.items, player.sortedOrder, player.repeatMode, player.status];
				void [player.loaded, player.volume, player.muted, tab.role, session.current];
				untrack(() => this.#save());
			});
			$effect(() => {
				void player.positionSeconds;
				untrack(() => this.#savePositionSoon());
			});
			$effect(() => {
				if (player.status === 'playing') untrack(() => (this.offer = null));
			});
		});
	}

	/**
	 * Puts this user's saved queue into an empty player, so the page shows it at once. Loading the
	 * item waits for `loadRestored`, which needs the server.
	 */
	restore(owner: ResumeOwner): Promise<void> {
		this.#restoring = this.#restore(owner).catch((error) =>
			log.warn('restoring the saved queue failed', { error })
		);
		return this.#restoring;
	}

	async #restore(owner: ResumeOwner): Promise<void> {
		if (player.queue.entries.length > 0 || player.loaded) {
			this.#enabled = true;
			return;
		}
		// Saving starts only once the record is read, or it would overwrite the record with the
		// empty player. The validation (zod) loads with the server code, not with the first screen.
		const text = readRecordText(owner);
		const { parseResumeRecord } = await import('./resume-parse');
		this.#enabled = true;
		if (player.queue.entries.length > 0 || player.loaded) return;
		const record = parseResumeRecord(text, owner, Date.now());
		if (!record) return;
		player.items = withItems(player.items, record.items);
		player.queue = record.queue;
		player.sortedOrder = record.sortedOrder;
		player.repeatMode = record.repeatMode;
		player.positionSeconds = record.positionSeconds;
		player.durationSeconds = ticksToSeconds(player.currentItem?.RunTimeTicks ?? 0);
		this.#deps.transport.setVolume(record.volume);
		this.#deps.transport.setMuted(record.muted);
		this.#pending = { record, queue: record.queue };
		log.info('restored the saved queue', {
			entries: record.queue.entries.length,
			itemId: player.current?.itemId,
			positionSeconds: record.positionSeconds
		});
	}

	/**
	 * Loads the restored item paused at its saved position, which reports it to the server with
	 * IsPaused true, after closing a play session that a crash left open. Does nothing once a
	 * remote command has replaced the restored queue.
	 */
	async loadRestored(): Promise<void> {
		await this.#restoring;
		const pending = this.#pending;
		if (!pending || !this.#isUntouched(pending.queue)) {
			this.#pending = null;
			return;
		}
		await this.#refreshItems(pending);
		if (this.#pending !== pending || !this.#isUntouched(pending.queue)) return;
		this.#pending = null;
		const entry = currentEntry(player.queue);
		if (!entry) return;
		const stale = staleSessionSnapshot(pending.record);
		if (stale) this.#deps.reporter.stopped(stale, false);
		const same = entry.playlistItemId === currentEntry(pending.record.queue)?.playlistItemId;
		const result = await this.#deps.engine.loadCurrent(same ? pending.record.positionSeconds : 0, {
			startPaused: true,
			mediaSourceId: same ? pending.record.mediaSourceId : undefined
		});
		if (result === 'applied') this.offer = player.loaded?.playSessionId ?? null;
	}

	/**
	 * Writes the state now with the exact position, for a page that is being hidden or closed.
	 * `stopReported` is true when a Stopped report for the loaded play session was just sent.
	 */
	saveNow(stopReported = false): void {
		if (stopReported && player.loaded) this.#stopReportedFor = player.loaded.playSessionId;
		this.#save();
	}

	/**
	 * Deletes the signed-in user's saved state, for a sign-out the person asked for, because what
	 * they played should not stay on a shared tablet. Other users' records stay.
	 */
	forget(): void {
		const owner = this.#owner();
		if (owner) removeRecord(owner);
		this.#pending = null;
		this.#enabled = false;
	}

	/** Returns the owner whose record may be written now. Only the active tab of a signed-in user writes. */
	#owner(): ResumeOwner | null {
		const signIn = session.current;
		if (!this.#enabled || tab.role !== 'active' || !signIn) return null;
		return { serverUrl: signIn.serverUrl, userId: signIn.userId };
	}

	#isUntouched(queue: QueueState): boolean {
		return player.queue === queue && !player.loaded && player.status === 'idle';
	}

	/** Replaces the slim saved items with the server's, and drops entries whose item is gone. */
	async #refreshItems(pending: { queue: QueueState }): Promise<void> {
		const api = this.#deps.api();
		const userId = session.current?.userId;
		if (!api || !userId) return;
		try {
			const ids = pending.queue.entries.map((entry) => entry.itemId);
			const fresh = await api.getItems(userId, ids);
			if (!this.#isUntouched(pending.queue)) return;
			player.items = withItems(player.items, fresh);
			const missing = entriesMissingFrom(pending.queue, fresh);
			if (missing.length === 0) return;
			log.info(`${missing.length} restored queue entries no longer exist on the server`);
			pending.queue = removeEntries(pending.queue, missing);
			player.queue = pending.queue;
		} catch (error) {
			log.warn('refreshing the restored items failed, so the saved copies stay', { error });
		}
	}

	#savePositionSoon(): void {
		if (this.#positionTimer !== undefined) return;
		const wait = Math.max(0, this.#lastWrite + POSITION_SAVE_INTERVAL_MS - Date.now());
		this.#positionTimer = setTimeout(() => this.#save(), wait);
	}

	#save(): void {
		clearTimeout(this.#positionTimer);
		this.#positionTimer = undefined;
		const owner = this.#owner();
		if (!owner) return;
		if (this.#pending) {
			// The restored state is stored already and stays until it loads or is replaced.
			if (player.queue === this.#pending.queue) return;
			this.#pending = null;
		}
		const record = player.status === 'idle' ? null : this.#buildRecord(owner);
		if (record) writeRecord(record);
		else removeRecord(owner);
		this.#lastWrite = Date.now();
	}

	#buildRecord(owner: ResumeOwner): ResumeRecord | null {
		const loaded = player.loaded;
		const current = player.current;
		const isCurrent = loaded !== null && loaded.entry.playlistItemId === current?.playlistItemId;
		return buildResumeRecord({
			...owner,
			savedAt: Date.now(),
			queue: player.queue,
			items: player.items,
			sortedOrder: player.sortedOrder,
			repeatMode: player.repeatMode,
			positionSeconds: player.positionSeconds,
			volume: player.volume,
			muted: player.muted,
			playSessionId: isCurrent ? loaded.playSessionId : undefined,
			mediaSourceId: isCurrent ? loaded.source.Id : undefined,
			stopReported: isCurrent && this.#stopReportedFor === loaded.playSessionId
		});
	}
}
