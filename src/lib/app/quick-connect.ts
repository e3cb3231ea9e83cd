import type { QuickConnectApi } from '$lib/api/quick-connect';
import { createLogger } from '$lib/log';
import type { AuthenticationResult } from '$lib/protocol/schemas';

/** How often the code's state is asked for, as the official web client does. */
export const QUICK_CONNECT_POLL_MS = 5000;
/** A request expires this long after it started, on the server and here. */
export const QUICK_CONNECT_EXPIRY_MS = 10 * 60_000;

export type QuickConnectState =
	| { kind: 'starting' }
	| { kind: 'waiting'; code: string }
	| { kind: 'signing-in' }
	| { kind: 'expired' }
	| { kind: 'failed'; message: string };

export interface QuickConnectTimers {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realTimers: QuickConnectTimers = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

const log = createLogger('quick-connect');

/**
 * One Quick Connect attempt: gets a code, polls until a signed-in app approves it, then signs in.
 * It reports each state change, and gives up with 'expired' after ten minutes.
 */
export class QuickConnectFlow {
	#api: QuickConnectApi;
	#onState: (state: QuickConnectState) => void;
	#onSignedIn: (result: AuthenticationResult) => void | Promise<void>;
	#timers: QuickConnectTimers;
	#timer: unknown;
	#startedAt = 0;
	#active = false;

	constructor(
		api: QuickConnectApi,
		onState: (state: QuickConnectState) => void,
		onSignedIn: (result: AuthenticationResult) => void | Promise<void>,
		timers: QuickConnectTimers = realTimers
	) {
		this.#api = api;
		this.#onState = onState;
		this.#onSignedIn = onSignedIn;
		this.#timers = timers;
	}

	async start(): Promise<void> {
		this.cancel();
		this.#active = true;
		this.#onState({ kind: 'starting' });
		try {
			const request = await this.#api.initiate();
			if (!this.#active) return;
			this.#startedAt = this.#timers.now();
			this.#onState({ kind: 'waiting', code: request.Code ?? '' });
			this.#schedule(request.Secret);
		} catch (error) {
			this.#fail(`Quick Connect could not start: ${(error as Error).message}`);
		}
	}

	cancel(): void {
		this.#active = false;
		this.#timers.clearTimeout(this.#timer);
	}

	#schedule(secret: string): void {
		this.#timer = this.#timers.setTimeout(() => void this.#poll(secret), QUICK_CONNECT_POLL_MS);
	}

	async #poll(secret: string): Promise<void> {
		if (!this.#active) return;
		if (this.#timers.now() - this.#startedAt >= QUICK_CONNECT_EXPIRY_MS) return this.#expire();
		try {
			const state = await this.#api.check(secret);
			if (!this.#active) return;
			if (state === 'expired') return this.#expire();
			if (!state.Authenticated) return this.#schedule(secret);
			this.#onState({ kind: 'signing-in' });
			const result = await this.#api.authenticate(secret);
			this.#active = false;
			await this.#onSignedIn(result);
		} catch (error) {
			// A failed poll is retried: the server may be briefly unreachable while the code is valid.
			log.warn('checking the Quick Connect code failed; trying again', { error });
			if (this.#active) this.#schedule(secret);
		}
	}

	#expire(): void {
		this.cancel();
		this.#onState({ kind: 'expired' });
	}

	#fail(message: string): void {
		this.cancel();
		log.warn(message);
		this.#onState({ kind: 'failed', message });
	}
}
