import { randomHex } from '$lib/identity';
import { createLogger } from '$lib/log';
import { tab } from '$lib/stores/tab.svelte';
import { PLAYER_LOCK, playerLockIsFree } from './player-lock';

export interface TabHooks {
	activate(): void;
	deactivate(): void;
}

type TabMessage =
	| { type: 'hello'; tabId: string }
	| { type: 'active'; tabId: string; since: number }
	| { type: 'take-over'; tabId: string }
	| { type: 'released'; tabId: string; handOver: boolean };

const CHANNEL_NAME = 'cue-player-tabs';
/** How long a new tab waits for a reply from an active tab before it becomes the player itself. */
const ELECTION_WAIT_MS = 250;

const log = createLogger('tabs');

/**
 * Agrees with the other Cue tabs of this browser on which one is the player, over a
 * BroadcastChannel. A new tab stays on standby when another tab replies that it is active, and
 * takes over when the person requests it or when the player tab closes. When two tabs end up
 * active at once, for example because the player tab replied late, the newer one steps down.
 */
export class TabCoordinator {
	#hooks: TabHooks;
	#tabId = randomHex(8);
	#channel: BroadcastChannel | null = null;
	#activeSince = 0;
	#electionTimer: ReturnType<typeof setTimeout> | undefined;
	#listensForPageHide = false;
	#releaseLock: (() => void) | null = null;

	constructor(hooks: TabHooks) {
		this.#hooks = hooks;
	}

	/** Joins the tabs: becomes the player unless another tab already is. */
	start(): void {
		if (tab.role === 'active') {
			this.#hooks.activate();
			return;
		}
		if (typeof BroadcastChannel === 'undefined') {
			this.#becomeActive();
			return;
		}
		this.#openChannel();
		this.#elect();
	}

	/** Makes this tab the player; the active tab steps down. */
	takeOver(): void {
		this.#post({ type: 'take-over', tabId: this.#tabId });
		this.#becomeActive();
	}

	/**
	 * Leaves the election, for example on sign-out. With `handOver`, when the page goes away, a
	 * standby tab becomes the player in its place. Without it the standby tabs stay as they are,
	 * because their sign-in may no longer be valid.
	 */
	release(handOver = false): void {
		clearTimeout(this.#electionTimer);
		if (tab.role === 'active') this.#post({ type: 'released', tabId: this.#tabId, handOver });
		tab.role = 'undecided';
		this.#dropLock();
		this.#channel?.close();
		this.#channel = null;
	}

	#openChannel(): void {
		if (this.#channel) return;
		this.#channel = new BroadcastChannel(CHANNEL_NAME);
		this.#channel.onmessage = (event: MessageEvent<TabMessage>) => this.#receive(event.data);
		if (!this.#listensForPageHide) {
			this.#listensForPageHide = true;
			window.addEventListener('pagehide', () => this.release(true));
		}
	}

	/**
	 * Asks the other tabs for an active one, and becomes the player when none replies in time.
	 * Where the browser has Web Locks, a free player lock means no tab is the player, so this tab
	 * becomes it at once instead of waiting.
	 */
	#elect(): void {
		clearTimeout(this.#electionTimer);
		tab.role = 'undecided';
		this.#post({ type: 'hello', tabId: this.#tabId });
		this.#electionTimer = setTimeout(() => {
			if (tab.role === 'undecided') this.#becomeActive();
		}, ELECTION_WAIT_MS);
		void playerLockIsFree().then((free) => {
			if (free && tab.role === 'undecided') this.#becomeActive();
		});
	}

	/** Holds the player lock while this tab is the player, where the browser has Web Locks. */
	#holdLock(): void {
		if (this.#releaseLock || typeof navigator === 'undefined' || !navigator.locks) return;
		const lockLifetime = new Promise<void>((resolve) => (this.#releaseLock = resolve));
		// After a take-over the old player holds the lock a moment longer, so this request waits.
		navigator.locks
			.request(PLAYER_LOCK, () => lockLifetime)
			.catch((error) => log.warn('holding the player lock failed', { error }));
	}

	#dropLock(): void {
		this.#releaseLock?.();
		this.#releaseLock = null;
	}

	#becomeActive(): void {
		clearTimeout(this.#electionTimer);
		if (tab.role === 'active') return;
		tab.role = 'active';
		this.#activeSince = Date.now();
		this.#post({ type: 'active', tabId: this.#tabId, since: this.#activeSince });
		this.#holdLock();
		log.info('this tab is the player', { tabId: this.#tabId });
		this.#hooks.activate();
	}

	#stepDown(reason: string): void {
		clearTimeout(this.#electionTimer);
		const wasActive = tab.role === 'active';
		tab.role = 'standby';
		this.#dropLock();
		log.info(`this tab is on standby: ${reason}`, { tabId: this.#tabId });
		if (wasActive) this.#hooks.deactivate();
	}

	#receive(message: TabMessage): void {
		if (!message || message.tabId === this.#tabId) return;
		switch (message.type) {
			case 'hello':
				if (tab.role === 'active') {
					this.#post({ type: 'active', tabId: this.#tabId, since: this.#activeSince });
				}
				break;
			case 'active':
				if (tab.role !== 'active' || this.#isNewerThan(message)) {
					this.#stepDown('another tab is the player');
				}
				break;
			case 'take-over':
				if (tab.role !== 'standby') this.#stepDown('another tab took over');
				break;
			case 'released':
				if (tab.role === 'standby' && message.handOver) this.#elect();
				break;
		}
	}

	#isNewerThan(other: { tabId: string; since: number }): boolean {
		if (this.#activeSince !== other.since) return this.#activeSince > other.since;
		return this.#tabId > other.tabId;
	}

	#post(message: TabMessage): void {
		this.#channel?.postMessage(message);
	}
}
