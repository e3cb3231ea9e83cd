import type { IncomingMessage, ServerResponse } from 'node:http';

import { authenticateRequest, credentialProblem, type AuthInfo } from './auth/authenticate.ts';
import { ApiError, AuthenticationRequiredError, ValidationError } from './core/errors.ts';
import {
	applyCors,
	normalizeAddress,
	readBodyText,
	sendErrorText,
	sendProblem
} from './core/http.ts';
import { QueryParams, queryForLog } from './core/query.ts';
import type { RequestContext, Router } from './core/router.ts';
import { enforceInjectedFailure, enforceSessionLimit } from './faults/request-faults.ts';
import type { ServerState } from './state.ts';

/** Jellyfin strips a leading `/emby` or `/mediabrowser` from every path (`UsePathTrim`). */
function trimLegacyPrefix(path: string): string {
	const trimmed = path.replace(/^\/(emby|mediabrowser)(?=\/|$)/i, '');
	return trimmed === '' ? '/' : trimmed;
}

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

function recordRequest(ctx: RequestContext, url: URL): void {
	const { auth, state } = ctx;
	const key = (auth.client ?? '') + (auth.deviceId ?? '');
	const session = state.sessions.list().find((candidate) => candidate.key === key);
	state.log.add('http', {
		method: ctx.method,
		path: url.pathname,
		query: queryForLog(url.searchParams),
		body: bodyForLog(ctx.bodyText),
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

async function dispatch(ctx: RequestContext, router: Router): Promise<void> {
	if (applyCors(ctx.req, ctx.res)) return;
	const match = router.match(ctx.method, ctx.path);
	if (match.kind !== 'found') {
		ctx.res.writeHead(match.kind === 'not-found' ? 404 : 405, { 'Content-Length': 0 }).end();
		return;
	}
	ctx.params = match.params;
	if (match.route.auth) authorize(ctx);
	enforceSessionLimit(ctx);
	enforceInjectedFailure(ctx);
	await match.route.handler(ctx);
}

/**
 * Returns the HTTP request listener. It trims legacy prefixes, applies CORS, authenticates, routes,
 * maps errors to Jellyfin's responses and records every request in the test log, except requests
 * under `/__test/`, which go to `testRouter`.
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
		path: isTestApi ? url.pathname : trimLegacyPrefix(url.pathname),
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
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const isTestApi = url.pathname.startsWith('/__test/');
	// The control API stays reachable through every fault, because the tests need it to end one.
	if (!isTestApi) {
		const request = { method: req.method ?? 'GET', path: url.pathname };
		if (!(await state.faults.admit(req.socket, request))) return;
	}
	const ctx = createContext(state, req, res, url);
	if (!isTestApi) res.on('finish', () => recordRequest(ctx, url));
	try {
		if (!['GET', 'HEAD', 'OPTIONS'].includes(ctx.method)) ctx.bodyText = await readBodyText(req);
		await dispatch(ctx, isTestApi ? testRouter : router);
	} catch (error) {
		writeError(ctx, error);
	}
}
