import { createLogger } from '$lib/log';
import type { PlaybackStatus } from '$lib/stores/player.svelte';
import { SKIP_WAITING_MESSAGE } from './messages';
import { canReloadNow, playbackEnded } from './update-policy';

/** The player's hooks into the update check, added once the player has loaded. */
export interface PlayerHooks {
	/** The player's status: a reload waits while something plays. */
	status(): PlaybackStatus;
	/** Reports Stopped for what is loaded and waits for pending reports, before each reload. */
	beforeReload(): Promise<void>;
}

/** Hooks for a page without the player, which plays nothing. A signed-out page may never load it. */
const NO_PLAYER: PlayerHooks = { status: () => 'idle', beforeReload: async () => {} };

/**
 * How often a page that stays open checks for a new build. Browsers check by themselves only on
 * navigations, and a wall tablet may never navigate.
 */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

const log = createLogger('pwa');

/**
 * Notices a new build of Cue (a service worker that installed and now waits) and activates it
 * when the person agrees, never while something plays: then it waits until playback ends.
 */
class ServiceWorkerUpdates {
	/** True when a newer build than the page runs is ready. */
	available = $state(false);
	/** True when the person chose to update once playback ends. */
	deferred = $state(false);
	/** True while the new worker activates and the page is about to reload. */
	applying = $state(false);
	#registration: ServiceWorkerRegistration | null = null;
	#player = $state.raw(NO_PLAYER);
	#started = false;

	/** The player's status, or 'idle' before the player has loaded. */
	get playbackStatus(): PlaybackStatus {
		return this.#player.status();
	}

	/**
	 * Starts watching the service worker registration. Later calls only replace
	 * the player's hooks, because the page starts the watch before the player has loaded.
	 */
	start(player?: PlayerHooks): void {
		if (player) this.#player = player;
		if (this.#started || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
			return;
		}
		this.#started = true;
		const container = navigator.serviceWorker;
		let controller = container.controller;
		container.addEventListener('controllerchange', () => {
			// The first worker's clients.claim() fires this too, and changes no build.
			const replaced = controller !== null;
			controller = container.controller;
			if (this.applying) location.reload();
			else if (replaced) this.available = true;
		});
		void container.ready.then((registration) => this.#watch(registration));
		$effect.root(() => {
			$effect(() => {
				if (this.deferred && !this.applying && playbackEnded(this.playbackStatus)) {
					void this.#apply();
				}
			});
		});
	}

	/** Reloads into the new version now, or once playback ends when something plays. */
	reload(): void {
		if (canReloadNow(this.playbackStatus)) void this.#apply();
		else this.deferred = true;
	}

	/** Hides the banner and cancels a deferred reload, until the next page load. */
	dismiss(): void {
		this.available = false;
		this.deferred = false;
	}

	#watch(registration: ServiceWorkerRegistration): void {
		this.#registration = registration;
		if (registration.waiting && navigator.serviceWorker.controller) this.available = true;
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				// With no controller this is the first install, which activates by itself.
				if (installing.state === 'installed' && navigator.serviceWorker.controller) {
					log.info('a new version of Cue is waiting');
					this.available = true;
				}
			});
		});
		setInterval(() => this.#checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') this.#checkForUpdate();
		});
	}

	#checkForUpdate(): void {
		this.#registration?.update().catch((error) => log.debug('update check failed', { error }));
	}

	/** Asks the waiting worker to activate. The page reloads on the `controllerchange` that follows. */
	async #apply(): Promise<void> {
		this.applying = true;
		this.deferred = false;
		try {
			await this.#player.beforeReload();
		} catch (error) {
			log.warn('reporting the end of playback before the reload failed', { error });
		}
		if (!canReloadNow(this.playbackStatus)) {
			// A remote started playback meanwhile.
			this.applying = false;
			this.deferred = true;
			return;
		}
		const waiting = this.#registration?.waiting;
		if (waiting) {
			log.info('activating the new version of Cue');
			waiting.postMessage(SKIP_WAITING_MESSAGE);
		} else {
			// Another tab activated it already, so this page only needs to load the new build.
			location.reload();
		}
	}
}

export const serviceWorkerUpdates = new ServiceWorkerUpdates();
