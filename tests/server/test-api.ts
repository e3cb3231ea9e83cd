import { sendJson, sendNoContent } from './core/http.ts';
import { queryInteger } from './core/query-input.ts';
import { testRoute, type RequestContext, type Route } from './core/router.ts';
import { allItems } from './library/catalog.ts';
import { DEMO_ITEM_IDS } from './library/demo-items.ts';
import { createFaultRoutes } from './faults/fault-routes.ts';
import { commandSocket } from './sessions/messaging.ts';
import { toSessionDto } from './sessions/session-dto.ts';
import { createMessageTestRoutes } from './test-messages.ts';
import type { SocketConnection } from './socket/connection.ts';
import type { SocketServer } from './socket/socket-server.ts';

function describeSocket(connection: SocketConnection) {
	return {
		id: connection.id,
		path: connection.path,
		deviceIdQuery: connection.deviceIdQuery ?? null,
		open: connection.isOpen,
		watched: connection.watched,
		openedAt: connection.openedAt,
		lastActivityAt: connection.lastActivityAt,
		lastKeepAliveAt: connection.lastKeepAliveAt
	};
}

/** Handles `GET /__test/sessions`: lists every session DTO with its sockets. */
function listSessions(ctx: RequestContext, sockets: SocketServer): void {
	const summaries = ctx.state.sessions.list().map((session) => {
		const connections = sockets.connectionsOf(session.id);
		const open = connections.filter((connection) => connection.isOpen);
		const lastKeepAliveAt = Math.max(0, ...open.map((connection) => connection.lastKeepAliveAt));
		return {
			session: toSessionDto(session, ctx.state.serverId),
			openSocketCount: open.length,
			lastKeepAliveAt: lastKeepAliveAt || null,
			sockets: connections.map(describeSocket)
		};
	});
	sendJson(ctx.res, 200, summaries);
}

/** Sends the body verbatim as one text frame to the session's command socket. */
function sendRaw(ctx: RequestContext): void {
	const session = ctx.state.sessions.findById(ctx.params.sessionId ?? '');
	const target = session === undefined ? undefined : commandSocket(session);
	if (target === undefined) {
		sendJson(ctx.res, 404, { error: 'No open socket for that session id.' });
		return;
	}
	target.send(ctx.bodyText);
	sendNoContent(ctx.res);
}

/** Closes the session's sockets from the server side; code 1006 aborts without a close frame. */
function closeSockets(ctx: RequestContext, sockets: SocketServer): void {
	const connections = sockets.connectionsOf(ctx.params.sessionId ?? '');
	if (connections.length === 0) {
		sendJson(ctx.res, 404, { error: 'No socket for that session id.' });
		return;
	}
	const code = queryInteger(ctx.query, 'code') ?? 1000;
	for (const connection of connections) connection.close(code, ctx.query.get('reason') ?? '');
	sendNoContent(ctx.res);
}

function describeLibrary(ctx: RequestContext): void {
	const items = allItems().map((item) => ({
		id: item.id,
		name: item.name,
		type: item.type,
		parentId: item.parentId ?? null,
		runTimeTicks: item.runTimeTicks ?? null
	}));
	sendJson(ctx.res, 200, { ids: DEMO_ITEM_IDS, items });
}

function readLog(ctx: RequestContext): void {
	sendJson(ctx.res, 200, ctx.state.log.since(queryInteger(ctx.query, 'since') ?? 0));
}

function resetLog(ctx: RequestContext): void {
	ctx.state.log.clear();
	sendNoContent(ctx.res);
}

/**
 * Returns the routes of the `/__test/` API, which Playwright tests use to observe the server and
 * inject frames. The app never calls it. It needs no token and its requests are not logged.
 */
/** Expires every pending Quick Connect request at once, as ten minutes without approval do. */
function expireQuickConnect(ctx: RequestContext): void {
	ctx.state.quickConnect.clear();
	sendNoContent(ctx.res);
}

export function createTestRoutes(sockets: SocketServer): Route[] {
	const route = testRoute;
	return [
		route('GET', '/log', readLog),
		route('POST', '/reset-log', resetLog),
		route('GET', '/sessions', (ctx) => listSessions(ctx, sockets)),
		route('POST', '/sessions/{sessionId}/raw', sendRaw),
		route('POST', '/sessions/{sessionId}/close', (ctx) => closeSockets(ctx, sockets)),
		route('GET', '/library', describeLibrary),
		route('POST', '/quick-connect/expire', expireQuickConnect),
		...createMessageTestRoutes(),
		...createFaultRoutes(sockets)
	];
}
