import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
	LinkScheduler,
	REJECTED_HANDSHAKES_BEFORE_WARNING,
	type LinkStatus,
	type SchedulerClock,
	type TokenCheck
} from './link-scheduler';
import { RECONNECT_CAP_MS, RESTART_POLL_CAP_MS, RESTART_POLL_WINDOW_MS } from './reconnect-policy';

interface Harness {
	scheduler: LinkScheduler;
	connects: number;
	tokenChecks: number;
	polls: number;
	revoked: number;
	statuses: LinkStatus[];
	tokenResult: TokenCheck;
	serverUp: boolean;
}

/** Builds a scheduler on fake timers. With `random` 1, every delay is the top of its range. */
function createHarness(random = 1): Harness {
	const clock: SchedulerClock = {
		now: () => Date.now(),
		setTimeout: (callback, ms) => setTimeout(callback, ms),
		clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
		random: () => random
	};
	const harness = {
		connects: 0,
		tokenChecks: 0,
		polls: 0,
		revoked: 0,
		statuses: [] as LinkStatus[],
		tokenResult: 'unknown' as TokenCheck,
		serverUp: false
	} as Harness;
	harness.scheduler = new LinkScheduler(
		{
			connect: () => harness.connects++,
			checkToken: async () => {
				harness.tokenChecks++;
				return harness.tokenResult;
			},
			serverAnswers: async () => {
				harness.polls++;
				return harness.serverUp;
			},
			tokenRevoked: () => harness.revoked++,
			status: (status) => harness.statuses.push(status)
		},
		clock
	);
	return harness;
}

/** Fails the current attempt and lets the token check settle. */
async function fail(harness: Harness, failure: 'closed' | 'dead-link' = 'closed'): Promise<void> {
	harness.scheduler.closed(failure);
	await vi.advanceTimersByTimeAsync(0);
}

function lastStatus(harness: Harness): LinkStatus {
	return harness.statuses.at(-1)!;
}

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('LinkScheduler backoff', () => {
	it('connects at once on start', () => {
		const harness = createHarness();
		harness.scheduler.start();
		expect(harness.connects).toBe(1);
		expect(lastStatus(harness)).toEqual({
			state: 'connecting',
			nextAttemptAt: null,
			socketRejected: false
		});
	});

	it('checks the token before each retry', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		await fail(harness);
		expect(harness.tokenChecks).toBe(1);
		expect(harness.connects).toBe(1);
		await vi.advanceTimersByTimeAsync(999);
		expect(harness.connects).toBe(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(harness.connects).toBe(2);
	});

	it('doubles the wait up to the cap', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		const waits: number[] = [];
		for (let attempt = 0; attempt < 8; attempt++) {
			await fail(harness);
			waits.push(lastStatus(harness).nextAttemptAt! - Date.now());
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
	});

	it('never gives up while signed in', async () => {
		const harness = createHarness(0.5);
		harness.scheduler.start();
		for (let attempt = 0; attempt < 200; attempt++) {
			await fail(harness);
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		expect(harness.connects).toBe(201);
		expect(lastStatus(harness).state).toBe('reconnecting');
	});

	it('resets the backoff after a successful open', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		for (let attempt = 0; attempt < 4; attempt++) {
			await fail(harness);
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		harness.scheduler.opened();
		harness.scheduler.ready();
		await fail(harness);
		expect(lastStatus(harness).nextAttemptAt! - Date.now()).toBe(1000);
	});

	it('keeps the backoff when the setup fails', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		const waits: number[] = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			await fail(harness);
			waits.push(lastStatus(harness).nextAttemptAt! - Date.now());
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
			harness.scheduler.opened();
		}
		expect(waits).toEqual([1000, 2000, 4000, 8000]);
	});

	it('stops for good on a revoked token', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.tokenResult = 'revoked';
		await fail(harness);
		expect(harness.revoked).toBe(1);
		await vi.advanceTimersByTimeAsync(10 * RECONNECT_CAP_MS);
		expect(harness.connects).toBe(1);
	});

	it('reopens a dead link at once without a token check', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.scheduler.opened();
		await fail(harness, 'dead-link');
		expect(harness.connects).toBe(2);
		expect(harness.tokenChecks).toBe(0);
	});
});

