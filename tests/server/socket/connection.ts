import type { Duplex } from 'node:stream';

import { WebSocket } from 'ws';

import type { EventLog } from '../core/event-log.ts';
import type { Session, SessionSocket } from '../sessions/session.ts';

let nextConnectionId = 1;

/** One accepted WebSocket, bound to the session of its token. */
export class SocketConnection implements SessionSocket {
	readonly id = nextConnectionId++;
	readonly openedAt = Date.now();
	lastActivityAt = Date.now();
	lastKeepAliveAt = Date.now();
	/** Whether the keep-alive watchdog still checks this socket; false once it is lost. */
	watched = true;
	/** Set when this side started the close, so the log records who closed. */
	closedByServer = false;
	#blackHoled = false;
	#closeAfterBlackHole: { code: number; reason: string } | undefined;

	constructor(
		readonly ws: WebSocket,
		readonly session: Session,
		readonly path: string,
		/** The `deviceId` query value; 10.11 ignores it when binding, so it is only recorded. */
		readonly deviceIdQuery: string | undefined,
		private readonly log: EventLog,
		/** The TCP connection under the WebSocket, paused while the socket is black-holed. */
		private readonly tcp: Duplex
	) {}

	get isOpen(): boolean {
		return this.ws.readyState === WebSocket.OPEN;
	}

	get isBlackHoled(): boolean {
		return this.#blackHoled;
	}

	send(text: string): void {
		if (!this.isOpen) return;
		if (this.#blackHoled) {
			this.log.add('ws-dropped', { sessionId: this.session.id, socketId: this.id, frame: text });
			return;
		}
		this.ws.send(text);
		this.log.add('ws-out', { sessionId: this.session.id, socketId: this.id, frame: text });
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
		this.tcp.pause();
	}

	/** Lets traffic through again: buffered client frames arrive, and a deferred close happens. */
	restore(): void {
		if (!this.#blackHoled) return;
		this.#blackHoled = false;
		this.tcp.resume();
		const pending = this.#closeAfterBlackHole;
		this.#closeAfterBlackHole = undefined;
		if (pending) this.close(pending.code, pending.reason);
	}
}
