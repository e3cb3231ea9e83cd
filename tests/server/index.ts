import { createServer, type Server } from 'node:http';

import { Router } from './core/router.ts';
import { createRequestListener } from './http-server.ts';
import { embyDemoItemIds } from './library/emby-item-ids.ts';
import { DEMO_ITEM_IDS } from './library/demo-items.ts';
import { MODE_FACTS, type ServerMode } from './modes/server-mode.ts';
import { resolveOptions, type ServerOptions } from './options.ts';
import { apiRoutesFor } from './routes/mode-routes.ts';
import { startIdlePlaybackCheck } from './sessions/idle-check.ts';
import { sendToSessions } from './sessions/messaging.ts';
import { SocketServer } from './socket/socket-server.ts';
import { createState, type ServerState } from './state.ts';
import { createTestRoutes } from './test-api.ts';

export type { ServerOptions } from './options.ts';
export type { ServerMode } from './modes/server-mode.ts';
export { SERVER_MODES } from './modes/server-mode.ts';
export { DEMO_USERS } from './auth/users.ts';
export { DEMO_ITEM_IDS } from './library/demo-items.ts';
export { sessionIdFor } from './sessions/session-store.ts';

export interface RunningServer {
	/** Base URL, e.g. `http://127.0.0.1:8096` (no trailing slash). The control API is under it. */
	url: string;
	/** Where the API lives: `url` plus the mode's prefix (`/emby`, `/mediabrowser` or nothing). */
	apiUrl: string;
	port: number;
	serverId: string;
	mode: ServerMode;
	/** `DEMO_ITEM_IDS` as this mode's clients see them (decimal strings in Emby mode). */
	itemIds: typeof DEMO_ITEM_IDS;
	/** MediaBrowser mode: the port of the separate WebSocket server; undefined in other modes. */
	legacySocketPort?: number;
	/** Sends ServerShuttingDown to every session, closes all sockets and stops listening. */
	close(): Promise<void>;
}

function createRouters(mode: ServerMode, sockets: SocketServer): { api: Router; test: Router } {
	const api = new Router();
	api.add(...apiRoutesFor(mode));
	const test = new Router();
	test.add(...createTestRoutes(sockets));
	return { api, test };
}

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			resolve(typeof address === 'object' && address !== null ? address.port : port);
		});
	});
}

/**
 * Starts MediaBrowser 3's separate WebSocket server: it responds to every plain HTTP request with 404
 * and hands upgrades to the socket server.
 */
async function startLegacySocketServer(state: ServerState, sockets: SocketServer) {
	const server = createServer((_req, res) => res.writeHead(404, { 'Content-Length': 0 }).end());
	server.on('upgrade', (req, socket, head) => sockets.handleUpgrade(req, socket, head, 'legacy'));
	state.legacySocketPort = await listen(server, state.options.legacySocketPort);
	state.logger.info(`MediaBrowser socket server listening on port ${state.legacySocketPort}`);
	return server;
}

async function closeServer(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function shutdown(state: ServerState, servers: Server[], sockets: SocketServer) {
	sendToSessions(state.sessions.list(), 'ServerShuttingDown', '');
	sockets.closeAll();
	await sockets.waitUntilClosed(1000);
	sockets.stop();
	state.userDataNotifier.dispose();
	await Promise.all(servers.map(closeServer));
	state.logger.info('stopped');
}

const KESTREL_KEEP_ALIVE_MS = 130_000;

/**
 * Starts a test server on 127.0.0.1 that imitates the server of `options.mode` (Jellyfin 10.11
 * by default). With `port: 0` (the default) the system picks a free port, which the returned
 * object reports.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const state = createState(resolveOptions(options));
	const { mode } = state.options;
	const sockets = new SocketServer(state);
	const routers = createRouters(mode, sockets);
	const server = createServer(createRequestListener(state, routers.api, routers.test));
	// Kestrel, Jellyfin's web server, keeps an idle connection for 130 s; Node's default is 5 s.
	server.keepAliveTimeout = KESTREL_KEEP_ALIVE_MS;
	server.on('upgrade', (req, socket, head) => sockets.handleUpgrade(req, socket, head));
	state.port = await listen(server, state.options.port);
	const servers = [server];
	if (mode === 'mediabrowser') {
		try {
			servers.push(await startLegacySocketServer(state, sockets));
		} catch (error) {
			await closeServer(server);
			throw error;
		}
	}
	const stopIdleCheck = startIdlePlaybackCheck(state);
	const url = `http://127.0.0.1:${state.port}`;
	state.logger.info(`listening on ${url} as ${mode}`);
	return {
		url,
		apiUrl: `${url}${MODE_FACTS[mode].apiPrefix}`,
		port: state.port,
		serverId: state.serverId,
		mode,
		itemIds: mode === 'emby' ? embyDemoItemIds() : DEMO_ITEM_IDS,
		legacySocketPort: mode === 'mediabrowser' ? state.legacySocketPort : undefined,
		close: async () => {
			stopIdleCheck();
			await shutdown(state, servers, sockets);
		}
	};
}
