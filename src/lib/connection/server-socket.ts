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
}

const log = createLogger('socket');

/** Close code (from the range for applications) Cue reports for a socket that went silent. */
export const DEAD_LINK_CLOSE_CODE = 4000;

/** Builds the socket URL from the HTTP base, so the port and any base path carry over. */
export function buildSocketUrl(baseUrl: string, token: string, deviceId: string): string {
	const url = new URL(`${baseUrl}/socket`);
	url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
	url.searchParams.set('ApiKey', token);
	url.searchParams.set('deviceId', deviceId);
	return url.toString();
}

/**
 * One WebSocket to the server. It keeps the link alive (see KeepAliveTimer), closes it when it
 * has gone silent, validates every frame, and reports each close once.
 */
export class ServerSocket {
	#url: string;
	#events: SocketEvents;
	#socket: WebSocket | null = null;
	#keepAlive = new KeepAliveTimer(
		() => this.send(KEEP_ALIVE_FRAME),
		(silentMs) => this.#closeDeadLink(silentMs)
	);
	#unknownTypesSeen = new Set<string>();

	constructor(url: string, events: SocketEvents) {
		this.#url = url;
		this.#events = events;
	}

	open(): void {
		const socket = new WebSocket(this.#url);
		this.#socket = socket;
		socket.onopen = () => {
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
		this.#keepAlive.stop();
		if (!socket) return;
		socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
		if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
			socket.close(code, reason);
		}
	}

	send(text: string): void {
		if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(text);
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
			this.#keepAlive.serverPeriod(frame.message.Data);
			log.debug(`keep-alive every ${this.#keepAlive.intervalMs} ms`);
		} else if (frame.message.MessageType !== 'KeepAlive') {
			this.#events.onMessage(frame.message);
		}
	}

	/** Drops a socket that stopped delivering frames and reports it as closed. */
	#closeDeadLink(silentMs: number): void {
		const socket = this.#socket;
		if (!socket) return;
		log.warn(`no frame from the server for ${Math.round(silentMs / 1000)} s; closing the socket`);
		socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
		socket.close();
		this.#handleClose(DEAD_LINK_CLOSE_CODE, 'No frames from the server');
	}

	#handleClose(code: number, reason: string): void {
		this.#socket = null;
		this.#keepAlive.stop();
		this.#events.onClose(code, reason);
	}
}
