import { describe, expect, it } from 'vitest';

import { RECONNECT_CAP_MS, RESTART_POLL_CAP_MS, reconnectDelay } from './reconnect-policy';

describe('reconnectDelay', () => {
	it('grows exponentially at the top of the jitter range', () => {
		const top = () => 1;
		expect(reconnectDelay(0, top)).toBe(1000);
		expect(reconnectDelay(1, top)).toBe(2000);
		expect(reconnectDelay(3, top)).toBe(8000);
	});

	it('never exceeds the cap', () => {
		for (let attempt = 0; attempt < 100; attempt++) {
			expect(reconnectDelay(attempt, () => 0.999)).toBeLessThanOrEqual(RECONNECT_CAP_MS);
		}
	});

	it('spreads delays with full jitter', () => {
		expect(reconnectDelay(4, () => 0.5)).toBe(8000);
		expect(reconnectDelay(4, () => 0)).toBe(100);
	});

	it('treats garbage attempt numbers as the first attempt', () => {
		expect(reconnectDelay(-5, () => 1)).toBe(1000);
		expect(reconnectDelay(Number.NaN, () => 1)).toBe(1000);
	});

	it('honours a lower cap for announced restarts', () => {
		for (let attempt = 0; attempt < 20; attempt++) {
			expect(reconnectDelay(attempt, () => 1, RESTART_POLL_CAP_MS)).toBeLessThanOrEqual(1000);
		}
	});
});
