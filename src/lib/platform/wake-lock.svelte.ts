import { player } from '$lib/stores/player.svelte';
import { session } from '$lib/stores/session.svelte';
import { describeWakeLockFailure, screenLockNeeded, WakeLockHolder } from './wake-lock-holder';
import { screenWakeLock } from './wake-lock-setting.svelte';

/** Keeps the screen on while video plays, or always while signed in when the setting is on. */
export function startScreenWakeLock(): void {
	const holder = new WakeLockHolder({
		requester: 'wakeLock' in navigator ? navigator.wakeLock : undefined,
		isVisible: () => document.visibilityState === 'visible',
		onFailure: (failure) =>
			screenWakeLock.reportFailure(describeWakeLockFailure(failure, window.isSecureContext))
	});
	document.addEventListener('visibilitychange', () => holder.refresh());
	$effect.root(() => {
		$effect(() => {
			const playingVideo = player.status === 'playing' && player.loaded?.item.MediaType === 'Video';
			holder.setNeeded(
				screenLockNeeded({
					signedIn: session.current !== null,
					keepScreenOn: screenWakeLock.keepScreenOn,
					playingVideo
				})
			);
		});
	});
}
