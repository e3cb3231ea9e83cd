import type { CheckInEvent } from '$lib/protocol/checkin-events';
import { createLogger } from '$lib/log';
import { buildProgressBody, buildStoppedBody, type PlaybackSnapshot } from '$lib/protocol/checkin';

export interface CheckInTransport {
	start(body: Record<string, unknown>): Promise<void>;
	progress(body: Record<string, unknown>): Promise<void>;
	stopped(body: Record<string, unknown>): Promise<void>;
	/** Sends a Stopped report with a request that outlives the page, without waiting for it. */
	stoppedOnExit?(body: Record<string, unknown>): void;
}

interface UndeliveredStop {
	snapshot: PlaybackSnapshot;
	body: Record<string, unknown>;
}

interface PendingProgress {
	snapshot: PlaybackSnapshot;
	eventName: CheckInEvent;
}

const log = createLogger('check-in');

/**
 * Reports that may wait their turn. Beyond it, a progress report joins the newest waiting one
 * whatever its event, so that a flood of commands (Pause, Unpause, Pause…) never builds a
 * backlog that keeps controllers seeing old states for seconds.
 */
const MAX_WAITING_REPORTS = 4;

/**
 * Returns whether a report joins the one waiting its turn. It does when both are of one play
 * session and at most one of them names an event other than timeupdate, so that Emby still gets
 * every distinct event, or when `backlog` reports wait already.
 */
function canMerge(
	waiting: PendingProgress,
	snapshot: PlaybackSnapshot,
	eventName: CheckInEvent,
	backlog: number
) {
	if (waiting.snapshot.playSessionId !== snapshot.playSessionId) return false;
	return (
		backlog >= MAX_WAITING_REPORTS ||
		eventName === 'timeupdate' ||
		waiting.eventName === 'timeupdate' ||
		waiting.eventName === eventName
	);
}

/** Stopped reports kept for delivery after a reconnect; older ones beyond this are dropped. */
const MAX_UNDELIVERED_STOPS = 20;

/**
 * Sends playback check-ins one at a time, in the order they were made, so that the Stopped report
 * of one item always reaches the server before the Playing report of the next. A report made
 * while none is on its way is sent at once, in the same task. A progress report that is still
 * waiting its turn is updated in place with the newest state, not queued twice.
 */
export class CheckInReporter {
	#transport: () => CheckInTransport | null;
	#chain: Promise<void> = Promise.resolve();
	/** Reports on their way or waiting their turn. */
	#unfinished = 0;
	#made = 0;
	#waitingProgress: PendingProgress | null = null;
	#undeliveredStops: UndeliveredStop[] = [];
	#exitReportedFor: string | null = null;

	constructor(transport: () => CheckInTransport | null) {
		this.#transport = transport;
	}

	/** How many reports were made so far, merged ones included. */
	get made(): number {
		return this.#made;
	}

	start(snapshot: PlaybackSnapshot): void {
		this.#made++;
		this.#enqueue('start', (transport) => transport.start(buildProgressBody(snapshot)), snapshot);
	}

	progress(snapshot: PlaybackSnapshot, eventName: CheckInEvent): void {
		this.#made++;
		const waiting = this.#waitingProgress;
		if (waiting && canMerge(waiting, snapshot, eventName, this.#unfinished - 1)) {
			waiting.snapshot = snapshot;
			// The newest snapshot carries the position, so a timeupdate keeps the event it joins.
			if (eventName !== 'timeupdate') waiting.eventName = eventName;
			return;
		}
		const pending: PendingProgress = { snapshot, eventName };
		this.#waitingProgress = pending;
		this.#enqueue(
			'progress',
			(transport) => {
				if (this.#waitingProgress === pending) this.#waitingProgress = null;
				return transport.progress(buildProgressBody(pending.snapshot, pending.eventName));
			},
			snapshot
		);
	}

	stopped(snapshot: PlaybackSnapshot, failed: boolean): void {
		this.#made++;
		const body = buildStoppedBody(snapshot, failed);
		this.#enqueue(
			'stopped',
			(transport) => transport.stopped(body),
			snapshot,
			() => {
				const kept = [...this.#undeliveredStops, { snapshot, body }];
				this.#undeliveredStops = kept.slice(-MAX_UNDELIVERED_STOPS);
			}
		);
	}

	/**
	 * Sends Stopped at once, ahead of the reports still waiting their turn, because those are
	 * cancelled when the page closes. Sends once per play session and returns whether it sent.
	 */
	stoppedOnExit(snapshot: PlaybackSnapshot): boolean {
		const transport = this.#transport();
		if (!transport?.stoppedOnExit || this.#exitReportedFor === snapshot.playSessionId) return false;
		this.#exitReportedFor = snapshot.playSessionId;
		transport.stoppedOnExit(buildStoppedBody(snapshot, false));
		return true;
	}

	/**
	 * Sends again the Stopped reports that failed, once the server is back, so that it does not
	 * show an item that ended while offline as still playing. Progress is never resent: the
	 * newest state replaces it.
	 */
	resendUndelivered(): void {
		const pending = this.#undeliveredStops;
		this.#undeliveredStops = [];
		for (const { snapshot, body } of pending) {
			this.#enqueue('stopped (resent)', (transport) => transport.stopped(body), snapshot);
		}
	}

	/** Resolves when every report made so far has been sent or has failed. */
	flush(): Promise<void> {
		return this.#chain;
	}

	#enqueue(
		kind: string,
		send: (transport: CheckInTransport) => Promise<void>,
		snapshot: PlaybackSnapshot,
		onFailure?: () => void
	): void {
		const run = async () => {
			const transport = this.#transport();
			if (!transport) return;
			try {
				await send(transport);
			} catch (error) {
				log.warn(`${kind} check-in failed`, { itemId: snapshot.itemId, error });
				onFailure?.();
			}
		};
		const idle = this.#unfinished === 0;
		this.#unfinished++;
		const turn = idle ? run() : this.#chain.then(run);
		this.#chain = turn.finally(() => this.#unfinished--);
	}
}
