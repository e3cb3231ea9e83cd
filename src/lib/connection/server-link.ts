import { createLogger } from '$lib/log';
import type { InboundMessage, ParsedFrame } from '$lib/protocol/messages';
import { connection } from '$lib/stores/connection.svelte';
import { reconnectDelay, RESTART_POLL_CAP_MS, RESTART_POLL_WINDOW_MS } from './reconnect-policy';
import { DEAD_LINK_CLOSE_CODE, ServerSocket } from './server-socket';

export type TokenCheck = 'valid' | 'revoked' | 'unknown';

export interface LinkHooks {
	socketUrl(): string;
	/** Runs after each socket open, before the link counts as controllable. */
	onOpen(): Promise<void>;
	onMessage(message: InboundMessage): void;
	onInvalid(frame: Extract<ParsedFrame, { kind: 'invalid' }>): void;
	/** Asks the server over HTTP whether the token still works. */
	checkToken(): Promise<TokenCheck>;
	/** Returns true when the server responds to a request for its public information again. */
	serverAnswers(): Promise<boolean>;
	onTokenRevoked(): void;
}

const log = createLogger('link');

/**
 * Keeps one socket open while signed in. It reconnects with jittered backoff and never gives up.
 * It tries again at once when the browser comes back online, when the page becomes visible or is
 * shown again, and when a link went silent. After each failure it checks the token over HTTP,
 * because a socket refused for a bad token only shows up as a closed socket.
 */
export class ServerLink {
	#hooks: LinkHooks;
	#socket: ServerSocket | null = null;
	#attempt = 0;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#running = false;
	#restartAnnouncedAt: number | null = null;
	#onOnline = () => this.retryNow();
	#onVisible = () => {
		if (document.visibilityState === 'visible') this.retryNow();
	};

	constructor(hooks: LinkHooks) {
		this.#hooks = hooks;
	}

	start(): void {
		if (this.#running) return;
		this.#running = true;
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('pageshow', this.#onOnline);
		document.addEventListener('visibilitychange', this.#onVisible);
		this.#connect('connecting');
	}

	stop(): void {
		this.#running = false;
		window.removeEventListener('online', this.#onOnline);
		window.removeEventListener('pageshow', this.#onOnline);
		document.removeEventListener('visibilitychange', this.#onVisible);
		clearTimeout(this.#retryTimer);
		this.#socket?.close(1000, 'Signed out');
		this.#socket = null;
	}

	retryNow(): void {
		if (!this.#running || connection.state === 'connected') return;
		clearTimeout(this.#retryTimer);
		this.#attempt = 0;
		this.#connect('reconnecting');
	}

	/** Drops the current socket and opens a new one now. */
	reconnect(): void {
		if (!this.#running) return;
		clearTimeout(this.#retryTimer);
		this.#attempt = 0;
		this.#connect('reconnecting');
	}

	/** Notes a ServerRestarting or ServerShuttingDown notice, so the next close polls for the server. */
	expectRestart(): void {
		this.#restartAnnouncedAt = Date.now();
	}

	send(text: string): void {
		this.#socket?.send(text);
	}

	#connect(state: 'connecting' | 'reconnecting'): void {
		this.#socket?.close();
		connection.set(state);
		const socket = new ServerSocket(this.#hooks.socketUrl(), {
			onOpen: () => void this.#handleOpen(socket),
			onMessage: (message) => this.#hooks.onMessage(message),
			onInvalid: (frame) => this.#hooks.onInvalid(frame),
			onClose: (code, reason) => void this.#handleClose(socket, code, reason)
		});
		this.#socket = socket;
		socket.open();
	}

	async #handleOpen(socket: ServerSocket): Promise<void> {
		if (socket !== this.#socket) return;
		log.info('socket open');
		this.#attempt = 0;
		connection.set('connected');
		try {
			await this.#hooks.onOpen();
			if (socket === this.#socket) connection.controllable = true;
		} catch (error) {
			log.warn('setting up the new socket failed', { error });
		}
	}

	async #handleClose(socket: ServerSocket, code: number, reason: string): Promise<void> {
		if (socket !== this.#socket || !this.#running) return;
		this.#socket = null;
		log.warn(`socket closed (code ${code}${reason ? `, ${reason}` : ''})`);
		connection.set('reconnecting', `Connection lost (code ${code})`);
		if (this.#restartAnnounced()) {
			this.#pollForServer();
			return;
		}
		const token = await this.#hooks.checkToken();
		if (!this.#running) return;
		if (token === 'revoked') {
			this.#hooks.onTokenRevoked();
			return;
		}
		if (code === DEAD_LINK_CLOSE_CODE) this.#attempt = 0;
		this.#scheduleRetry(code === DEAD_LINK_CLOSE_CODE ? 0 : undefined);
	}

	#restartAnnounced(): boolean {
		const at = this.#restartAnnouncedAt;
		return at !== null && Date.now() - at < RESTART_POLL_WINDOW_MS;
	}

	/** After a restart notice: polls the public information and connects as soon as the server responds. */
	#pollForServer(): void {
		if (!this.#restartAnnounced()) {
			this.#scheduleRetry();
			return;
		}
		const delay = reconnectDelay(this.#attempt++, Math.random, RESTART_POLL_CAP_MS);
		connection.nextAttemptAt = Date.now() + delay;
		this.#retryTimer = setTimeout(async () => {
			if (!this.#running) return;
			if (await this.#hooks.serverAnswers()) {
				log.info('the server is back after its restart');
				this.#restartAnnouncedAt = null;
				this.#connect('reconnecting');
			} else {
				this.#pollForServer();
			}
		}, delay);
	}

	#scheduleRetry(delayMs?: number): void {
		const delay = delayMs ?? reconnectDelay(this.#attempt);
		this.#attempt++;
		const online = typeof navigator === 'undefined' || navigator.onLine !== false;
		connection.set(online ? 'reconnecting' : 'offline', connection.lastError);
		connection.nextAttemptAt = Date.now() + delay;
		log.info(`reconnecting in ${delay} ms (attempt ${this.#attempt})`);
		this.#retryTimer = setTimeout(() => this.#connect('reconnecting'), delay);
	}
}
