import { describe, expect, test } from 'vitest';
import { secondsToTicks, TICKS_PER_SECOND, tickOffsetToSeconds, ticksToSeconds } from './ticks';

describe('ticksToSeconds', () => {
	test('one hour of ticks is exactly 3600 seconds', () => {
		expect(ticksToSeconds(36_000_000_000)).toBe(3600);
	});

	test('keeps sub-second precision', () => {
		expect(ticksToSeconds(15_694_430_000)).toBe(1569.443);
		expect(ticksToSeconds(10_000)).toBe(0.001);
	});

	test('garbage reads as zero', () => {
		for (const garbage of [Number.NaN, -1, -36_000_000_000, Infinity, -Infinity]) {
			expect(ticksToSeconds(garbage)).toBe(0);
		}
	});
});

describe('secondsToTicks', () => {
	test('3600 seconds is 36000000000 ticks', () => {
		expect(secondsToTicks(3600)).toBe(36_000_000_000);
	});

	test('rounds to a whole tick', () => {
		expect(secondsToTicks(0.1)).toBe(1_000_000);
		expect(secondsToTicks(1.00000005)).toBe(10_000_001);
		expect(secondsToTicks(1.00000004)).toBe(10_000_000);
		expect(Number.isInteger(secondsToTicks(123.456789123))).toBe(true);
	});

	test('garbage gives zero', () => {
		for (const garbage of [Number.NaN, -0.5, Infinity, -Infinity]) {
			expect(secondsToTicks(garbage)).toBe(0);
		}
	});

	test('round-trips through ticksToSeconds', () => {
		expect(ticksToSeconds(secondsToTicks(1569.443))).toBe(1569.443);
		expect(TICKS_PER_SECOND).toBe(10_000_000);
	});
});

describe('tickOffsetToSeconds', () => {
	test('keeps the sign of an offset', () => {
		expect(tickOffsetToSeconds(-150_000_000)).toBe(-15);
		expect(tickOffsetToSeconds(25_000_000)).toBe(2.5);
	});

	test('gives 0 for non-finite input', () => {
		expect(tickOffsetToSeconds(Number.NaN)).toBe(0);
		expect(tickOffsetToSeconds(Number.POSITIVE_INFINITY)).toBe(0);
	});
});
