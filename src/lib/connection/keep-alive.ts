/** Cue's own keep-alive cadence when the server requests none (Emby sends no ForceKeepAlive). */
export const DEFAULT_KEEP_ALIVE_INTERVAL_MS = 30_000;
/** Extra time past two keep-alive intervals before a silent link counts as dead. */
const DEAD_LINK_GRACE_MS = 5000;

export interface KeepAliveClock {
	now(): number;
	setInterval(callback: () => void, ms: number): unknown;
	clearInterval(handle: unknown): void;
}

const realClock: KeepAliveClock = {
	now: () => Date.now(),
	setInterval: (callback, ms) => setInterval(callback, ms),
	clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>)
};

/**
 * Sends KeepAlive on a timer and watches for a dead link. A browser cannot see ping frames, and a
 * half-open socket stays OPEN, so the only sign of life is a frame from the server. The server
 * replies to every KeepAlive, so once one reply has been seen, a link silent for two intervals
 * (plus a grace period) is dead. Before the first reply, silence proves nothing: some servers
 * never reply, and closing their sockets every minute would make the session flap.
 */
export class KeepAliveTimer {
	#send: () => void;
	#onDead: (silentMs: number) => void;
	#clock: KeepAliveClock;
	#intervalMs = DEFAULT_KEEP_ALIVE_INTERVAL_MS;
	#sendTimer: unknown;
	#watchTimer: unknown;
	#lastFrameAt = 0;
	#replySeen = false;

	constructor(send: () => void, onDead: (silentMs: number) => void, clock = realClock) {
		this.#send = send;
		this.#onDead = onDead;
		this.#clock = clock;
	}

	get intervalMs(): number {
		return this.#intervalMs;
	}

	/** Starts Cue's own cadence and the watchdog when the socket opens. */
	start(): void {
		this.#lastFrameAt = this.#clock.now();
		this.#restartSending(DEFAULT_KEEP_ALIVE_INTERVAL_MS, false);
		this.#clock.clearInterval(this.#watchTimer);
		this.#watchTimer = this.#clock.setInterval(() => this.#checkAlive(), 1000);
	}

	/** ForceKeepAlive: replies at once, then every half of the server's period. */
	serverPeriod(seconds: number): void {
		this.#restartSending((seconds * 1000) / 2, true);
	}

	/** Records a frame from the server; `isKeepAliveReply` for the server's KeepAlive. */
	frameReceived(isKeepAliveReply: boolean): void {
		this.#lastFrameAt = this.#clock.now();
		if (isKeepAliveReply) this.#replySeen = true;
	}

	stop(): void {
		this.#clock.clearInterval(this.#sendTimer);
		this.#clock.clearInterval(this.#watchTimer);
		this.#sendTimer = this.#watchTimer = undefined;
	}

	#restartSending(intervalMs: number, sendNow: boolean): void {
		this.#intervalMs = Math.max(1000, Math.min(DEFAULT_KEEP_ALIVE_INTERVAL_MS, intervalMs));
		this.#clock.clearInterval(this.#sendTimer);
		if (sendNow) this.#send();
		this.#sendTimer = this.#clock.setInterval(() => this.#send(), this.#intervalMs);
	}

	#checkAlive(): void {
		if (!this.#replySeen) return;
		const silentMs = this.#clock.now() - this.#lastFrameAt;
		if (silentMs > 2 * this.#intervalMs + DEAD_LINK_GRACE_MS) {
			this.stop();
			this.#onDead(silentMs);
		}
	}
}
