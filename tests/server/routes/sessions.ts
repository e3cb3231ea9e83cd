import { badRequest, notFound, ValidationError } from '../core/errors.ts';
import { sendJson, sendNoContent } from '../core/http.ts';
import { parseJsonBody } from '../core/json-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { parseGuid } from '../core/wire.ts';
import { isJellyfinMode } from '../modes/server-mode.ts';
import { capabilitiesFromBody, capabilitiesFromQuery } from '../sessions/capabilities.ts';
import { callerSession, callerUser, resolveUserId } from '../sessions/caller.ts';
import {
	embyCapabilitiesFromBody,
	freeCapabilitiesFromQuery
} from '../sessions/older-capabilities.ts';
import type { Capabilities, Session } from '../sessions/session.ts';
import { toSessionDto } from '../sessions/session-dto.ts';
import { filterSessions } from '../sessions/session-query.ts';

function optionalInt(ctx: RequestContext, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (raw === undefined || raw === '') return undefined;
	if (!/^-?\d+$/.test(raw.trim()))
		throw new ValidationError(name, `The value '${raw}' is not valid.`);
	return Number(raw);
}

/** Handles `GET /Sessions[?controllableByUserId=&deviceId=&activeWithinSeconds=]`. */
function listSessions(ctx: RequestContext): void {
	const caller = callerUser(ctx);
	const controllableRaw = ctx.query.get('controllableByUserId');
	if (controllableRaw && parseGuid(controllableRaw) === undefined) {
		throw new ValidationError(
			'controllableByUserId',
			`The value '${controllableRaw}' is not valid.`
		);
	}
	const controllableId = controllableRaw ? resolveUserId(ctx, controllableRaw) : undefined;
	const controllableBy = ctx.state.users.find((user) => user.id === controllableId);
	if (controllableId !== undefined && controllableBy === undefined) {
		sendJson(ctx.res, 200, []);
		return;
	}
	const now = Date.now();
	const query = {
		caller,
		controllableBy,
		deviceId: ctx.query.get('deviceId'),
		activeWithinSeconds: optionalInt(ctx, 'activeWithinSeconds')
	};
	const sessions = filterSessions(ctx.state.sessions.list(), query, now);
	sendJson(
		ctx.res,
		200,
		sessions.map((session) => toSessionDto(session, ctx.state.serverId, now))
	);
}

/**
 * Picks the `?id=` session (404 when unknown) or, in Jellyfin modes, the caller's own session
 * when `id` is absent. Emby and MediaBrowser 3 require the id (400 without).
 */
function targetSession(ctx: RequestContext): Session {
	const id = ctx.query.get('id');
	if (id === undefined || id.trim() === '') {
		if (!isJellyfinMode(ctx.state.options.mode)) throw badRequest('The Id parameter is required.');
		return callerSession(ctx);
	}
	const session = ctx.state.sessions.findById(id);
	if (session === undefined) throw notFound(`Session ${id} not found.`);
	return session;
}

function storeCapabilities(ctx: RequestContext, capabilities: Capabilities): void {
	const session = targetSession(ctx);
	ctx.state.sessions.reportCapabilities(session, capabilities);
	sendNoContent(ctx.res);
}

/** Parses the query form with the rules of the server mode. */
function capabilitiesOfQuery(ctx: RequestContext): Capabilities {
	const { mode } = ctx.state.options;
	if (isJellyfinMode(mode)) return capabilitiesFromQuery(ctx.query);
	return freeCapabilitiesFromQuery(ctx.query, mode === 'mediabrowser');
}

/** Parses the `/Full` body with the rules of the server mode. */
function capabilitiesOfBody(ctx: RequestContext): Capabilities {
	const body = parseJsonBody(ctx.bodyText);
	if (ctx.state.options.mode === 'emby') return embyCapabilitiesFromBody(body);
	return capabilitiesFromBody(body);
}

export const sessionRoutes: Route[] = [
	{ methods: ['GET'], pattern: '/Sessions', auth: true, handler: listSessions },
	{
		methods: ['POST'],
		pattern: '/Sessions/Capabilities',
		auth: true,
		handler: (ctx) => storeCapabilities(ctx, capabilitiesOfQuery(ctx))
	},
	{
		methods: ['POST'],
		pattern: '/Sessions/Capabilities/Full',
		auth: true,
		handler: (ctx) => storeCapabilities(ctx, capabilitiesOfBody(ctx))
	}
];
