import {
	reconnectDelay,
	RECONNECT_CAP_MS,
	RESTART_POLL_CAP_MS,
	RESTART_POLL_WINDOW_MS
} from './reconnect-policy';
import {
	browserClock,
	type LinkStatus,
	type RetryReason,
	type SchedulerActions,
	type SchedulerClock,
	type SocketFailure
} from './link-types';

export type {
	LinkStatus,
	RetryReason,
	SchedulerActions,
	SchedulerClock,
	SocketFailure,
	TokenCheck
} from './link-types';

type Phase = 'stopped' | 'connecting' | 'connected' | 'waiting';

/**
 * Handshakes in a row that fail while HTTP accepts the token, before the status reports that the server
 * rejects the socket itself (a proxy without WebSocket support, or a server that ignores the
 * token parameter). One or two can be a server still starting.
 */
export const REJECTED_HANDSHAKES_BEFORE_WARNING = 3;

/**
 * Decides when the link opens its next socket, without touching the DOM or the network itself.
 * After a failure it checks the token, then waits with exponential backoff and full jitter
 * (capped at RECONNECT_CAP_MS) and never gives up until stopped. A dead link is reopened at once.
 * After a restart or shutdown notice it polls the server's public information instead, at most
 * RESTART_POLL_CAP_MS apart, and connects as soon as the server responds. `retryNow` skips any wait.
 */
export class LinkScheduler {
	#actions: SchedulerActions;
	#clock: SchedulerClock;
	#phase: Phase = 'stopped';
	#attempt = 0;
	#timer: unknown;
	/** Bumped whenever a pending timer or request must no longer act. */
	#generation = 0;
	#restartAnnouncedAt: number | null = null;
	#rejectedHandshakes = 0;

	constructor(actions: SchedulerActions, clock: SchedulerClock = browserClock) {
		this.#actions = actions;
		this.#clock = clock;
	}

	get isConnected(): boolean {
		return this.#phase === 'connected';
	}

	start(): void {
		if (this.#phase !== 'stopped') return;
		this.#attempt = 0;
		this.#connect('connecting');
	}

	stop(): void {
		this.#phase = 'stopped';
		this.#cancelPending();
	}

	/** Notes an open socket. The backoff only resets once `ready` confirms the setup worked. */
	opened(): void {
		if (this.#phase === 'stopped') return;
		this.#phase = 'connected';
		this.#restartAnnouncedAt = null;
		this.#rejectedHandshakes = 0;
		this.#report('connected', null);
	}

	/** Notes that the open socket is set up (capabilities posted), which resets the backoff. */
	ready(): void {
		if (this.#phase === 'connected') this.#attempt = 0;
	}

	/** Handles the end of a socket, or of an attempt to open one. */
	closed(failure: SocketFailure): void {
		if (this.#phase === 'stopped') return;
		const neverOpened = this.#phase === 'connecting';
		this.#cancelPending();
		if (this.#restartAnnounced()) {
			this.#schedulePoll();
		} else if (failure === 'dead-link') {
			// Only the path died, so the token needs no check and there is no reason to wait.
			this.#attempt = 0;
			this.#connect('reconnecting');
		} else {
			void this.#checkTokenThenWait(this.#generation, neverOpened);
		}
	}

	/** Notes a ServerRestarting or ServerShuttingDown notice, so the close that follows polls. */
	announceRestart(): void {
		this.#restartAnnouncedAt = this.#clock.now();
	}

	/**
	 * Tries at once with the backoff reset, unless a socket is open. An attempt in flight is only
	 * restarted for the Retry button, not for browser events.
	 */
	retryNow(reason: RetryReason): void {
		if (this.#phase === 'stopped' || this.#phase === 'connected') return;
		if (this.#phase === 'connecting' && reason !== 'user') return;
		this.#cancelPending();
		this.#attempt = 0;
		this.#connect('reconnecting');
	}

	/** Drops the current socket and opens a new one now, for the session self-check. */
	reconnect(): void {
		if (this.#phase === 'stopped') return;
		this.#cancelPending();
		this.#attempt = 0;
		this.#connect('reconnecting');
	}

	#connect(state: 'connecting' | 'reconnecting'): void {
		this.#phase = 'connecting';
		this.#report(state, null);
		this.#actions.connect();
	}

	async #checkTokenThenWait(generation: number, handshakeFailed = false): Promise<void> {
		this.#phase = 'waiting';
		this.#report('reconnecting', null);
		const token = await this.#actions.checkToken();
		if (generation !== this.#generation || this.#phase !== 'waiting') return;
		if (token === 'revoked') {
			this.stop();
			this.#actions.tokenRevoked();
			return;
		}
		if (token === 'valid' && handshakeFailed) this.#rejectedHandshakes++;
		const delay = reconnectDelay(this.#attempt++, this.#clock.random, RECONNECT_CAP_MS);
		this.#wait(delay, () => this.#connect('reconnecting'));
	}

	#schedulePoll(): void {
		const delay = reconnectDelay(this.#attempt++, this.#clock.random, RESTART_POLL_CAP_MS);
		this.#phase = 'waiting';
		this.#wait(delay, () => void this.#poll(this.#generation));
	}

	async #poll(generation: number): Promise<void> {
		const answers = await this.#actions.serverAnswers();
		if (generation !== this.#generation || this.#phase !== 'waiting') return;
		if (answers) {
			this.#restartAnnouncedAt = null;
			this.#connect('reconnecting');
		} else if (this.#restartAnnounced()) {
			this.#schedulePoll();
		} else {
			// The server took longer than a restart should, so fall back to the normal backoff.
			void this.#checkTokenThenWait(generation);
		}
	}

	#wait(delayMs: number, then: () => void): void {
		this.#phase = 'waiting';
		this.#report('reconnecting', this.#clock.now() + delayMs);
		this.#timer = this.#clock.setTimeout(then, delayMs);
	}

	#restartAnnounced(): boolean {
		const at = this.#restartAnnouncedAt;
		return at !== null && this.#clock.now() - at < RESTART_POLL_WINDOW_MS;
	}

	#cancelPending(): void {
		this.#generation++;
		this.#clock.clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#report(state: LinkStatus['state'], nextAttemptAt: number | null): void {
		const socketRejected =
			state === 'reconnecting' && this.#rejectedHandshakes >= REJECTED_HANDSHAKES_BEFORE_WARNING;
		this.#actions.status({ state, nextAttemptAt, socketRejected });
	}
}
