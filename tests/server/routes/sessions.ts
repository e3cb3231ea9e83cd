import { notFound, ValidationError } from '../core/errors.ts';
import { sendJson, sendNoContent } from '../core/http.ts';
import { parseJsonBody } from '../core/json-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { parseGuid } from '../core/wire.ts';
import { capabilitiesFromBody, capabilitiesFromQuery } from '../sessions/capabilities.ts';
import { callerSession, callerUser, resolveUserId } from '../sessions/caller.ts';
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

/** Picks the `?id=` session (404 when unknown) or the caller's own session. */
function targetSession(ctx: RequestContext): Session {
	const id = ctx.query.get('id');
	if (id === undefined || id.trim() === '') return callerSession(ctx);
	const session = ctx.state.sessions.findById(id);
	if (session === undefined) throw notFound(`Session ${id} not found.`);
	return session;
}

function storeCapabilities(ctx: RequestContext, capabilities: Capabilities): void {
	const session = targetSession(ctx);
	ctx.state.sessions.reportCapabilities(session, capabilities);
	sendNoContent(ctx.res);
}

export const sessionRoutes: Route[] = [
	{ methods: ['GET'], pattern: '/Sessions', auth: true, handler: listSessions },
	{
		methods: ['POST'],
		pattern: '/Sessions/Capabilities',
		auth: true,
		handler: (ctx) => storeCapabilities(ctx, capabilitiesFromQuery(ctx.query))
	},
	{
		methods: ['POST'],
		pattern: '/Sessions/Capabilities/Full',
		auth: true,
		handler: (ctx) => storeCapabilities(ctx, capabilitiesFromBody(parseJsonBody(ctx.bodyText)))
	}
];