describe('LinkScheduler after a restart notice', () => {
	it('polls at the short cap until the server responds', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.scheduler.opened();
		harness.scheduler.announceRestart();
		await fail(harness);
		expect(harness.tokenChecks).toBe(0);
		for (let poll = 0; poll < 20; poll++) {
			expect(lastStatus(harness).nextAttemptAt! - Date.now()).toBeLessThanOrEqual(
				RESTART_POLL_CAP_MS
			);
			await vi.advanceTimersByTimeAsync(RESTART_POLL_CAP_MS);
		}
		expect(harness.polls).toBe(20);
		expect(harness.connects).toBe(1);
		harness.serverUp = true;
		await vi.advanceTimersByTimeAsync(RESTART_POLL_CAP_MS);
		expect(harness.connects).toBe(2);
	});

	it('falls back to backoff after the poll window', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.scheduler.announceRestart();
		await fail(harness);
		await vi.advanceTimersByTimeAsync(RESTART_POLL_WINDOW_MS + RESTART_POLL_CAP_MS);
		expect(harness.tokenChecks).toBe(1);
		const polls = harness.polls;
		await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		expect(harness.polls).toBe(polls);
		expect(harness.connects).toBe(2);
	});

	it('forgets the notice once a socket opens', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.scheduler.announceRestart();
		harness.scheduler.opened();
		await fail(harness);
		expect(harness.tokenChecks).toBe(1);
		expect(harness.polls).toBe(0);
	});
});

describe('LinkScheduler retry triggers', () => {
	it('retries at once on online with the backoff reset', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		for (let attempt = 0; attempt < 6; attempt++) {
			await fail(harness);
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		await fail(harness);
		const connects = harness.connects;
		harness.scheduler.retryNow('online');
		expect(harness.connects).toBe(connects + 1);
		await fail(harness);
		expect(lastStatus(harness).nextAttemptAt! - Date.now()).toBe(1000);
		// The timer of the attempt that retryNow replaced does not fire a second connect.
		await vi.advanceTimersByTimeAsync(1000);
		expect(harness.connects).toBe(connects + 2);
	});

	it('ignores triggers while connected', () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.scheduler.opened();
		harness.scheduler.retryNow('visible');
		harness.scheduler.retryNow('user');
		expect(harness.connects).toBe(1);
	});

	it('lets only the button restart an attempt in flight', () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.scheduler.retryNow('pageshow');
		expect(harness.connects).toBe(1);
		harness.scheduler.retryNow('user');
		expect(harness.connects).toBe(2);
	});

	it('ignores a stale token check result', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		harness.tokenResult = 'revoked';
		harness.scheduler.closed('closed');
		harness.scheduler.retryNow('visible');
		await vi.advanceTimersByTimeAsync(0);
		expect(harness.revoked).toBe(0);
		expect(harness.connects).toBe(2);
	});

	it('does nothing after stop', async () => {
		const harness = createHarness();
		harness.scheduler.start();
		await fail(harness);
		harness.scheduler.stop();
		harness.scheduler.retryNow('online');
		await vi.advanceTimersByTimeAsync(10 * RECONNECT_CAP_MS);
		expect(harness.connects).toBe(1);
	});
});

describe('LinkScheduler with a rejected socket', () => {
	it('flags handshakes that fail while the token is valid', async () => {
		const harness = createHarness();
		harness.tokenResult = 'valid';
		harness.scheduler.start();
		for (let attempt = 1; attempt < REJECTED_HANDSHAKES_BEFORE_WARNING; attempt++) {
			await fail(harness);
			expect(lastStatus(harness).socketRejected).toBe(false);
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		await fail(harness);
		expect(lastStatus(harness).socketRejected).toBe(true);
		expect(lastStatus(harness).state).toBe('reconnecting');
	});

	it('clears the flag once a socket opens', async () => {
		const harness = createHarness();
		harness.tokenResult = 'valid';
		harness.scheduler.start();
		for (let attempt = 0; attempt < REJECTED_HANDSHAKES_BEFORE_WARNING; attempt++) {
			await fail(harness);
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		harness.scheduler.opened();
		expect(lastStatus(harness).socketRejected).toBe(false);
	});

	it('does not blame the socket when the server is unreachable', async () => {
		const harness = createHarness();
		harness.tokenResult = 'unknown';
		harness.scheduler.start();
		for (let attempt = 0; attempt < 2 * REJECTED_HANDSHAKES_BEFORE_WARNING; attempt++) {
			await fail(harness);
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		expect(harness.statuses.some((status) => status.socketRejected)).toBe(false);
	});

	it('does not count sockets that opened and closed later', async () => {
		const harness = createHarness();
		harness.tokenResult = 'valid';
		harness.scheduler.start();
		for (let attempt = 0; attempt < 2 * REJECTED_HANDSHAKES_BEFORE_WARNING; attempt++) {
			harness.scheduler.opened();
			await fail(harness);
			await vi.advanceTimersByTimeAsync(RECONNECT_CAP_MS);
		}
		expect(harness.statuses.some((status) => status.socketRejected)).toBe(false);
	});
});
