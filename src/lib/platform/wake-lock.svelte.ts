import { readStorage, writeStorage } from '$lib/identity';
import { createLogger } from '$lib/log';
import { player } from '$lib/stores/player.svelte';
import { session } from '$lib/stores/session.svelte';
import {
	describeWakeLockFailure,
	screenLockNeeded,
	WakeLockHolder,
	type WakeLockFailure
} from './wake-lock-holder';

const KEEP_SCREEN_ON_KEY = 'cue.keepScreenOn';

const log = createLogger('wake-lock');

/** The "Keep screen on" setting, and the one notice shown when the browser refuses a lock. */
class ScreenWakeLockStore {
	/** Holds the lock whenever someone is signed in, not only during video: for wall tablets. */
	keepScreenOn = $state(readStorage(KEEP_SCREEN_ON_KEY) === '1');
	notice = $state<string | null>(null);
	#failures = 0;

	setKeepScreenOn(enabled: boolean): void {
		this.keepScreenOn = enabled;
		writeStorage(KEEP_SCREEN_ON_KEY, enabled ? '1' : '0');
	}

	dismissNotice(): void {
		this.notice = null;
	}

	/** Shows a notice for the first failure of this page load and only logs the later ones. */
	reportFailure(failure: WakeLockFailure): void {
		this.#failures++;
		const text = describeWakeLockFailure(failure, window.isSecureContext);
		if (this.#failures > 1) {
			log.debug(`screen wake lock failed again (${this.#failures} times)`, { text });
			return;
		}
		log.warn(text);
		this.notice = text;
	}
}

export const screenWakeLock = new ScreenWakeLockStore();

/** Keeps the screen on while video plays, or always while signed in when the setting is on. */
export function startScreenWakeLock(): void {
	const holder = new WakeLockHolder({
		requester: 'wakeLock' in navigator ? navigator.wakeLock : undefined,
		isVisible: () => document.visibilityState === 'visible',
		onFailure: (failure) => screenWakeLock.reportFailure(failure)
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
