import { formatSeconds } from '$lib/player/describe';
import type { PlaybackStatus } from '$lib/stores/player.svelte';

/**
 * Returns the sentence a screen reader announces for the player's state. Errors are left out
 * because the stage shows them in an alert of their own.
 */
export function describePlayback(
	status: PlaybackStatus,
	name: string | undefined,
	resumeAt: number | null
): string {
	const title = name ?? 'the item';
	switch (status) {
		case 'loading':
			return `Loading ${title}`;
		case 'playing':
			return `Playing ${title}`;
		case 'paused':
			return resumeAt === null
				? `Paused ${title}`
				: `${title} is paused at ${formatSeconds(resumeAt)}. Choose Resume to continue.`;
		case 'blocked':
			return `${title} is ready. Tap to start playback.`;
		case 'idle':
			return name ? `Stopped` : 'Nothing playing';
		case 'error':
			return '';
	}
}
