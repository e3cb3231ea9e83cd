import { readLoginCredentials } from '../auth/credentials.ts';
import { startAuthenticatedSession } from '../auth/login.ts';
import { findUserByName, toUserDto } from '../auth/users.ts';
import { ApiError, badRequest, notFound } from '../core/errors.ts';
import { sendJson, sendNoContent } from '../core/http.ts';
import { parseJsonBody } from '../core/json-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { parseGuid } from '../core/wire.ts';
import { callerUser } from '../sessions/caller.ts';
import { logoutDevice } from '../sessions/lifecycle.ts';

/**
 * Handles `POST /Users/AuthenticateByName` with `{Username, Pw}` in any property case, or
 * `{Username, Password}` in MediaBrowser mode (see readLoginCredentials).
 */
function authenticateByName(ctx: RequestContext): void {
	const credentials = readLoginCredentials(ctx.state.options.mode, parseJsonBody(ctx.bodyText));
	const { username } = credentials;
	const { client, version, deviceId, device } = ctx.auth;
	if (!client || !deviceId || !device || !version) {
		throw badRequest(
			'Client, Device, DeviceId and Version are required in the authorization header.'
		);
	}
	if (username.trim() === '') throw badRequest('Value cannot be null: username');

	const user = findUserByName(ctx.state.users, username);
	if (user === undefined || !credentials.matches(user)) {
		throw new ApiError(401, `invalid user name or password for "${username}"`);
	}
	const result = startAuthenticatedSession(ctx.state, user, {
		client,
		version,
		deviceId,
		deviceName: device,
		remoteEndPoint: ctx.remoteAddress
	});
	sendJson(ctx.res, 200, result);
}

function getUser(ctx: RequestContext): void {
	const id = parseGuid(ctx.params.userId ?? '');
	const user = ctx.state.users.find((candidate) => candidate.id === id);
	if (user === undefined) throw notFound('User not found');
	sendJson(ctx.res, 200, toUserDto(user, ctx.state.serverId));
}

/** Handles `POST /Sessions/Logout` by deleting the token and ending its device's sessions. */
function logout(ctx: RequestContext): void {
	const record = ctx.auth.deviceRecord;
	if (record !== undefined) logoutDevice(ctx.state, record);
	sendNoContent(ctx.res);
}

export const userRoutes: Route[] = [
	{
		methods: ['POST'],
		pattern: '/Users/AuthenticateByName',
		auth: false,
		handler: authenticateByName
	},
	{
		methods: ['GET'],
		pattern: '/Users/Me',
		auth: true,
		handler: (ctx) => sendJson(ctx.res, 200, toUserDto(callerUser(ctx), ctx.state.serverId))
	},
	{ methods: ['GET'], pattern: '/Users/{userId}', auth: true, handler: getUser },
	{ methods: ['POST'], pattern: '/Sessions/Logout', auth: true, handler: logout }
];
