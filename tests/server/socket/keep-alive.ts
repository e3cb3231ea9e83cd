import { newGuid } from '../core/wire.ts';
import type { ServerState } from '../state.ts';
import type { SocketConnection } from './connection.ts';

// Factors of Jellyfin's SessionWebSocketListener: the watchdog runs every 0.2 × timeout and
// re-sends ForceKeepAlive to sockets silent for more than 0.75 × timeout.
const INTERVAL_FACTOR = 0.2;
const FORCE_KEEP_ALIVE_FACTOR = 0.75;

export function sendForceKeepAlive(state: ServerState, connection: SocketConnection): void {
	connection.sendMessage('ForceKeepAlive', newGuid(), state.options.keepAliveSeconds);
}

/**
 * Watches sockets for client KeepAlive messages. A socket silent for longer than 0.75 × timeout
 * gets another ForceKeepAlive. At the full timeout it is "lost": 10.11 stops watching it and
 * leaves it open, but with `closeLostSockets` (the 12.0 behaviour) it is aborted.
 */
export class KeepAliveWatchdog {
	private readonly watched = new Set<SocketConnection>();
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly state: ServerState) {}

	watch(connection: SocketConnection): void {
		this.watched.add(connection);
		if (this.timer === undefined) {
			const intervalMs = this.state.options.keepAliveSeconds * INTERVAL_FACTOR * 1000;
			this.timer = setInterval(() => this.check(), intervalMs);
			this.timer.unref();
		}
	}

	unwatch(connection: SocketConnection): void {
		this.watched.delete(connection);
		if (this.watched.size === 0) this.stop();
	}

	stop(): void {
		clearInterval(this.timer);
		this.timer = undefined;
	}

	private check(): void {
		const timeout = this.state.options.keepAliveSeconds;
		const now = Date.now();
		for (const connection of [...this.watched]) {
			const silentSeconds = (now - connection.lastKeepAliveAt) / 1000;
			if (silentSeconds >= timeout) this.markLost(connection);
			else if (silentSeconds > timeout * FORCE_KEEP_ALIVE_FACTOR) {
				sendForceKeepAlive(this.state, connection);
			}
		}
	}

	private markLost(connection: SocketConnection): void {
		connection.watched = false;
		this.unwatch(connection);
		const sessionId = connection.session?.id;
		this.state.log.add('ws-lost', { sessionId, socketId: connection.id });
		this.state.logger.info(`socket ${connection.id} of session ${sessionId} lost (no KeepAlive)`);
		if (this.state.options.closeLostSockets) connection.close(1006, '');
	}
}
