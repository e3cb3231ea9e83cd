import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { DEFAULT_KEEP_ALIVE_INTERVAL_MS, KeepAliveTimer } from './keep-alive';

const fakeClock = {
	now: () => Date.now(),
	setInterval: (callback: () => void, ms: number) => setInterval(callback, ms),
	clearInterval: (handle: unknown) => clearInterval(handle as ReturnType<typeof setInterval>)
};

describe('KeepAliveTimer', () => {
	let sent: number;
	let dead: number[];
	let timer: KeepAliveTimer;

	beforeEach(() => {
		vi.useFakeTimers();
		sent = 0;
		dead = [];
		timer = new KeepAliveTimer(
			() => sent++,
			(silentMs) => dead.push(silentMs),
			fakeClock
		);
	});

	afterEach(() => {
		timer.stop();
		vi.useRealTimers();
	});

	it('sends on its own every 30 s without ForceKeepAlive', () => {
		timer.start();
		expect(sent).toBe(0);
		vi.advanceTimersByTime(DEFAULT_KEEP_ALIVE_INTERVAL_MS);
		expect(sent).toBe(1);
		vi.advanceTimersByTime(DEFAULT_KEEP_ALIVE_INTERVAL_MS * 3);
		expect(sent).toBe(4);
	});

	it('answers ForceKeepAlive at once, then every half period', () => {
		timer.start();
		timer.serverPeriod(60);
		expect(sent).toBe(1);
		vi.advanceTimersByTime(29_999);
		expect(sent).toBe(1);
		vi.advanceTimersByTime(1);
		expect(sent).toBe(2);
	});

	it('follows a shorter server period', () => {
		timer.start();
		timer.serverPeriod(6);
		vi.advanceTimersByTime(9000);
		expect(sent).toBe(4);
		expect(timer.intervalMs).toBe(3000);
	});

	it('declares a silent link dead after two intervals', () => {
		timer.start();
		timer.serverPeriod(60);
		timer.frameReceived(true);
		vi.advanceTimersByTime(2 * 30_000 + 5000);
		expect(dead).toEqual([]);
		vi.advanceTimersByTime(1000);
		expect(dead).toHaveLength(1);
		expect(dead[0]).toBeGreaterThan(65_000);
	});

	it('stays alive while answers keep coming', () => {
		timer.start();
		timer.serverPeriod(6);
		timer.frameReceived(true);
		for (let second = 0; second < 600; second += 3) {
			vi.advanceTimersByTime(3000);
			timer.frameReceived(true);
		}
		expect(dead).toEqual([]);
	});

	it('never declares a server that does not answer dead', () => {
		timer.start();
		vi.advanceTimersByTime(2 * 60 * 60 * 1000);
		expect(dead).toEqual([]);
		expect(sent).toBe(240);
	});

	it('stops sending after stop', () => {
		timer.start();
		timer.stop();
		vi.advanceTimersByTime(DEFAULT_KEEP_ALIVE_INTERVAL_MS * 2);
		expect(sent).toBe(0);
	});
});
