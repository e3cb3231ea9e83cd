import type { PlaybackStatus } from '$lib/stores/player.svelte';

/**
 * Statuses in which a reload would cut off or lose what is playing: 'loading' and 'blocked' mean
 * a remote asked for playback that has not started yet.
 */
const BUSY_STATUSES: ReadonlySet<PlaybackStatus> = new Set(['playing', 'loading', 'blocked']);

/** Returns whether a reload now leaves playback alone. */
export function canReloadNow(status: PlaybackStatus): boolean {
	return !BUSY_STATUSES.has(status);
}

/** Returns whether playback is over, so an update that the person deferred may reload the page. */
export function playbackEnded(status: PlaybackStatus): boolean {
	return status === 'idle' || status === 'error';
}

/** Text and button labels of the update banner. */
export interface UpdatePrompt {
	text: string;
	/** Null while a deferred update waits for playback to end. */
	reloadLabel: string | null;
	dismissLabel: 'Later' | 'Cancel';
}

export function describeUpdatePrompt(status: PlaybackStatus, deferred: boolean): UpdatePrompt {
	if (deferred) {
		return {
			text: 'Cue will reload with the new version when playback ends.',
			reloadLabel: canReloadNow(status) ? 'Reload now' : null,
			dismissLabel: 'Cancel'
		};
	}
	if (canReloadNow(status)) {
		return { text: 'A new version of Cue is ready.', reloadLabel: 'Reload', dismissLabel: 'Later' };
	}
	return {
		text: 'A new version of Cue is ready. Cue does not reload while something plays.',
		reloadLabel: 'Reload after playback',
		dismissLabel: 'Later'
	};
}
