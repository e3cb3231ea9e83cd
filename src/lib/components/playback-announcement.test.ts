import { describe, expect, it } from 'vitest';

import { describePlayback } from './playback-announcement';

describe('describePlayback', () => {
	it('names the item that plays', () => {
		expect(describePlayback('playing', 'First Light', null)).toBe('Playing First Light');
		expect(describePlayback('loading', 'First Light', null)).toBe('Loading First Light');
	});

	it('offers Resume for a restored item', () => {
		expect(describePlayback('paused', 'First Light', 70)).toBe(
			'First Light is paused at 1:10. Choose Resume to continue.'
		);
		expect(describePlayback('paused', 'First Light', null)).toBe('Paused First Light');
	});

	it('asks for a tap when the browser blocked playback', () => {
		expect(describePlayback('blocked', 'First Light', null)).toBe(
			'First Light is ready. Tap to start playback.'
		);
	});

	it('leaves errors to their alert', () => {
		expect(describePlayback('error', 'First Light', null)).toBe('');
	});

	it('describes an empty player', () => {
		expect(describePlayback('idle', undefined, null)).toBe('Nothing playing');
		expect(describePlayback('idle', 'First Light', null)).toBe('Stopped');
	});
});
