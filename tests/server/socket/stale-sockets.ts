import type { SocketConnection } from './connection.ts';
import { PeriodicSocketCheck } from './periodic-check.ts';

/**
 * Checks Emby sockets on a timer, so that a socket's `ws-stale` event is logged when it turns
 * stale and not only at the next message the server tries to send. The check runs every second,
 * or four times per limit when the limit is shorter.
 */
export class StaleSocketMonitor extends PeriodicSocketCheck {
	constructor(private readonly limitMs: number) {
		super();
	}

	protected intervalMs(): number {
		return Math.max(10, Math.min(1000, this.limitMs / 4));
	}

	protected checkOne(connection: SocketConnection, now: number): boolean {
		return connection.checkStale(now);
	}
}
