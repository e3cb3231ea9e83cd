import { describe, expect, it } from 'vitest';

import { controlsShown } from './controls-visibility';

describe('controlsShown', () => {
	it('hides the controls of an idle playing video', () => {
		expect(controlsShown({ idle: true, playing: true, focusInside: false })).toBe(false);
	});

	it('shows them after activity', () => {
		expect(controlsShown({ idle: false, playing: true, focusInside: false })).toBe(true);
	});

	it('shows them while paused, however idle', () => {
		expect(controlsShown({ idle: true, playing: false, focusInside: false })).toBe(true);
	});

	it('shows them while keyboard focus is on one', () => {
		expect(controlsShown({ idle: true, playing: true, focusInside: true })).toBe(true);
	});
});
