import { sendJson, sendNoContent } from './core/http.ts';
import { testRoute, type RequestContext, type Route } from './core/router.ts';
import { MODE_FACTS } from './modes/server-mode.ts';
import { systemInfo } from './routes/system.ts';
import { sendToSession, sendToSessions } from './sessions/messaging.ts';

/** Handles `GET /__test/mode`: the imitated server and where its API and socket live. */
function describeMode(ctx: RequestContext): void {
	const { state } = ctx;
	const { mode } = state.options;
	const facts = MODE_FACTS[mode];
	sendJson(ctx.res, 200, {
		mode,
		version: facts.version,
		apiPrefix: facts.apiPrefix,
		socketPath: facts.socketPath,
		socketPort: mode === 'mediabrowser' ? state.legacySocketPort : state.port
	});
}

/**
 * Handles `POST /__test/sessions/{id}/send?type=NAME`: sends one server message to the session's
 * command socket in the mode's envelope style, with the JSON body as Data (no body, no Data).
 */
function sendMessage(ctx: RequestContext): void {
	const type = ctx.query.get('type');
	if (!type) {
		sendJson(ctx.res, 400, { error: 'Missing type: pass the MessageType as ?type=.' });
		return;
	}
	let data: unknown;
	try {
		data = ctx.bodyText.trim() === '' ? undefined : JSON.parse(ctx.bodyText);
	} catch {
		sendJson(ctx.res, 400, { error: 'Invalid body: expected JSON, which is sent as Data.' });
		return;
	}
	const session = ctx.state.sessions.findById(ctx.params.sessionId ?? '');
	if (session === undefined || !sendToSession(session, type, data)) {
		sendJson(ctx.res, 404, { error: 'No open socket for that session id.' });
		return;
	}
	sendNoContent(ctx.res);
}

/**
 * Handles `POST /__test/restart-required`: marks a restart as pending (`HasPendingRestart`) and
 * sends RestartRequired to every session. Jellyfin and Emby send Data "", MediaBrowser 3 sent the
 * whole SystemInfo.
 */
function requireRestart(ctx: RequestContext): void {
	const { state } = ctx;
	state.pendingRestart = true;
	const data = state.options.mode === 'mediabrowser' ? systemInfo(state) : '';
	sendToSessions(state.sessions.list(), 'RestartRequired', data);
	state.log.add('restart-required', {});
	sendNoContent(ctx.res);
}

/** Returns the `/__test/` routes that describe the mode and push server messages. */
export function createMessageTestRoutes(): Route[] {
	const route = testRoute;
	return [
		route('GET', '/mode', describeMode),
		route('POST', '/sessions/{sessionId}/send', sendMessage),
		route('POST', '/restart-required', requireRestart)
	];
}
