// The parts LinkScheduler works with: its actions, its clock and the states it reports.

export type TokenCheck = 'valid' | 'revoked' | 'unknown';

/** The way a socket attempt ended, which decides how soon the next one starts. */
export type SocketFailure = 'closed' | 'dead-link';

/** The event after which the link tries again at once instead of waiting for its timer. */
export type RetryReason = 'online' | 'visible' | 'pageshow' | 'user';

export interface LinkStatus {
	state: 'connecting' | 'connected' | 'reconnecting';
	/** When the next attempt or poll is due (ms since the epoch), or null when none is waiting. */
	nextAttemptAt: number | null;
	/** True after several handshakes failed while HTTP accepted the token. */
	socketRejected?: boolean;
}

export interface SchedulerActions {
	/** Opens a new socket, closing any earlier one. */
	connect(): void;
	checkToken(): Promise<TokenCheck>;
	/** Returns true when GET /System/Info/Public succeeds. */
	serverAnswers(): Promise<boolean>;
	tokenRevoked(): void;
	status(status: LinkStatus): void;
}

export interface SchedulerClock {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	random(): number;
}

export const browserClock: SchedulerClock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
	random: () => Math.random()
};
