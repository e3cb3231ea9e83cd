import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import { authenticateRequest, credentialProblem, type AuthInfo } from '../auth/authenticate.ts';
import { ERROR_TEXT, normalizeAddress } from '../core/http.ts';
import { QueryParams, queryForLog } from '../core/query.ts';
import { SHUTDOWN_CLOSE } from '../sessions/lifecycle.ts';
import type { ServerState } from '../state.ts';
import { SocketConnection } from './connection.ts';
import { handleClientFrame } from './frames.ts';
import { KeepAliveWatchdog, sendForceKeepAlive } from './keep-alive.ts';

/** Writes the 403 of a rejected handshake on the raw socket, before any upgrade, as Jellyfin does. */
function rejectHandshake(socket: Duplex, status: number, statusText: string): void {
	const body = Buffer.from(ERROR_TEXT, 'utf8');
	socket.once('finish', () => socket.destroy());
	socket.end(
		`HTTP/1.1 ${status} ${statusText}\r\nContent-Type: text/plain\r\n` +
			`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${ERROR_TEXT}`
	);
}

/**
 * Accepts WebSocket upgrades on any path, as Jellyfin does, though clients use `/socket`. The token
 * comes from the usual sources (for browsers the `ApiKey` or `api_key` query), and without a valid
 * one the handshake gets a 403. The socket joins the session of the token's Client + DeviceId.
 */
export class SocketServer {
	private readonly wss = new WebSocketServer({ noServer: true });
	private readonly connections = new Set<SocketConnection>();
	private readonly unbound = new Set<WebSocket>();
	private readonly watchdog: KeepAliveWatchdog;

	constructor(private readonly state: ServerState) {
		this.watchdog = new KeepAliveWatchdog(state);
	}

	/** Passes the handshake through the fault gate (downtime, black hole) before handling it. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		void this.state.faults.admit(socket, { method: 'UPGRADE', path }).then((admitted) => {
			if (admitted) this.upgrade(req, socket, head);
		});
	}

	private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const auth = authenticateRequest(this.state, req.headers, new QueryParams(url.searchParams));
		const problem = credentialProblem(auth);
		if (problem !== undefined) {
			this.state.log.add('ws-rejected', { status: 403, reason: problem, path: url.pathname });
			this.state.logger.warn(`socket rejected on ${url.pathname}: ${problem}`);
			rejectHandshake(socket, 403, 'Forbidden');
			return;
		}
		if (this.state.faults.takeUnboundSocket()) {
			this.wss.handleUpgrade(req, socket, head, (ws) => this.holdUnbound(ws, url));
			return;
		}
		this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, req, auth, url, socket));
	}

	/**
	 * Keeps an accepted socket that no session owns, as a server does when it cannot tell the
	 * socket's session: it sends nothing, replies to nothing and delivers no commands.
	 */
	private holdUnbound(ws: WebSocket, url: URL): void {
		this.unbound.add(ws);
		this.state.log.add('ws-unbound', { path: url.pathname });
		this.state.logger.warn(`socket on ${url.pathname} accepted but bound to no session`);
		ws.on('close', () => this.unbound.delete(ws));
		ws.on('error', () => {});
	}

	/** Black-holes every open socket (see SocketConnection.blackHole). */
	blackHoleAll(): void {
		for (const connection of this.connections) connection.blackHole();
	}

	/** Lets traffic through every black-holed socket again. */
	restoreAll(): void {
		for (const connection of this.connections) connection.restore();
	}

	connectionsOf(sessionId: string): SocketConnection[] {
		return [...this.connections].filter((connection) => connection.session.id === sessionId);
	}

	/** Closes every socket, e.g. when the server stops. */
	closeAll(code: number = SHUTDOWN_CLOSE.code, reason: string = SHUTDOWN_CLOSE.reason): void {
		for (const connection of this.connections) connection.close(code, reason);
		for (const ws of this.unbound) {
			if (code === 1006) ws.terminate();
			else ws.close(code, reason);
		}
	}

	/** Resolves once every socket has closed, or after `timeoutMs`. */
	async waitUntilClosed(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (this.connections.size > 0 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	stop(): void {
		this.watchdog.stop();
		for (const connection of this.connections) connection.ws.terminate();
		for (const ws of this.unbound) ws.terminate();
		this.wss.close();
	}

	/** Returns the socket's session, or closes the socket when none can be made (no DeviceId). */
	private sessionFor(ws: WebSocket, req: IncomingMessage, auth: AuthInfo, url: URL) {
		try {
			return this.state.sessions.logActivity({
				client: auth.client,
				version: auth.version,
				deviceId: auth.deviceId,
				deviceName: auth.device,
				remoteEndPoint: normalizeAddress(req.socket.remoteAddress),
				user: auth.user
			});
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.state.logger.warn(`socket on ${url.pathname} closed: no session (${message})`);
			ws.close(SHUTDOWN_CLOSE.code, SHUTDOWN_CLOSE.reason);
			return undefined;
		}
	}

	private attach(ws: WebSocket, req: IncomingMessage, auth: AuthInfo, url: URL, tcp: Duplex): void {
		const session = this.sessionFor(ws, req, auth, url);
		if (session === undefined) return;
		const deviceIdQuery = new QueryParams(url.searchParams).get('deviceId');
		const connection = new SocketConnection(
			ws,
			session,
			url.pathname,
			deviceIdQuery,
			this.state.log,
			tcp
		);
		this.connections.add(connection);
		session.hasSocketController = true;
		session.sockets.add(connection);
		this.listen(connection);

		this.state.log.add('ws-open', {
			sessionId: session.id,
			socketId: connection.id,
			deviceId: auth.deviceId,
			path: url.pathname,
			query: queryForLog(url.searchParams)
		});
		this.state.logger.info(`socket ${connection.id} opened for session ${session.id}`);
		this.watchdog.watch(connection);
		sendForceKeepAlive(this.state, connection);
	}

	private listen(connection: SocketConnection): void {
		const { ws } = connection;
		ws.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
		ws.on('close', (code, reason) => this.closed(connection, code, reason.toString('utf8')));
		ws.on('error', (error) => {
			this.state.logger.warn(`socket ${connection.id} error: ${error.message}`);
		});
	}

	private receive(connection: SocketConnection, data: RawData, isBinary: boolean): void {
		const buffers = Array.isArray(data) ? data : [Buffer.from(data as Buffer)];
		handleClientFrame(this.state, connection, Buffer.concat(buffers).toString('utf8'), isBinary);
	}

	private closed(connection: SocketConnection, code: number, reason: string): void {
		this.connections.delete(connection);
		this.watchdog.unwatch(connection);
		const session = connection.session;
		session.sockets.delete(connection);
		const by = connection.closedByServer ? 'server' : 'client';
		this.state.log.add('ws-close', {
			sessionId: session.id,
			socketId: connection.id,
			code,
			reason,
			by
		});
		this.state.logger.info(`socket ${connection.id} closed by ${by} (${code} ${reason})`);
		if (this.state.sessions.removeIfNoOpenSocket(session)) {
			session.progress = undefined;
			this.state.logger.info(`session ended ${session.id} (last socket closed)`);
		}
	}
}
