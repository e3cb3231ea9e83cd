import { findUserByName } from '../auth/users.ts';
import { sendJson, sendNoContent } from '../core/http.ts';
import { isObject, parseJsonBody } from '../core/json-input.ts';
import { queryInteger } from '../core/query-input.ts';
import { testRoute, type RequestContext, type Route } from '../core/router.ts';
import { logoutDevice } from '../sessions/lifecycle.ts';
import { sendToSessions } from '../sessions/messaging.ts';
import type { SocketServer } from '../socket/socket-server.ts';

interface StopStyle {
	/** The message every session gets first, or none for a crash. */
	notice?: 'ServerRestarting' | 'ServerShuttingDown';
	/** Abort the sockets without a close frame (1006), as a crash does. */
	abort: boolean;
	/** Downtime when the request names none: undefined means until `/__test/start`. */
	defaultDownMs: number | undefined;
}

/**
 * Stops the imitated server process: sends the notice, stops accepting connections, closes every
 * socket and drops sessions, posted capabilities, Quick Connect requests and a pending restart
 * (`/__test/restart-required`). Tokens survive, because the real server keeps them in its
 * database. `downMs=0` skips the downtime.
 */
function stopServer(ctx: RequestContext, sockets: SocketServer, style: StopStyle): void {
	const { state } = ctx;
	const downMs = queryInteger(ctx.query, 'downMs') ?? style.defaultDownMs;
	if (style.notice) sendToSessions(state.sessions.list(), style.notice, '');
	// Down before the sockets close, so a client that reconnects at once finds the server gone.
	if (downMs !== 0) state.faults.goDown(style.notice ?? 'crash', downMs);
	if (style.abort) sockets.closeAll(1006, '');
	else sockets.closeAll();
	state.sessions.clear();
	state.quickConnect.clear();
	state.pendingRestart = false;
	state.logger.info(`simulated ${style.notice ?? 'crash'}`);
	sendNoContent(ctx.res);
}

function startBlackHole(ctx: RequestContext, sockets: SocketServer): void {
	ctx.state.faults.startBlackHole({ http: ctx.query.get('http') === 'true' });
	sockets.blackHoleAll();
	sendNoContent(ctx.res);
}

function liftBlackHole(ctx: RequestContext, sockets: SocketServer): void {
	ctx.state.faults.liftBlackHole();
	sockets.restoreAll();
	sendNoContent(ctx.res);
}

/** Deletes every token of a DeviceId, as `DELETE /Devices?id=` does, which ends its sessions. */
function revokeDevice(ctx: RequestContext): void {
	const { state } = ctx;
	const deviceId = ctx.params.deviceId ?? '';
	const records = state.users.flatMap((user) =>
		state.devices.findByUserAndDevice(user.id, deviceId)
	);
	if (records.length === 0) {
		sendJson(ctx.res, 404, { error: `No token for DeviceId ${deviceId}.` });
		return;
	}
	for (const record of records) logoutDevice(state, record);
	state.log.add('tokens-revoked', { deviceId, count: records.length });
	sendNoContent(ctx.res);
}

/**
 * Removes a session and the capabilities of its DeviceId while its sockets stay open, so that the
 * device drops out of `GET /Sessions` although the server still replies to its keep-alives.
 */
function forgetSession(ctx: RequestContext): void {
	const { state } = ctx;
	const session = state.sessions.findById(ctx.params.sessionId ?? '');
	if (session === undefined) {
		sendJson(ctx.res, 404, { error: 'No session with that id.' });
		return;
	}
	state.sessions.reportCapabilities(session, state.sessions.initialCapabilities());
	state.sessions.remove(session);
	session.progress = undefined;
	state.log.add('session-forgotten', { sessionId: session.id, deviceId: session.deviceId });
	sendNoContent(ctx.res);
}

function setUnboundSockets(ctx: RequestContext): void {
	ctx.state.faults.unboundSocketsLeft = queryInteger(ctx.query, 'count') ?? 1;
	sendNoContent(ctx.res);
}

