import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import { queryForLog } from '../core/query.ts';
import { isJellyfinMode, MODE_FACTS } from '../modes/server-mode.ts';
import { SHUTDOWN_CLOSE } from '../sessions/lifecycle.ts';
import type { ServerState } from '../state.ts';
import { createConnection, type AcceptDecision, type AcceptedSocket } from './accept.ts';
import type { MessageStyle, SocketConnection } from './connection.ts';
import { handleClientFrame } from './frames.ts';
import {
	decideHandshake,
	rejectHandshake,
	type HandshakeDecision,
	type SocketListener
} from './handshake.ts';
import { KeepAliveWatchdog, sendForceKeepAlive } from './keep-alive.ts';
import { StaleSocketMonitor } from './stale-sockets.ts';

/**
 * Accepts WebSocket upgrades by the mode's rules (see decideHandshake) and keeps the connections.
 * Jellyfin sockets get ForceKeepAlive and the keep-alive watchdog; Emby sockets the idle rule;
 * MediaBrowser sockets wait for their Identity message.
 */
export class SocketServer {
	private readonly wss = new WebSocketServer({ noServer: true });
	private readonly connections = new Set<SocketConnection>();
	private readonly unbound = new Set<WebSocket>();
	private readonly watchdog: KeepAliveWatchdog;
	private readonly staleMonitor: StaleSocketMonitor;
	private readonly style: MessageStyle;

	constructor(private readonly state: ServerState) {
		this.watchdog = new KeepAliveWatchdog(state);
		this.staleMonitor = new StaleSocketMonitor(state.options.embyIdleSocketSeconds * 1000);
		const ids = state.embyItemIds;
		this.style = {
			messageIds: MODE_FACTS[state.options.mode].messageIds,
			rewrite: ids === undefined ? undefined : (text) => ids.rewriteText(text)
		};
	}

	/** Passes the handshake through the fault gate (downtime, black hole) before handling it. */
	handleUpgrade(
		req: IncomingMessage,
		socket: Duplex,
		head: Buffer,
		listener: SocketListener = 'http'
	): void {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		void this.state.faults.admit(socket, { method: 'UPGRADE', path }).then((admitted) => {
			if (admitted) this.upgrade(req, socket, head, listener);
		});
	}

	private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, listener: SocketListener) {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const decision = this.failedHandshake(url) ?? decideHandshake(this.state, req, url, listener);
		if (decision.kind === 'reject') {
			const { status, reason } = decision;
			this.state.log.add('ws-rejected', { status, reason, path: url.pathname });
			this.state.logger.warn(`socket rejected on ${url.pathname}: ${reason}`);
			rejectHandshake(socket, status);
			return;
		}
		if (decision.kind === 'session' && this.state.faults.takeUnboundSocket()) {
			this.wss.handleUpgrade(req, socket, head, (ws) => this.holdUnbound(ws, url));
			return;
		}
		this.wss.handleUpgrade(req, socket, head, (ws) =>
			this.accept({ ws, req, url, tcp: socket }, decision)
		);
	}

	/** Returns the rejection `/__test/fail-requests` set for this path: 400 and 404 as requested, any other status as 403. */
	private failedHandshake(url: URL): HandshakeDecision | undefined {
		const failure = this.state.faults.takeFailure(url.pathname);
		if (failure === undefined) return undefined;
		const status = failure === 400 || failure === 404 ? failure : 403;
		return { kind: 'reject', status, reason: 'Failed on request (/__test/fail-requests)' };
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
		return [...this.connections].filter((connection) => connection.session?.id === sessionId);
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
		this.staleMonitor.stop();
		for (const connection of this.connections) connection.ws.terminate();
		for (const ws of this.unbound) ws.terminate();
		this.wss.close();
	}

	private accept(accepted: AcceptedSocket, decision: AcceptDecision): void {
		const connection = createConnection(this.state, this.style, accepted, decision);
		if (connection === undefined) return;
		const { session } = connection;
		this.connections.add(connection);
		if (session !== undefined) {
			session.hasSocketController = true;
			session.sockets.add(connection);
		}
		this.listen(connection);
		this.state.log.add('ws-open', {
			sessionId: session?.id,
			socketId: connection.id,
			deviceId: decision.kind === 'session' ? decision.deviceId : undefined,
			path: connection.path,
			query: queryForLog(accepted.url.searchParams)
		});
		this.state.logger.info(`socket ${connection.id} opened for session ${session?.id ?? '-'}`);
		this.startWatching(connection);
	}

	/** Starts the mode's checks: Jellyfin's keep-alive watchdog, or Emby's idle rule. */
	private startWatching(connection: SocketConnection): void {
		const { mode } = this.state.options;
		if (isJellyfinMode(mode)) {
			this.watchdog.watch(connection);
			sendForceKeepAlive(this.state, connection);
		} else if (mode === 'emby') this.staleMonitor.watch(connection);
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
		this.staleMonitor.unwatch(connection);
		const session = connection.session;
		session?.sockets.delete(connection);
		const by = connection.closedByServer ? 'server' : 'client';
		const sessionId = session?.id;
		this.state.log.add('ws-close', { sessionId, socketId: connection.id, code, reason, by });
		this.state.logger.info(`socket ${connection.id} closed by ${by} (${code} ${reason})`);
		if (session !== undefined && this.state.sessions.removeIfNoOpenSocket(session)) {
			session.progress = undefined;
			this.state.logger.info(`session ended ${session.id} (last socket closed)`);
		}
	}
}
