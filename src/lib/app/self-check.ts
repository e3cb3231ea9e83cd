import { createLogger } from '$lib/log';

/** How often Cue confirms that the server still lists it as controllable. */
export const SELF_CHECK_INTERVAL_MS = 5 * 60_000;

export interface SelfCheckHooks {
	/** True or false from GET /Sessions?deviceId=…, or undefined when the request failed. */
	isControllable(): Promise<boolean | undefined>;
	postCapabilities(): Promise<void>;
	reconnect(): void;
}

const log = createLogger('self-check');

/**
 * Confirms, every few minutes and whenever the page becomes visible, that the server still lists
 * this device with SupportsRemoteControl. A server can drop a session while the socket stays
 * open, and the device then vanishes from every "Play on" list. Cue posts its capabilities again,
 * and reconnects when that is not enough.
 */
export class SessionSelfCheck {
	#hooks: SelfCheckHooks;
	#timer: ReturnType<typeof setInterval> | undefined;
	#running = false;
	#checking = false;
	#onVisible = () => {
		if (document.visibilityState === 'visible') void this.check();
	};

	constructor(hooks: SelfCheckHooks) {
		this.#hooks = hooks;
	}

	start(): void {
		if (this.#running) return;
		this.#running = true;
		this.#timer = setInterval(() => void this.check(), SELF_CHECK_INTERVAL_MS);
		document.addEventListener('visibilitychange', this.#onVisible);
	}

	stop(): void {
		this.#running = false;
		clearInterval(this.#timer);
		document.removeEventListener('visibilitychange', this.#onVisible);
	}

	async check(): Promise<void> {
		if (!this.#running || this.#checking) return;
		this.#checking = true;
		try {
			await this.#repairIfNeeded();
		} catch (error) {
			log.warn('the session self-check failed', { error });
		} finally {
			this.#checking = false;
		}
	}

	async #repairIfNeeded(): Promise<void> {
		if ((await this.#hooks.isControllable()) !== false) return;
		log.warn('the server does not list this device as controllable; posting capabilities again');
		await this.#hooks.postCapabilities();
		if ((await this.#hooks.isControllable()) !== false) return;
		log.warn('still not controllable after posting capabilities; reconnecting');
		this.#hooks.reconnect();
	}
}
