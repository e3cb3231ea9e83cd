import { sendNoContent } from '../core/http.ts';
import { parseJsonBody, readEnum } from '../core/json-input.ts';
import { requiredQuery } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { EMBY_PROGRESS_EVENTS } from '../modes/older-enums.ts';
import { callerSession } from '../sessions/caller.ts';
import {
	checkInProgress,
	checkInStart,
	checkInStopped,
	type CheckIn
} from '../sessions/checkin-apply.ts';

/**
 * Reads the check-in body and applies it to the caller's session, then responds with 204. Jellyfin
 * ignores `EventName`, but Emby 4.8 binds it to its ProgressEvent enum, case-insensitively, so
 * there any other value is a 400.
 */
function handleCheckIn(ctx: RequestContext, apply: CheckIn): void {
	const body = parseJsonBody(ctx.bodyText);
	if (ctx.state.options.mode === 'emby') readEnum(body, 'EventName', EMBY_PROGRESS_EVENTS);
	apply(ctx.state, body, () => callerSession(ctx));
	sendNoContent(ctx.res);
}

/** Handles `POST /Sessions/Playing/Ping`, which keeps transcoding jobs alive. This server has none. */
function ping(ctx: RequestContext): void {
	requiredQuery(ctx.query, 'playSessionId');
	sendNoContent(ctx.res);
}

export const checkInRoutes: Route[] = [
	{
		methods: ['POST'],
		pattern: '/Sessions/Playing',
		auth: true,
		handler: (ctx) => handleCheckIn(ctx, checkInStart)
	},
	{
		methods: ['POST'],
		pattern: '/Sessions/Playing/Progress',
		auth: true,
		handler: (ctx) => handleCheckIn(ctx, checkInProgress)
	},
	{
		methods: ['POST'],
		pattern: '/Sessions/Playing/Stopped',
		auth: true,
		handler: (ctx) => handleCheckIn(ctx, checkInStopped)
	},
	{ methods: ['POST'], pattern: '/Sessions/Playing/Ping', auth: true, handler: ping }
];
