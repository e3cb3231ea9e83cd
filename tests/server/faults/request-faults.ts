import { readLoginCredentials, type LoginCredentials } from '../auth/credentials.ts';
import { findUserByName } from '../auth/users.ts';
import { ApiError, forbidden } from '../core/errors.ts';
import { isObject } from '../core/json-input.ts';
import type { RequestContext } from '../core/router.ts';

function readCredentials(ctx: RequestContext): LoginCredentials | undefined {
	try {
		const body: unknown = JSON.parse(ctx.bodyText);
		return isObject(body) ? readLoginCredentials(ctx.state.options.mode, body) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Rejects a sign-in with 403 when the user already has as many sessions as the limit set through
 * `/__test/users/{name}/max-sessions`, like Jellyfin's `MaxActiveSessions` user policy, whose
 * SecurityException the server returns as 403. Wrong credentials are left to the login handler,
 * which returns 401, because the server checks the password first.
 */
export function enforceSessionLimit(ctx: RequestContext): void {
	const limits = ctx.state.faults.maxActiveSessions;
	if (limits.size === 0 || ctx.method !== 'POST') return;
	if (ctx.path.toLowerCase() !== '/users/authenticatebyname') return;
	const credentials = readCredentials(ctx);
	const user = credentials && findUserByName(ctx.state.users, credentials.username);
	if (!user || !credentials?.matches(user)) return;
	const limit = limits.get(user.id);
	if (limit === undefined) return;
	const active = ctx.state.sessions.list().filter((session) => session.userId === user.id);
	if (active.length >= limit) {
		throw forbidden(`user ${user.name} is at the maximum of ${limit} active sessions`);
	}
}

/**
 * Fails the request with the status set through `/__test/fail-requests`, if its path has one.
 * The path may be given without the mode's prefix (`/Sessions/Playing`) or as sent
 * (`/emby/Sessions/Playing`).
 */
export function enforceInjectedFailure(ctx: RequestContext): void {
	const { faults } = ctx.state;
	const sentPath = new URL(ctx.req.url ?? '/', 'http://127.0.0.1').pathname;
	let status = faults.takeFailure(ctx.path);
	if (status === undefined && sentPath !== ctx.path) status = faults.takeFailure(sentPath);
	if (status !== undefined) throw new ApiError(status, `injected failure for ${ctx.path}`);
}
