import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

import type { EventLog } from '../core/event-log.ts';
import type { ServerLogger } from '../core/logger.ts';

/** Where a black hole applies: only the open sockets, or every connection, HTTP included. */
export interface BlackHoleScope {
	http: boolean;
}

/** What the test log records about a connection the fault gate turned away or held. */
export interface GateRequest {
	method: string;
	path: string;
}

/**
 * The network faults of one test server, switched on and off through the `/__test/` API.
 *
 * Downtime: a restarting or stopped Jellyfin does not listen, so the client's connections fail at
 * once. The test server keeps listening for the control API, so it resets every other connection
 * (RST), which a browser reports just like a refused connection.
 *
 * Black hole: nothing crosses the network, and no FIN or RST either. Open sockets stop being read
 * and written (see SocketConnection.blackHole). With the HTTP scope, new requests and socket
 * handshakes are held without a reply until the black hole is lifted.
 */
export class ServerFaults {
	#downUntil: number | null = null;
	#upTimer: NodeJS.Timeout | undefined;
	#blackHole: BlackHoleScope | null = null;
	#waiters = new Set<() => void>();
	/** Users who may not sign in while they have this many sessions (Jellyfin's MaxActiveSessions). */
	readonly maxActiveSessions = new Map<string, number>();
	/** How many of the next socket handshakes are accepted without binding the socket to a session. */
	unboundSocketsLeft = 0;
	/** Requests to fail, by lower-case path: the status to return and how many more times. */
	readonly failingPaths = new Map<string, { status: number; count: number }>();

	constructor(
		private readonly log: EventLog,
		private readonly logger: ServerLogger
	) {}

	get isDown(): boolean {
		return this.#downUntil !== null;
	}

	get blackHole(): BlackHoleScope | null {
		return this.#blackHole;
	}

	/** Stops accepting connections for `durationMs`, or until `comeBack` when it is undefined. */
	goDown(reason: string, durationMs?: number): void {
		clearTimeout(this.#upTimer);
		this.#downUntil = durationMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + durationMs;
		if (durationMs !== undefined) {
			this.#upTimer = setTimeout(() => this.comeBack(), durationMs);
			this.#upTimer.unref();
		}
		const until = durationMs === undefined ? 'until told to start' : `for ${durationMs} ms`;
		this.log.add('server-down', { reason, durationMs: durationMs ?? null });
		this.logger.info(`not accepting connections ${until} (${reason})`);
	}

	/** Accepts connections again and marks the moment with a `server-up` log event. */
	comeBack(): void {
		clearTimeout(this.#upTimer);
		if (this.#downUntil === null) return;
		this.#downUntil = null;
		this.log.add('server-up', {});
		this.logger.info('accepting connections again');
	}

	startBlackHole(scope: BlackHoleScope): void {
		this.#blackHole = { ...scope };
		this.log.add('black-hole', { http: scope.http });
		this.logger.info(`black hole on (${scope.http ? 'sockets and HTTP' : 'open sockets only'})`);
	}

	liftBlackHole(): void {
		if (this.#blackHole === null) return;
		this.#blackHole = null;
		for (const wake of this.#waiters) wake();
		this.#waiters.clear();
		this.log.add('black-hole-lifted', {});
		this.logger.info('black hole lifted');
	}

	/**
	 * Decides whether a client connection may reach the server now. During downtime it resets the
	 * connection and returns false. In an HTTP black hole it waits until the hole is lifted, then
	 * returns whether the client is still there.
	 */
	async admit(socket: Duplex, request: GateRequest): Promise<boolean> {
		if (this.#blackHole?.http) {
			this.log.add('held', { ...request });
			await new Promise<void>((resolve) => this.#waiters.add(resolve));
		}
		if (this.isDown) {
			this.log.add('refused', { ...request });
			resetConnection(socket);
			return false;
		}
		return !socket.destroyed;
	}

	/** Returns true when this handshake is to be accepted but left unbound, and counts it. */
	takeUnboundSocket(): boolean {
		if (this.unboundSocketsLeft <= 0) return false;
		this.unboundSocketsLeft -= 1;
		return true;
	}

	/** Returns the status to fail this request with, and counts it, or undefined to serve it. */
	takeFailure(path: string): number | undefined {
		const key = path.toLowerCase();
		const failure = this.failingPaths.get(key);
		if (failure === undefined) return undefined;
		failure.count -= 1;
		if (failure.count <= 0) this.failingPaths.delete(key);
		return failure.status;
	}

	/** Ends every fault: back up, black hole lifted, no session limits, sockets bound. */
	reset(): void {
		this.comeBack();
		this.liftBlackHole();
		this.maxActiveSessions.clear();
		this.unboundSocketsLeft = 0;
		this.failingPaths.clear();
	}
}

/** Closes a TCP connection with RST, which the client sees as it does a closed port. */
function resetConnection(socket: Duplex): void {
	const tcp = socket as Partial<Socket>;
	if (typeof tcp.resetAndDestroy === 'function') tcp.resetAndDestroy();
	else socket.destroy();
}
