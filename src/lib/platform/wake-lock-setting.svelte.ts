import { readStorage, writeStorage } from '$lib/identity';
import { createLogger } from '$lib/log';

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

	/**
	 * Shows the failure's description as a notice for the first failure of this page load and only
	 * logs the later ones.
	 */
	reportFailure(text: string): void {
		this.#failures++;
		if (this.#failures > 1) {
			log.debug(`screen wake lock failed again (${this.#failures} times)`, { text });
			return;
		}
		log.warn(text);
		this.notice = text;
	}
}

/**
 * The setting that the header's checkbox shows. It stays apart from the lock itself, whose code
 * loads after the first screen.
 */
export const screenWakeLock = new ScreenWakeLockStore();
