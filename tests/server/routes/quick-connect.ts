import { startAuthenticatedSession } from '../auth/login.ts';
import { toQuickConnectResult } from '../auth/quick-connect.ts';
import { ApiError, badRequest, notFound, ValidationError } from '../core/errors.ts';
import { sendJson } from '../core/http.ts';
import { parseJsonBody, readString } from '../core/json-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { resolveUserId } from '../sessions/caller.ts';

function assertEnabled(ctx: RequestContext): boolean {
	if (ctx.state.options.quickConnectEnabled) return true;
	sendJson(ctx.res, 401, 'Quick connect is disabled');
	return false;
}

function initiate(ctx: RequestContext): void {
	const { deviceId, device, client, version } = ctx.auth;
	if (!deviceId || !device || !client || !version) {
		throw badRequest(
			'Client, Device, DeviceId and Version are required in the authorization header.'
		);
	}
	if (!assertEnabled(ctx)) return;
	const request = ctx.state.quickConnect.initiate({
		deviceId,
		deviceName: device,
		appName: client,
		appVersion: version
	});
	sendJson(ctx.res, 200, toQuickConnectResult(request));
}

function connect(ctx: RequestContext): void {
	const secret = ctx.query.get('secret');
	if (!secret) throw new ValidationError('secret', 'The secret field is required.');
	if (!assertEnabled(ctx)) return;
	const request = ctx.state.quickConnect.findBySecret(secret);
	if (request === undefined) {
		sendJson(ctx.res, 404, 'Unknown secret');
		return;
	}
	sendJson(ctx.res, 200, toQuickConnectResult(request));
}

/** Handles `POST /QuickConnect/Authorize?code=` by signing the waiting device in as the caller. */
function authorize(ctx: RequestContext): void {
	const code = ctx.query.get('code');
	if (!code) throw new ValidationError('code', 'The code field is required.');
	const userId = resolveUserId(ctx, ctx.query.get('userId'));
	if (!assertEnabled(ctx)) return;
	const request = ctx.state.quickConnect.findByCode(code);
	if (request === undefined) throw notFound(`Unable to find request with code ${code}`);
	if (request.authenticated) throw new ApiError(500, 'Request is already authorized');
	const user = ctx.state.users.find((candidate) => candidate.id === userId);
	if (user === undefined) throw notFound('User not found');
	const result = startAuthenticatedSession(ctx.state, user, {
		client: request.appName,
		version: request.appVersion,
		deviceId: request.deviceId,
		deviceName: request.deviceName,
		remoteEndPoint: ctx.remoteAddress
	});
	ctx.state.quickConnect.markAuthorized(request, result);
	sendJson(ctx.res, 200, true);
}

function authenticateWithQuickConnect(ctx: RequestContext): void {
	const secret = readString(parseJsonBody(ctx.bodyText), 'Secret') ?? '';
	if (!assertEnabled(ctx)) return;
	const result = ctx.state.quickConnect.authorizedResult(secret);
	if (result === undefined) throw notFound('Unable to find request');
	sendJson(ctx.res, 200, result);
}

export const quickConnectRoutes: Route[] = [
	{
		methods: ['GET'],
		pattern: '/QuickConnect/Enabled',
		auth: false,
		handler: (ctx) => sendJson(ctx.res, 200, ctx.state.options.quickConnectEnabled)
	},
	// 10.11 keeps the GET form of Initiate for older clients; 12.0 removes it.
	{ methods: ['POST', 'GET'], pattern: '/QuickConnect/Initiate', auth: false, handler: initiate },
	{ methods: ['GET'], pattern: '/QuickConnect/Connect', auth: false, handler: connect },
	{ methods: ['POST'], pattern: '/QuickConnect/Authorize', auth: true, handler: authorize },
	{
		methods: ['POST'],
		pattern: '/Users/AuthenticateWithQuickConnect',
		auth: false,
		handler: authenticateWithQuickConnect
	}
];
