import type { User } from '../auth/users.ts';
import { forbidden } from '../core/errors.ts';
import type { RequestContext } from '../core/router.ts';
import { parseGuid } from '../core/wire.ts';
import type { Session } from './session.ts';

/**
 * Returns the caller's session, creating it when needed, like `RequestHelpers.GetSession`.
 * Only the endpoints that call this create sessions: sockets, check-ins, capabilities,
 * controller commands and login.
 */
export function callerSession(ctx: RequestContext): Session {
	return ctx.state.sessions.logActivity({
		client: ctx.auth.client,
		version: ctx.auth.version,
		deviceId: ctx.auth.deviceId,
		deviceName: ctx.auth.device,
		remoteEndPoint: ctx.remoteAddress,
		user: ctx.auth.user
	});
}

/** Returns the authenticated user of an `[Authorize]` request. */
export function callerUser(ctx: RequestContext): User {
	const user = ctx.auth.user;
	if (user === undefined) throw forbidden('The token has no user.');
	return user;
}

/**
 * Resolves a `userId` argument like `RequestHelpers.GetUserId`: absent means the caller, and
 * naming another user requires an administrator (403 otherwise). Returns the 32-hex id.
 */
export function resolveUserId(ctx: RequestContext, requested: string | undefined): string {
	const caller = callerUser(ctx);
	const id = requested === undefined || requested === '' ? undefined : parseGuid(requested);
	if (id === undefined || /^0+$/.test(id)) return caller.id;
	if (id !== caller.id && !caller.isAdministrator) throw forbidden('Forbidden');
	return id;
}
