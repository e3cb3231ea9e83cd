import { describe, expect, it } from 'vitest';

import { streamCovers, streamOffsetSeconds } from './media-position';

describe('streamOffsetSeconds', () => {
	it('is 0 from the start', () => {
		expect(streamOffsetSeconds(0, 12, 12)).toBe(0);
		expect(streamOffsetSeconds(0, 12, 6)).toBe(0);
	});

	it('is 0 for whole-item playlists', () => {
		expect(streamOffsetSeconds(7, 12, 12)).toBe(0);
		expect(streamOffsetSeconds(7, 12, 11.4)).toBe(0);
	});

	it('is the segment boundary when cut', () => {
		expect(streamOffsetSeconds(7, 12, 6)).toBe(6);
	});

	it('is the requested position otherwise', () => {
		expect(streamOffsetSeconds(7, 12, 5)).toBe(7);
		expect(streamOffsetSeconds(7, 12, 4)).toBe(7);
	});

	it('trusts the request without lengths', () => {
		expect(streamOffsetSeconds(7, 12, Number.POSITIVE_INFINITY)).toBe(7);
		expect(streamOffsetSeconds(7, 0, 6)).toBe(7);
		expect(streamOffsetSeconds(7, 12, Number.NaN)).toBe(7);
	});
});

describe('streamCovers', () => {
	it('covers offset to end', () => {
		expect(streamCovers(6, 6, 6)).toBe(true);
		expect(streamCovers(6, 6, 11.9)).toBe(true);
		expect(streamCovers(6, 6, 12)).toBe(true);
	});

	it('covers nothing outside', () => {
		expect(streamCovers(6, 6, 2)).toBe(false);
		expect(streamCovers(6, 6, 12.5)).toBe(false);
	});

	it('needs a known length', () => {
		expect(streamCovers(0, Number.NaN, 1)).toBe(false);
	});
});