/** Sets a user's session limit, or removes it with `count=0`. */
function setMaxSessions(ctx: RequestContext): void {
	const user = findUserByName(ctx.state.users, ctx.params.name ?? '');
	if (user === undefined) {
		sendJson(ctx.res, 404, { error: `No user named ${ctx.params.name}.` });
		return;
	}
	const count = queryInteger(ctx.query, 'count') ?? 0;
	if (count > 0) ctx.state.faults.maxActiveSessions.set(user.id, count);
	else ctx.state.faults.maxActiveSessions.delete(user.id);
	sendNoContent(ctx.res);
}

/** Makes the next `count` requests to `path` fail with `status` (default 503, once). */
function failRequests(ctx: RequestContext): void {
	const path = ctx.query.get('path') ?? '';
	if (!path.startsWith('/')) {
		sendJson(ctx.res, 400, { error: `Invalid path "${path}": expected one starting with /.` });
		return;
	}
	const status = queryInteger(ctx.query, 'status') ?? 503;
	const count = queryInteger(ctx.query, 'count') ?? 1;
	ctx.state.faults.failingPaths.set(path.toLowerCase(), { status, count });
	sendNoContent(ctx.res);
}

/** Changes `legacyAuthorization` and `closeLostSockets` at run time and returns both. */
function setOptions(ctx: RequestContext): void {
	const { options } = ctx.state;
	const body = ctx.bodyText === '' ? {} : parseJsonBody(ctx.bodyText);
	if (isObject(body) && typeof body.legacyAuthorization === 'boolean') {
		options.legacyAuthorization = body.legacyAuthorization;
	}
	if (isObject(body) && typeof body.closeLostSockets === 'boolean') {
		options.closeLostSockets = body.closeLostSockets;
	}
	const { legacyAuthorization, closeLostSockets } = options;
	ctx.state.logger.info(
		`options: legacyAuthorization ${legacyAuthorization}, closeLostSockets ${closeLostSockets}`
	);
	sendJson(ctx.res, 200, { legacyAuthorization, closeLostSockets });
}

/** Ends every fault and restores the options the server started with. */
function resetFaults(ctx: RequestContext, sockets: SocketServer): void {
	const { state } = ctx;
	state.faults.reset();
	sockets.restoreAll();
	state.options.legacyAuthorization = state.startOptions.legacyAuthorization;
	state.options.closeLostSockets = state.startOptions.closeLostSockets;
	sendNoContent(ctx.res);
}

/** Returns the `/__test/` routes that inject faults, which the test server's README lists. */
export function createFaultRoutes(sockets: SocketServer): Route[] {
	const post = (pattern: string, handler: Route['handler']): Route =>
		testRoute('POST', pattern, handler);
	const restart: StopStyle = { notice: 'ServerRestarting', abort: false, defaultDownMs: 0 };
	const shutdown: StopStyle = {
		notice: 'ServerShuttingDown',
		abort: false,
		defaultDownMs: undefined
	};
	const crash: StopStyle = { abort: true, defaultDownMs: undefined };
	return [
		post('/restart', (ctx) => stopServer(ctx, sockets, restart)),
		post('/shutdown', (ctx) => stopServer(ctx, sockets, shutdown)),
		post('/crash', (ctx) => stopServer(ctx, sockets, crash)),
		post('/start', (ctx) => {
			ctx.state.faults.comeBack();
			sendNoContent(ctx.res);
		}),
		post('/black-hole', (ctx) => startBlackHole(ctx, sockets)),
		post('/black-hole/lift', (ctx) => liftBlackHole(ctx, sockets)),
		post('/devices/{deviceId}/revoke', revokeDevice),
		post('/sessions/{sessionId}/forget', forgetSession),
		post('/unbound-sockets', setUnboundSockets),
		post('/users/{name}/max-sessions', setMaxSessions),
		post('/fail-requests', failRequests),
		post('/options', setOptions),
		post('/faults/reset', (ctx) => resetFaults(ctx, sockets))
	];
}
