import type { IncomingMessage, ServerResponse } from 'node:http';

import { authenticateRequest, credentialProblem, type AuthInfo } from './auth/authenticate.ts';
import { ApiError, AuthenticationRequiredError, ValidationError } from './core/errors.ts';
import {
	applyCors,
	normalizeAddress,
	readBodyText,
	rewriteJsonOf,
	sendErrorText,
	sendProblem
} from './core/http.ts';
import { QueryParams, queryForLog } from './core/query.ts';
import type { RequestContext, Router } from './core/router.ts';
import { enforceInjectedFailure, enforceSessionLimit } from './faults/request-faults.ts';
import { apiPathFor } from './modes/api-path.ts';
import { translateRequestItemIds } from './modes/emby-request-ids.ts';
import type { ServerState } from './state.ts';

function bodyForLog(text: string): unknown {
	if (text === '') return undefined;
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
		const copy: Record<string, unknown> = { ...value };
		for (const key of Object.keys(copy)) {
			if (/^(pw|password)$/i.test(key)) copy[key] = '[password]';
		}
		return copy;
	} catch {
		return text;
	}
}

/**
 * `receivedHrTime` is when the request arrived, on the clock of the log's `hrTime`, and
 * `bodyText` is the body as the client sent it.
 */
function recordRequest(
	ctx: RequestContext,
	url: URL,
	receivedHrTime: number,
	bodyText: string
): void {
	const { auth, state } = ctx;
	const key = (auth.client ?? '') + (auth.deviceId ?? '');
	const session = state.sessions.list().find((candidate) => candidate.key === key);
	state.log.add('http', {
		receivedHrTime,
		method: ctx.method,
		path: url.pathname,
		query: queryForLog(url.searchParams),
		body: bodyForLog(bodyText),
		status: ctx.res.statusCode,
		deviceId: auth.deviceId,
		client: auth.client,
		sessionId: session?.id
	});
}

function writeError(ctx: RequestContext, error: unknown): void {
	const { res, state } = ctx;
	if (res.headersSent) {
		res.destroy();
		return;
	}
	if (error instanceof ValidationError) {
		sendProblem(res, error.field, error.message);
	} else if (error instanceof AuthenticationRequiredError) {
		res.writeHead(401, { 'Content-Length': 0 }).end();
	} else if (error instanceof ApiError) {
		if (error.status === 401) state.logger.warn(`authentication failed: ${error.message}`);
		sendErrorText(res, error.status);
	} else {
		const message = error instanceof Error ? error.message : String(error);
		state.logger.warn(`${ctx.method} ${ctx.path} failed: ${message}`);
		sendErrorText(res, 500);
	}
}

function authorize(ctx: RequestContext): void {
	const problem = credentialProblem(ctx.auth);
	if (problem === undefined) return;
	ctx.state.logger.warn(`rejected ${ctx.method} ${ctx.path} with 401: ${problem}`);
	throw new AuthenticationRequiredError(problem);
}

/** Routes a request whose path the mode serves; `path` undefined means it does not (404). */
async function dispatch(
	ctx: RequestContext,
	router: Router,
	path: string | undefined
): Promise<void> {
	if (applyCors(ctx.req, ctx.res)) return;
	const match =
		path === undefined ? { kind: 'not-found' as const } : router.match(ctx.method, path);
	if (match.kind !== 'found') {
		ctx.res.writeHead(match.kind === 'not-found' ? 404 : 405, { 'Content-Length': 0 }).end();
		return;
	}
	ctx.params = match.params;
	const { embyItemIds } = ctx.state;
	const isTestApi = ctx.path.startsWith('/__test/');
	if (embyItemIds !== undefined && !isTestApi) translateRequestItemIds(ctx, embyItemIds);
	if (match.route.auth) authorize(ctx);
	enforceSessionLimit(ctx);
	enforceInjectedFailure(ctx);
	await match.route.handler(ctx);
}

/**
 * Returns the HTTP request listener. It maps the path by the mode's prefix rules, applies CORS,
 * authenticates, routes, maps errors to Jellyfin's responses and records every request in the
 * test log, except requests under `/__test/`, which go to `testRouter`. In Emby mode it also
 * translates item ids in both directions.
 */
export function createRequestListener(state: ServerState, router: Router, testRouter: Router) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		void handleRequest(state, router, testRouter, req, res);
	};
}

function createContext(
	state: ServerState,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): RequestContext {
	const query = new QueryParams(url.searchParams);
	const isTestApi = url.pathname.startsWith('/__test/');
	const auth: AuthInfo = isTestApi
		? { hasToken: false, isAuthenticated: false }
		: authenticateRequest(state, req.headers, query);
	return {
		state,
		req,
		res,
		query,
		auth,
		params: {},
		bodyText: '',
		method: req.method ?? 'GET',
		path: isTestApi ? url.pathname : (apiPathFor(state.options.mode, url.pathname) ?? url.pathname),
		remoteAddress: normalizeAddress(req.socket.remoteAddress)
	};
}

async function handleRequest(
	state: ServerState,
	router: Router,
	testRouter: Router,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const receivedHrTime = performance.timeOrigin + performance.now();
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const isTestApi = url.pathname.startsWith('/__test/');
	// The control API stays reachable through every fault, because the tests need it to end one.
	if (!isTestApi) {
		const request = { method: req.method ?? 'GET', path: url.pathname };
		if (!(await state.faults.admit(req.socket, request))) return;
	}
	const ctx = createContext(state, req, res, url);
	let bodyText = '';
	if (!isTestApi) res.on('finish', () => recordRequest(ctx, url, receivedHrTime, bodyText));
	// The log keeps what clients sent, so a 32-hex item id sent to Emby mode shows as it was.
	const { embyItemIds } = state;
	if (embyItemIds !== undefined && url.pathname !== '/__test/log') {
		rewriteJsonOf(res, (text) => embyItemIds.rewriteText(text));
	}
	const path = isTestApi ? url.pathname : apiPathFor(state.options.mode, url.pathname);
	try {
		if (!['GET', 'HEAD', 'OPTIONS'].includes(ctx.method)) bodyText = await readBodyText(req);
		ctx.bodyText = bodyText;
		await dispatch(ctx, isTestApi ? testRouter : router, path);
	} catch (error) {
		writeError(ctx, error);
	}
}
