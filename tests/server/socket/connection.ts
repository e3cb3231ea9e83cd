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

	constructor(
		readonly ws: WebSocket,
		readonly session: Session,
		readonly path: string,
		/** The `deviceId` query value; 10.11 ignores it when binding, so it is only recorded. */
		readonly deviceIdQuery: string | undefined,
		private readonly log: EventLog
	) {}

	get isOpen(): boolean {
		return this.ws.readyState === WebSocket.OPEN;
	}

	send(text: string): void {
		if (!this.isOpen) return;
		this.ws.send(text);
		this.log.add('ws-out', { sessionId: this.session.id, socketId: this.id, frame: text });
	}

	/** Closes with a close frame; code 1006 aborts the connection without one instead. */
	close(code: number, reason: string): void {
		this.closedByServer = true;
		if (code === 1006) this.ws.terminate();
		else this.ws.close(code, reason);
	}
}
