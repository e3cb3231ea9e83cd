import { createLogger } from '$lib/log';
import {
	KEEP_ALIVE_FRAME,
	parseFrame,
	type InboundMessage,
	type ParsedFrame
} from '$lib/protocol/messages';
import { KeepAliveTimer } from './keep-alive';

export interface SocketEvents {
	onOpen(): void;
	onMessage(message: InboundMessage): void;
	onInvalid(frame: Extract<ParsedFrame, { kind: 'invalid' }>): void;
	onClose(code: number, reason: string): void;
	/** The socket has been open for FORCE_KEEP_ALIVE_WAIT_MS without a ForceKeepAlive. */
	onNoForceKeepAlive(): void;
}

const log = createLogger('socket');

/** Close code (from the range for applications) Cue reports for a socket that went silent. */
export const DEAD_LINK_CLOSE_CODE = 4000;
/** Close code Cue reports for a handshake that took longer than CONNECT_TIMEOUT_MS. */
export const CONNECT_TIMEOUT_CLOSE_CODE = 4001;
/**
 * How long a handshake may take. A browser can leave a socket CONNECTING for minutes when the
 * network drops packets, and Chromium holds back other handshakes to the same host meanwhile.
 */
export const CONNECT_TIMEOUT_MS = 15_000;
/**
 * Jellyfin sends ForceKeepAlive as soon as it binds a socket to a session. A socket without one
 * after this long may be bound to nothing, so that commands never arrive on it.
 */
export const FORCE_KEEP_ALIVE_WAIT_MS = 10_000;

export interface SocketOptions {
	/** A frame sent as soon as the socket opens: MediaBrowser 3's `Identity` message. */
	greeting?: () => string;
	/** Whether the server sends ForceKeepAlive on binding (Jellyfin), so that its absence means trouble. */
	expectForceKeepAlive: boolean;
}

/**
 * One WebSocket to the server. It keeps the link alive (see KeepAliveTimer), closes it when it
 * has gone silent or its handshake hangs, validates every frame, and reports each close once.
 */
export class ServerSocket {
	#url: string;
	#events: SocketEvents;
	#options: SocketOptions;
	#socket: WebSocket | null = null;
	#keepAlive = new KeepAliveTimer(
		() => this.send(KEEP_ALIVE_FRAME),
		(silentMs) => this.#closeDeadLink(silentMs)
	);
	#unknownTypesSeen = new Set<string>();
	#connectTimer: ReturnType<typeof setTimeout> | undefined;
	#forceKeepAliveTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(url: string, events: SocketEvents, options: SocketOptions) {
		this.#url = url;
		this.#events = events;
		this.#options = options;
	}

	open(): void {
		const socket = new WebSocket(this.#url);
		this.#socket = socket;
		this.#connectTimer = setTimeout(() => this.#abandonHandshake(), CONNECT_TIMEOUT_MS);
		socket.onopen = () => {
			clearTimeout(this.#connectTimer);
			if (this.#options.greeting) socket.send(this.#options.greeting());
			if (this.#options.expectForceKeepAlive) {
				this.#forceKeepAliveTimer = setTimeout(
					() => this.#events.onNoForceKeepAlive(),
					FORCE_KEEP_ALIVE_WAIT_MS
				);
			}
			this.#keepAlive.start();
			this.#events.onOpen();
		};
		socket.onmessage = (event) => this.#receive(event.data);
		socket.onclose = (event) => this.#handleClose(event.code, event.reason);
		// An error is always followed by a close event, which does the work.
		socket.onerror = () => log.debug('socket error');
	}

	/** Closes on purpose: no onClose callback follows. */
	close(code = 1000, reason = 'Closed by Cue'): void {
		const socket = this.#socket;
		this.#socket = null;
		this.#stopTimers();
		if (!socket) return;
		socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
		if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
			socket.close(code, reason);
		}
	}

	/** Sends a text frame and returns whether the socket was open to take it. */
	send(text: string): boolean {
		if (this.#socket?.readyState !== WebSocket.OPEN) return false;
		this.#socket.send(text);
		return true;
	}

	#receive(data: unknown): void {
		if (typeof data !== 'string') {
			this.#events.onInvalid({
				kind: 'invalid',
				reason: 'binary frame; only text frames are expected'
			});
			return;
		}
		const frame = parseFrame(data);
		const isKeepAlive = frame.kind === 'message' && frame.message.MessageType === 'KeepAlive';
		this.#keepAlive.frameReceived(isKeepAlive);
		if (frame.kind === 'invalid') {
			this.#events.onInvalid(frame);
		} else if (frame.kind === 'unknown') {
			if (!this.#unknownTypesSeen.has(frame.messageType)) {
				this.#unknownTypesSeen.add(frame.messageType);
				log.info(`ignoring message type ${frame.messageType}`);
			}
		} else if (frame.message.MessageType === 'ForceKeepAlive') {
			clearTimeout(this.#forceKeepAliveTimer);
			this.#keepAlive.serverPeriod(frame.message.Data);
			log.debug(`keep-alive every ${this.#keepAlive.intervalMs} ms`);
		} else if (frame.message.MessageType !== 'KeepAlive') {
			this.#events.onMessage(frame.message);
		}
	}

	/** Drops a socket that stopped delivering frames and reports it as closed. */
	#closeDeadLink(silentMs: number): void {
		log.warn(`no frame from the server for ${Math.round(silentMs / 1000)} s; closing the socket`);
		this.#drop(DEAD_LINK_CLOSE_CODE, 'No frames from the server');
	}

	#abandonHandshake(): void {
		log.warn(`the socket did not open within ${CONNECT_TIMEOUT_MS / 1000} s; giving up on it`);
		this.#drop(CONNECT_TIMEOUT_CLOSE_CODE, 'Handshake timed out');
	}

	/** Closes the socket without waiting for its close event, and reports the close now. */
	#drop(code: number, reason: string): void {
		const socket = this.#socket;
		if (!socket) return;
		socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
		socket.close();
		this.#handleClose(code, reason);
	}

	#handleClose(code: number, reason: string): void {
		this.#socket = null;
		this.#stopTimers();
		this.#events.onClose(code, reason);
	}

	#stopTimers(): void {
		clearTimeout(this.#connectTimer);
		clearTimeout(this.#forceKeepAliveTimer);
		this.#keepAlive.stop();
	}
}
