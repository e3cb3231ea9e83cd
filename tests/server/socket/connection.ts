import type { Duplex } from 'node:stream';

import { WebSocket } from 'ws';

import { highResolutionNow, type EventLog } from '../core/event-log.ts';
import { encodeMessage } from '../sessions/messaging.ts';
import type { Session, SessionSocket } from '../sessions/session.ts';

let nextConnectionId = 1;

/** How a server writes its socket messages in one mode. */
export interface MessageStyle {
	/** Whether envelopes carry a MessageId (Jellyfin) or not (Emby, MediaBrowser 3). */
	messageIds: boolean;
	/** A rewrite of each encoded message, e.g. Emby's item ids; none leaves the text as it is. */
	rewrite?: (text: string) => string;
}

export interface ConnectionInit {
	ws: WebSocket;
	/** The TCP connection under the WebSocket, paused while the socket is black-holed. */
	tcp: Duplex;
	path: string;
	/** The client's IP address, without the IPv4-mapped IPv6 prefix. */
	remoteAddress: string;
	/** The `deviceId` query value. Emby binds by it; Jellyfin 10.11 ignores it. */
	deviceIdQuery: string | undefined;
	log: EventLog;
	style: MessageStyle;
	/** The session, when the handshake identifies it; MediaBrowser sockets bind later. */
	session?: Session;
	/** Emby mode: milliseconds without a client frame after which nothing more is delivered. */
	staleAfterMs?: number;
}

/** One accepted WebSocket, bound to a session once the server has identified it. */
export class SocketConnection implements SessionSocket {
	readonly id = nextConnectionId++;
	readonly openedAt = Date.now();
	lastActivityAt = Date.now();
	lastKeepAliveAt = Date.now();
	/** Whether the keep-alive watchdog still checks this socket; false once it is lost. */
	watched = true;
	/** Set when this side started the close, so the log records who closed. */
	closedByServer = false;
	/** The session the socket belongs to; a MediaBrowser socket has none until its Identity. */
	session: Session | undefined;
	readonly ws: WebSocket;
	readonly path: string;
	readonly remoteAddress: string;
	readonly deviceIdQuery: string | undefined;
	#blackHoled = false;
	#stale = false;
	#closeAfterBlackHole: { code: number; reason: string } | undefined;

	constructor(private readonly init: ConnectionInit) {
		this.ws = init.ws;
		this.path = init.path;
		this.remoteAddress = init.remoteAddress;
		this.deviceIdQuery = init.deviceIdQuery;
		this.session = init.session;
	}

	get isOpen(): boolean {
		return this.ws.readyState === WebSocket.OPEN;
	}

	get isBlackHoled(): boolean {
		return this.#blackHoled;
	}

	/**
	 * Returns whether the socket is stale: an Emby socket silent for `staleAfterMs`, which the
	 * server keeps open but no longer delivers to. It stays stale even if the client speaks
	 * again, and the first check that finds it stale logs a `ws-stale` event.
	 */
	checkStale(now: number): boolean {
		const limit = this.init.staleAfterMs;
		if (this.#stale || limit === undefined || now - this.lastActivityAt < limit) return this.#stale;
		this.#stale = true;
		const silentMs = now - this.lastActivityAt;
		this.init.log.add('ws-stale', { sessionId: this.session?.id, socketId: this.id, silentMs });
		return true;
	}

	/** Encodes and sends one server message in the mode's style; a stale socket drops it. */
	sendMessage(messageType: string, messageId: string, data?: unknown): void {
		const { messageIds, rewrite } = this.init.style;
		const encoded = encodeMessage(messageType, messageIds ? messageId : undefined, data);
		const text = rewrite === undefined ? encoded : rewrite(encoded);
		if (this.checkStale(Date.now())) {
			const fields = { sessionId: this.session?.id, socketId: this.id, frame: text };
			this.init.log.add('ws-dropped', { ...fields, reason: 'stale' });
			return;
		}
		this.send(text);
	}

	/** Sends one text frame as it is. */
	send(text: string): void {
		if (!this.isOpen) return;
		const sessionId = this.session?.id;
		if (this.#blackHoled) {
			this.init.log.add('ws-dropped', { sessionId, socketId: this.id, frame: text });
			return;
		}
		// Stamped before the write: a garbage collection between the two would otherwise make the
		// stamp later than the frame, which a client may already have received.
		const sentAt = highResolutionNow();
		this.ws.send(text);
		this.init.log.add('ws-out', { sessionId, socketId: this.id, frame: text }, sentAt);
	}

	/** Closes with a close frame; code 1006 aborts the connection without one instead. */
	close(code: number, reason: string): void {
		this.closedByServer = true;
		if (this.#blackHoled) {
			// Neither a close frame nor a TCP reset would cross a black hole, so the close waits.
			this.#closeAfterBlackHole = { code, reason };
			return;
		}
		if (code === 1006) this.ws.terminate();
		else this.ws.close(code, reason);
	}

	/**
	 * Stops all traffic without closing: nothing is read (client frames, close frames included,
	 * wait in the TCP buffers) and nothing is written. This is what a dead network path looks
	 * like from both ends.
	 */
	blackHole(): void {
		this.#blackHoled = true;
		this.init.tcp.pause();
	}

	/** Lets traffic through again: buffered client frames arrive, and a deferred close happens. */
	restore(): void {
		if (!this.#blackHoled) return;
		this.#blackHoled = false;
		this.init.tcp.resume();
		const pending = this.#closeAfterBlackHole;
		this.#closeAfterBlackHole = undefined;
		if (pending) this.close(pending.code, pending.reason);
	}
}
