import type { SocketConnection } from './connection.ts';

/**
 * Checks Emby sockets on a timer, so that a socket's `ws-stale` event is logged when it turns
 * stale and not only at the next message the server tries to send. The check runs every second,
 * or four times per limit when the limit is shorter.
 */
export class StaleSocketMonitor {
	private readonly watched = new Set<SocketConnection>();
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly limitMs: number) {}

	watch(connection: SocketConnection): void {
		this.watched.add(connection);
		if (this.timer !== undefined) return;
		const intervalMs = Math.max(10, Math.min(1000, this.limitMs / 4));
		this.timer = setInterval(() => this.check(), intervalMs);
		this.timer.unref();
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
		const now = Date.now();
		for (const connection of [...this.watched]) {
			if (connection.checkStale(now)) this.unwatch(connection);
		}
	}
}
