/** The parts of `WakeLockSentinel` that the holder uses. */
export interface WakeLockHandle {
	readonly released: boolean;
	release(): Promise<void>;
	addEventListener(type: 'release', listener: () => void): void;
}

/** The parts of `navigator.wakeLock` that the holder uses. */
export interface WakeLockRequester {
	request(type: 'screen'): Promise<WakeLockHandle>;
}

export interface WakeLockHolderOptions {
	/** `navigator.wakeLock`, or undefined where the browser lacks it or the page is not secure. */
	requester: WakeLockRequester | undefined;
	/** Whether the page is visible now; browsers grant screen locks only to visible pages. */
	isVisible(): boolean;
	/** Called on every failed request, and once with `unsupported` when there is no API. */
	onFailure(reason: WakeLockFailure): void;
}

export type WakeLockFailure = { kind: 'unsupported' } | { kind: 'rejected'; error: unknown };

/** Returns whether Cue needs the screen to stay on. */
export function screenLockNeeded(state: {
	signedIn: boolean;
	keepScreenOn: boolean;
	playingVideo: boolean;
}): boolean {
	return state.signedIn && (state.keepScreenOn || state.playingVideo);
}

/**
 * Holds at most one screen wake lock while it is needed. The browser releases the lock whenever
 * the page is hidden, so `refresh()` must run when the page becomes visible again.
 */
export class WakeLockHolder {
	#options: WakeLockHolderOptions;
	#needed = false;
	#handle: WakeLockHandle | null = null;
	#requesting = false;
	#reportedUnsupported = false;

	constructor(options: WakeLockHolderOptions) {
		this.#options = options;
	}

	get held(): boolean {
		return this.#handle !== null;
	}

	setNeeded(needed: boolean): void {
		this.#needed = needed;
		this.refresh();
	}

	/** Requests or releases the lock to match what is needed. */
	refresh(): void {
		if (!this.#needed) {
			this.#release();
			return;
		}
		if (this.#handle || this.#requesting || !this.#options.isVisible()) return;
		const requester = this.#options.requester;
		if (!requester) {
			if (!this.#reportedUnsupported) this.#options.onFailure({ kind: 'unsupported' });
			this.#reportedUnsupported = true;
			return;
		}
		void this.#request(requester);
	}

	async #request(requester: WakeLockRequester): Promise<void> {
		this.#requesting = true;
		try {
			const handle = await requester.request('screen');
			this.#requesting = false;
			if (!this.#needed) {
				await handle.release().catch(() => undefined);
				return;
			}
			// Released already when the page was hidden meanwhile: the next refresh() requests it again.
			if (handle.released) return;
			this.#handle = handle;
			handle.addEventListener('release', () => {
				if (this.#handle === handle) this.#handle = null;
			});
		} catch (error) {
			this.#requesting = false;
			this.#options.onFailure({ kind: 'rejected', error });
		}
	}

	#release(): void {
		const handle = this.#handle;
		this.#handle = null;
		handle?.release().catch(() => {
			// Releasing a lock the browser already dropped is harmless.
		});
	}
}

/** Describes why Cue cannot keep the screen on, for the notice. */
export function describeWakeLockFailure(failure: WakeLockFailure, secureContext: boolean): string {
	if (failure.kind === 'unsupported') {
		return secureContext
			? 'Cue cannot keep the screen on: this browser has no Screen Wake Lock.'
			: 'Cue cannot keep the screen on: browsers allow that only on https pages.';
	}
	const { error } = failure;
	const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return `The browser did not let Cue keep the screen on (${reason}). Playback goes on, but the screen may turn off.`;
}
