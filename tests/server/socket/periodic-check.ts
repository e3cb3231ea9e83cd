import type { SocketConnection } from './connection.ts';

/**
 * Checks a set of sockets on one timer, which runs only while there is a socket to check.
 * Subclasses define the interval and what one check does.
 */
export abstract class PeriodicSocketCheck {
	private readonly watched = new Set<SocketConnection>();
	private timer: NodeJS.Timeout | undefined;

	protected abstract intervalMs(): number;

	/** Checks one socket at `now`; returns true when the socket needs no more checks. */
	protected abstract checkOne(connection: SocketConnection, now: number): boolean;

	watch(connection: SocketConnection): void {
		this.watched.add(connection);
		if (this.timer !== undefined) return;
		this.timer = setInterval(() => this.checkAll(), this.intervalMs());
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

	private checkAll(): void {
		const now = Date.now();
		for (const connection of [...this.watched]) {
			if (this.checkOne(connection, now)) this.unwatch(connection);
		}
	}
}
