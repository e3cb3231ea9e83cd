import { newGuid } from '../core/wire.ts';
import type { ServerState } from '../state.ts';
import type { SocketConnection } from './connection.ts';
import { PeriodicSocketCheck } from './periodic-check.ts';

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
export class KeepAliveWatchdog extends PeriodicSocketCheck {
	constructor(private readonly state: ServerState) {
		super();
	}

	protected intervalMs(): number {
		return this.state.options.keepAliveSeconds * INTERVAL_FACTOR * 1000;
	}

	protected checkOne(connection: SocketConnection, now: number): boolean {
		const timeout = this.state.options.keepAliveSeconds;
		const silentSeconds = (now - connection.lastKeepAliveAt) / 1000;
		if (silentSeconds >= timeout) {
			this.markLost(connection);
			return true;
		}
		if (silentSeconds > timeout * FORCE_KEEP_ALIVE_FACTOR)
			sendForceKeepAlive(this.state, connection);
		return false;
	}

	private markLost(connection: SocketConnection): void {
		connection.watched = false;
		const sessionId = connection.session?.id;
		this.state.log.add('ws-lost', { sessionId, socketId: connection.id });
		this.state.logger.info(`socket ${connection.id} of session ${sessionId} lost (no KeepAlive)`);
		if (this.state.options.closeLostSockets) connection.close(1006, '');
	}
}
