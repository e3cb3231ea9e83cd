import { describe, expect, it } from 'vitest';

import { FAST_FORWARD_SECONDS, REWIND_SECONDS } from '$lib/player/skip-steps';
import { runShortcut, type ShortcutTarget } from './keyboard-actions';
import { shortcutFor, steppedVolume, type KeyPress } from './keyboard';

function press(key: string, overrides: Partial<KeyPress> = {}): KeyPress {
	return {
		key,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		target: { tagName: 'BODY' },
		...overrides
	};
}

describe('shortcutFor', () => {
	it.each([
		[' ', { action: 'toggle-play' }],
		['ArrowLeft', { action: 'seek-by', seconds: -REWIND_SECONDS }],
		['ArrowRight', { action: 'seek-by', seconds: FAST_FORWARD_SECONDS }],
		['ArrowUp', { action: 'volume-by', step: 0.05 }],
		['ArrowDown', { action: 'volume-by', step: -0.05 }],
		['m', { action: 'toggle-mute' }],
		['M', { action: 'toggle-mute' }],
		['f', { action: 'toggle-fullscreen' }],
		['n', { action: 'next' }],
		['p', { action: 'previous' }]
	])('maps %j', (key, shortcut) => {
		expect(shortcutFor(press(key))).toEqual(shortcut);
	});

	it('ignores keys without a shortcut', () => {
		expect(shortcutFor(press('x'))).toBeNull();
		expect(shortcutFor(press('Enter'))).toBeNull();
	});

	it.each(['INPUT', 'SELECT', 'TEXTAREA', 'input'])('ignores every key in %s', (tagName) => {
		for (const key of [' ', 'ArrowLeft', 'm', 'n']) {
			expect(shortcutFor(press(key, { target: { tagName } }))).toBeNull();
		}
	});

	it('ignores keys in contenteditable elements', () => {
		const target = { tagName: 'DIV', isContentEditable: true };
		expect(shortcutFor(press('n', { target }))).toBeNull();
	});

	it('leaves Space to a focused button or link', () => {
		expect(shortcutFor(press(' ', { target: { tagName: 'BUTTON' } }))).toBeNull();
		expect(shortcutFor(press(' ', { target: { tagName: 'A' } }))).toBeNull();
		expect(shortcutFor(press('n', { target: { tagName: 'BUTTON' } }))).toEqual({
			action: 'next'
		});
	});

	it.each(['ctrlKey', 'metaKey', 'altKey'] as const)(
		'leaves keys with %s to the browser',
		(key) => {
			expect(shortcutFor(press('f', { [key]: true }))).toBeNull();
		}
	);

	it('accepts an event without an element target', () => {
		expect(shortcutFor(press('m', { target: null }))).toEqual({ action: 'toggle-mute' });
	});
});

describe('steppedVolume', () => {
	it('adds whole percent steps without drift', () => {
		let volume = 0.5;
		for (let step = 0; step < 3; step++) volume = steppedVolume(volume, 0.05);
		expect(volume).toBe(0.65);
	});

	it('clamps to 0..1', () => {
		expect(steppedVolume(0.98, 0.05)).toBe(1);
		expect(steppedVolume(0.02, -0.05)).toBe(0);
	});
});

describe('runShortcut', () => {
	function target(volume = 0.5, muted = false) {
		const calls: string[] = [];
		const record = (name: string) => (value?: unknown) => {
			calls.push(value === undefined ? name : `${name} ${value}`);
			return 'applied' as const;
		};
		const shortcutTarget: ShortcutTarget = {
			transport: {
				togglePlay: record('togglePlay'),
				seekBy: record('seekBy'),
				setVolume: record('setVolume'),
				setMuted: record('setMuted'),
				next: record('next'),
				previous: record('previous')
			},
			volume: () => volume,
			muted: () => muted,
			toggleFullscreen: () => void calls.push('toggleFullscreen')
		};
		return { calls, shortcutTarget };
	}

	it('sends each action through the transport', () => {
		const { calls, shortcutTarget } = target();
		runShortcut({ action: 'toggle-play' }, shortcutTarget);
		runShortcut({ action: 'seek-by', seconds: -10 }, shortcutTarget);
		runShortcut({ action: 'toggle-mute' }, shortcutTarget);
		runShortcut({ action: 'next' }, shortcutTarget);
		runShortcut({ action: 'previous' }, shortcutTarget);
		runShortcut({ action: 'toggle-fullscreen' }, shortcutTarget);
		expect(calls).toEqual([
			'togglePlay',
			'seekBy -10',
			'setMuted true',
			'next',
			'previous',
			'toggleFullscreen'
		]);
	});

	it('steps the volume from the current one', () => {
		const { calls, shortcutTarget } = target(0.5);
		runShortcut({ action: 'volume-by', step: -0.05 }, shortcutTarget);
		expect(calls).toEqual(['setVolume 0.45']);
	});

	it('unmutes when raising the volume of a muted player', () => {
		const { calls, shortcutTarget } = target(0.5, true);
		runShortcut({ action: 'volume-by', step: 0.05 }, shortcutTarget);
		expect(calls).toEqual(['setMuted false', 'setVolume 0.55']);
	});

	it('keeps a muted player muted when lowering the volume', () => {
		const { calls, shortcutTarget } = target(0.5, true);
		runShortcut({ action: 'volume-by', step: -0.05 }, shortcutTarget);
		expect(calls).toEqual(['setVolume 0.45']);
	});
});
