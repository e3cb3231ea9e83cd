import { describe, expect, it } from 'vitest';

import type { PlaybackStatus } from '$lib/stores/player.svelte';
import { canReloadNow, describeUpdatePrompt, playbackEnded } from './update-policy';

const STATUSES: PlaybackStatus[] = ['idle', 'loading', 'playing', 'paused', 'blocked', 'error'];

describe('canReloadNow', () => {
	it.each([
		['idle', true],
		['paused', true],
		['error', true],
		['playing', false],
		['loading', false],
		['blocked', false]
	] as const)('%s → %s', (status, expected) => {
		expect(canReloadNow(status)).toBe(expected);
	});
});

describe('playbackEnded', () => {
	it('is true only for idle and error', () => {
		const ended = STATUSES.filter(playbackEnded);
		expect(ended).toEqual(['idle', 'error']);
	});
});

describe('describeUpdatePrompt', () => {
	it('offers a reload when nothing plays', () => {
		const prompt = describeUpdatePrompt('paused', false);
		expect(prompt.reloadLabel).toBe('Reload');
		expect(prompt.dismissLabel).toBe('Later');
	});

	it('offers a reload after playback while playing', () => {
		const prompt = describeUpdatePrompt('playing', false);
		expect(prompt.reloadLabel).toBe('Reload after playback');
		expect(prompt.text).toContain('does not reload while something plays');
	});

	it('offers no reload while a deferred update waits', () => {
		for (const status of ['playing', 'loading', 'blocked'] as const) {
			const prompt = describeUpdatePrompt(status, true);
			expect(prompt.reloadLabel, status).toBeNull();
			expect(prompt.dismissLabel, status).toBe('Cancel');
			expect(prompt.text, status).toContain('when playback ends');
		}
	});

	it('offers an immediate reload when a deferred update sees a pause', () => {
		const prompt = describeUpdatePrompt('paused', true);
		expect(prompt.reloadLabel).toBe('Reload now');
		expect(prompt.dismissLabel).toBe('Cancel');
	});
});
