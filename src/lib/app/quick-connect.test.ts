import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { QuickConnectApi } from '$lib/api/quick-connect';
import type { AuthenticationResult, QuickConnectResult } from '$lib/protocol/schemas';
import {
	QUICK_CONNECT_EXPIRY_MS,
	QUICK_CONNECT_POLL_MS,
	QuickConnectFlow,
	type QuickConnectState
} from './quick-connect';

const timers = {
	now: () => Date.now(),
	setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
	clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

const AUTH: AuthenticationResult = {
	AccessToken: 'token-from-quick-connect',
	User: { Id: 'user-1', Name: 'alice' }
} as AuthenticationResult;

/** Builds a Quick Connect server whose approval the test controls. */
function fakeApi() {
	let approved = false;
	let known = true;
	const checks: string[] = [];
	const api: QuickConnectApi = {
		isEnabled: async () => true,
		initiate: async () =>
			({ Secret: 'secret-1', Code: '123456', Authenticated: false }) as QuickConnectResult,
		check: async (secret) => {
			checks.push(secret);
			if (!known) return 'expired';
			return { Secret: secret, Code: '123456', Authenticated: approved } as QuickConnectResult;
		},
		authenticate: vi.fn(async () => AUTH)
	};
	return {
		api,
		checks,
		approve: () => (approved = true),
		forget: () => (known = false)
	};
}

describe('QuickConnectFlow', () => {
	let states: QuickConnectState[];
	let signedIn: AuthenticationResult[];

	beforeEach(() => {
		vi.useFakeTimers();
		states = [];
		signedIn = [];
	});

	afterEach(() => vi.useRealTimers());

	function start(api: QuickConnectApi): QuickConnectFlow {
		const flow = new QuickConnectFlow(
			api,
			(state) => states.push(state),
			(result) => void signedIn.push(result),
			timers
		);
		void flow.start();
		return flow;
	}

	it('shows the code and polls every 5 s until approved', async () => {
		const server = fakeApi();
		start(server.api);
		await vi.advanceTimersByTimeAsync(0);
		expect(states.at(-1)).toEqual({ kind: 'waiting', code: '123456' });
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS * 3);
		expect(server.checks).toHaveLength(3);
		expect(signedIn).toEqual([]);
		server.approve();
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS);
		expect(signedIn).toEqual([AUTH]);
		expect(server.api.authenticate).toHaveBeenCalledWith('secret-1');
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS * 3);
		expect(server.checks).toHaveLength(4);
	});

	it('expires after ten minutes', async () => {
		const server = fakeApi();
		start(server.api);
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_EXPIRY_MS + QUICK_CONNECT_POLL_MS);
		expect(states.at(-1)).toEqual({ kind: 'expired' });
		const checksAtExpiry = server.checks.length;
		expect(checksAtExpiry).toBeLessThanOrEqual(QUICK_CONNECT_EXPIRY_MS / QUICK_CONNECT_POLL_MS);
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS * 5);
		expect(server.checks).toHaveLength(checksAtExpiry);
	});

	it('expires when the server forgets the secret', async () => {
		const server = fakeApi();
		start(server.api);
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS);
		server.forget();
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS);
		expect(states.at(-1)).toEqual({ kind: 'expired' });
	});

	it('stops polling when cancelled', async () => {
		const server = fakeApi();
		const flow = start(server.api);
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS);
		flow.cancel();
		await vi.advanceTimersByTimeAsync(QUICK_CONNECT_POLL_MS * 4);
		expect(server.checks).toHaveLength(1);
	});

	it('reports a failed start', async () => {
		const server = fakeApi();
		server.api.initiate = async () => {
			throw new Error('Quick connect is disabled');
		};
		start(server.api);
		await vi.advanceTimersByTimeAsync(0);
		expect(states.at(-1)).toMatchObject({ kind: 'failed' });
	});
});
