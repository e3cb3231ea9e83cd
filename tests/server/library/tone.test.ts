import { describe, expect, it } from 'vitest';

import { renderWavBytes, wavByteLength, wavChunks, type ToneSpec } from './tone.ts';

const TONE: ToneSpec = { durationSeconds: 12, partials: [220, 330], tremoloHz: 0 };

function joined(start: number, end: number): Buffer {
	return Buffer.concat([...wavChunks(TONE, start, end)]);
}

describe('wavChunks', () => {
	it('yields the rendered bytes of any range', () => {
		const size = wavByteLength(TONE);
		const ranges = [
			[0, size],
			[40, 1001],
			[65_530, 65_550],
			[131_071, 262_145],
			[size - 3, size]
		];
		for (const [start, end] of ranges) {
			expect(joined(start!, end!).equals(renderWavBytes(TONE, start!, end!))).toBe(true);
		}
	});

	it('serves a repeated range from the cache unchanged', () => {
		const first = joined(1000, 200_000);
		const second = joined(1000, 200_000);
		expect(second.equals(first)).toBe(true);
		expect(second.length).toBe(199_000);
	});
});
