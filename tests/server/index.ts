import { createServer, type Server } from 'node:http';

import { Router } from './core/router.ts';
import { createRequestListener } from './http-server.ts';
import { resolveOptions, type ServerOptions } from './options.ts';
import { checkInRoutes } from './routes/checkins.ts';
import { commandRoutes } from './routes/commands.ts';
import { imageRoutes } from './routes/images.ts';
import { itemRoutes } from './routes/items.ts';
import { playbackInfoRoutes } from './routes/playback-info.ts';
import { quickConnectRoutes } from './routes/quick-connect.ts';
import { remotePageRoutes } from './routes/remote-page.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { streamRoutes } from './routes/streams.ts';
import { systemRoutes } from './routes/system.ts';
import { userRoutes } from './routes/users.ts';
import { startIdlePlaybackCheck } from './sessions/idle-check.ts';
import { sendToSessions } from './sessions/messaging.ts';
import { SocketServer } from './socket/socket-server.ts';
import { createState, type ServerState } from './state.ts';
import { createTestRoutes } from './test-api.ts';

export type { ServerOptions } from './options.ts';
export { DEMO_USERS } from './auth/users.ts';
export { DEMO_ITEM_IDS } from './library/demo-items.ts';
export { sessionIdFor } from './sessions/session-store.ts';

export interface RunningServer {
	/** Base URL, e.g. `http://127.0.0.1:8096` (no trailing slash). */
	url: string;
	port: number;
	serverId: string;
	/** Sends ServerShuttingDown to every session, closes all sockets and stops listening. */
	close(): Promise<void>;
}

function createRouters(sockets: SocketServer): { api: Router; test: Router } {
	const api = new Router();
	api.add(
		...systemRoutes,
		...userRoutes,
		...quickConnectRoutes,
		...sessionRoutes,
		...commandRoutes,
		...checkInRoutes,
		...itemRoutes,
		...playbackInfoRoutes,
		...streamRoutes,
		...imageRoutes,
		...remotePageRoutes
	);
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

async function shutdown(state: ServerState, server: Server, sockets: SocketServer): Promise<void> {
	sendToSessions(state.sessions.list(), 'ServerShuttingDown', '');
	sockets.closeAll();
	await sockets.waitUntilClosed(1000);
	sockets.stop();
	state.userDataNotifier.dispose();
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	state.logger.info('stopped');
}

/**
 * Starts a Jellyfin 10.11-compatible test server on 127.0.0.1. With `port: 0` (the default)
 * the system picks a free port, which the returned object reports.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const state = createState(resolveOptions(options));
	const sockets = new SocketServer(state);
	const routers = createRouters(sockets);
	const server = createServer(createRequestListener(state, routers.api, routers.test));
	server.on('upgrade', (req, socket, head) => sockets.handleUpgrade(req, socket, head));
	state.port = await listen(server, state.options.port);
	const stopIdleCheck = startIdlePlaybackCheck(state);
	const url = `http://127.0.0.1:${state.port}`;
	state.logger.info(`listening on ${url}`);
	return {
		url,
		port: state.port,
		serverId: state.serverId,
		close: async () => {
			stopIdleCheck();
			await shutdown(state, server, sockets);
		}
	};
}
