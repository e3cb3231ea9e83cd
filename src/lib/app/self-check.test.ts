import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SELF_CHECK_INTERVAL_MS, SessionSelfCheck } from './self-check';

/** A document stand-in whose visibility the test sets. */
class FakeDocument extends EventTarget {
	visibilityState: DocumentVisibilityState = 'visible';

	show(): void {
		this.visibilityState = 'visible';
		this.dispatchEvent(new Event('visibilitychange'));
	}
}

interface Harness {
	check: SessionSelfCheck;
	/** Results of successive GET /Sessions?deviceId lookups. The last one repeats. */
	answers: (boolean | undefined)[];
	lookups: number;
	posts: number;
	reconnects: number;
}

function createHarness(answers: (boolean | undefined)[]): Harness {
	const harness = { answers, lookups: 0, posts: 0, reconnects: 0 } as Harness;
	harness.check = new SessionSelfCheck({
		isControllable: async () => {
			const answer = harness.answers[Math.min(harness.lookups, harness.answers.length - 1)];
			harness.lookups++;
			return answer;
		},
		postCapabilities: async () => {
			harness.posts++;
		},
		reconnect: () => harness.reconnects++
	});
	return harness;
}

let fakeDocument: FakeDocument;

beforeEach(() => {
	vi.useFakeTimers();
	fakeDocument = new FakeDocument();
	vi.stubGlobal('document', fakeDocument);
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('SessionSelfCheck', () => {
	it('checks every few minutes and leaves a listed session alone', async () => {
		const harness = createHarness([true]);
		harness.check.start();
		await vi.advanceTimersByTimeAsync(SELF_CHECK_INTERVAL_MS * 3);
		expect(harness.lookups).toBe(3);
		expect(harness.posts).toBe(0);
		expect(harness.reconnects).toBe(0);
		harness.check.stop();
	});

	it('posts the capabilities again when that suffices', async () => {
		const harness = createHarness([false, true]);
		harness.check.start();
		await vi.advanceTimersByTimeAsync(SELF_CHECK_INTERVAL_MS);
		expect(harness.posts).toBe(1);
		expect(harness.reconnects).toBe(0);
		harness.check.stop();
	});

	it('reconnects when the session is still missing', async () => {
		const harness = createHarness([false, false]);
		harness.check.start();
		await vi.advanceTimersByTimeAsync(SELF_CHECK_INTERVAL_MS);
		expect(harness.posts).toBe(1);
		expect(harness.reconnects).toBe(1);
		harness.check.stop();
	});

	it('checks when the page becomes visible', async () => {
		const harness = createHarness([false, false]);
		harness.check.start();
		fakeDocument.show();
		await vi.advanceTimersByTimeAsync(0);
		expect(harness.reconnects).toBe(1);
		harness.check.stop();
	});

	it('repairs nothing when the lookup failed', async () => {
		const harness = createHarness([undefined]);
		harness.check.start();
		await vi.advanceTimersByTimeAsync(SELF_CHECK_INTERVAL_MS);
		expect(harness.lookups).toBe(1);
		expect(harness.posts).toBe(0);
		expect(harness.reconnects).toBe(0);
		harness.check.stop();
	});

	it('runs one check at a time', async () => {
		const harness = createHarness([false, false]);
		harness.check.start();
		await Promise.all([harness.check.check(), harness.check.check()]);
		expect(harness.posts).toBe(1);
		expect(harness.reconnects).toBe(1);
		harness.check.stop();
	});

	it('stops checking after stop', async () => {
		const harness = createHarness([false]);
		harness.check.start();
		harness.check.stop();
		fakeDocument.show();
		await vi.advanceTimersByTimeAsync(SELF_CHECK_INTERVAL_MS * 2);
		expect(harness.lookups).toBe(0);
	});
});
