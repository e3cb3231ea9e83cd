import { createLogger } from '$lib/log';
import type { InboundMessage, ParsedFrame } from '$lib/protocol/messages';
import { connection } from '$lib/stores/connection.svelte';
import { LinkScheduler, type LinkStatus, type TokenCheck } from './link-scheduler';
import { listenForRetryTriggers } from './retry-triggers';
import { DEAD_LINK_CLOSE_CODE, ServerSocket, type SocketOptions } from './server-socket';

export type { TokenCheck } from './link-scheduler';

export interface LinkHooks extends SocketOptions {
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
	/** Runs when a socket has been open for a while without a ForceKeepAlive from the server. */
	onNoForceKeepAlive(): void;
	/** Runs when a socket closes or fails to open. */
	onClosed?(): void;
}

const log = createLogger('link');

const SOCKET_REJECTED_MESSAGE =
	'The server accepts this sign-in but rejects the live connection (WebSocket), so remote control cannot work. If a reverse proxy sits in front of the server, let it pass WebSocket upgrades. Cue keeps trying.';

/** Close code Cue reports for a socket it dropped because setting it up failed. */
const SETUP_FAILED_CLOSE_CODE = 4002;

function browserIsOffline(): boolean {
	return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Keeps one socket open while signed in: LinkScheduler decides when to try, this class opens
 * the sockets, listens for the browser events that warrant an attempt at once, and shows the
 * state in the connection store.
 */
export class ServerLink {
	#hooks: LinkHooks;
	#socket: ServerSocket | null = null;
	#scheduler: LinkScheduler;
	#lastStatus: LinkStatus = { state: 'connecting', nextAttemptAt: null };
	#removeTriggers: (() => void) | null = null;

	constructor(hooks: LinkHooks) {
		this.#hooks = hooks;
		this.#scheduler = new LinkScheduler({
			connect: () => this.#openSocket(),
			checkToken: () => hooks.checkToken(),
			serverAnswers: () => hooks.serverAnswers(),
			tokenRevoked: () => {
				this.stop();
				hooks.onTokenRevoked();
			},
			status: (status) => this.#showStatus(status)
		});
	}

	start(): void {
		if (this.#removeTriggers) return;
		this.#removeTriggers = listenForRetryTriggers({
			retry: (reason) => this.#scheduler.retryNow(reason),
			networkChanged: () => this.#showStatus(this.#lastStatus)
		});
		this.#scheduler.start();
	}

	stop(): void {
		this.#removeTriggers?.();
		this.#removeTriggers = null;
		this.#scheduler.stop();
		this.#socket?.close(1000, 'Signed out');
		this.#socket = null;
	}

	/** Tries to connect at once, for the "Retry now" button. */
	retryNow(): void {
		this.#scheduler.retryNow('user');
	}

	/** Drops the current socket and opens a new one now. */
	reconnect(): void {
		this.#scheduler.reconnect();
	}

	/** Notes a ServerRestarting or ServerShuttingDown notice, so the next close polls for the server. */
	expectRestart(): void {
		this.#scheduler.announceRestart();
	}

	/** Sends a text frame and returns whether a socket was open to take it. */
	send(text: string): boolean {
		return this.#socket?.send(text) ?? false;
	}

	#openSocket(): void {
		this.#socket?.close();
		const { greeting, expectForceKeepAlive } = this.#hooks;
		const options = { greeting, expectForceKeepAlive };
		const socket = new ServerSocket(
			this.#hooks.socketUrl(),
			{
				onOpen: () => void this.#handleOpen(socket),
				onMessage: (message) => this.#hooks.onMessage(message),
				onInvalid: (frame) => this.#hooks.onInvalid(frame),
				onClose: (code, reason) => this.#handleClose(socket, code, reason),
				onNoForceKeepAlive: () => {
					if (socket !== this.#socket) return;
					log.warn('no ForceKeepAlive since the socket opened; checking the session');
					this.#hooks.onNoForceKeepAlive();
				}
			},
			options
		);
		this.#socket = socket;
		socket.open();
	}

	async #handleOpen(socket: ServerSocket): Promise<void> {
		if (socket !== this.#socket) return;
		log.info('socket open');
		this.#scheduler.opened();
		try {
			await this.#hooks.onOpen();
		} catch (error) {
			// The capabilities POST can fail although the socket opened, for example when the server
			// goes down again at once. Without it no controller can drive Cue, so start over.
			log.warn('setting up the new socket failed; reconnecting', { error });
			if (socket !== this.#socket) return;
			socket.close();
			this.#handleClose(socket, SETUP_FAILED_CLOSE_CODE, 'Setup failed');
			return;
		}
		if (socket === this.#socket && this.#scheduler.isConnected) {
			connection.controllable = true;
			this.#scheduler.ready();
		}
	}

	#handleClose(socket: ServerSocket, code: number, reason: string): void {
		if (socket !== this.#socket) return;
		this.#socket = null;
		log.warn(`socket closed (code ${code}${reason ? `, ${reason}` : ''})`);
		connection.lastError = `Connection lost (code ${code})`;
		this.#hooks.onClosed?.();
		this.#scheduler.closed(code === DEAD_LINK_CLOSE_CODE ? 'dead-link' : 'closed');
	}

	#showStatus(status: LinkStatus): void {
		this.#lastStatus = status;
		if (status.state === 'connected') {
			connection.set('connected');
			return;
		}
		const state = status.state === 'reconnecting' && browserIsOffline() ? 'offline' : status.state;
		connection.set(state, connection.lastError);
		if (status.socketRejected && connection.problem === null) {
			log.warn('the server accepts the token over HTTP but rejects the socket handshake');
			connection.problem = SOCKET_REJECTED_MESSAGE;
		}
		connection.nextAttemptAt = state === 'connecting' ? null : status.nextAttemptAt;
		if (status.nextAttemptAt !== null) {
			const seconds = Math.round((status.nextAttemptAt - Date.now()) / 100) / 10;
			log.info(`next connection attempt in ${seconds} s`);
		}
	}
}
