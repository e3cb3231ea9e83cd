import {
	BASE_ITEM_KINDS,
	GENERAL_COMMAND_TYPES,
	PLAY_COMMANDS,
	PLAYSTATE_COMMANDS
} from '../core/enums.ts';
import { notFound, ValidationError } from '../core/errors.ts';
import { sendNoContent } from '../core/http.ts';
import { parseJsonBody, readNumber, readString } from '../core/json-input.ts';
import { parseEnumText, queryGuidList, queryInteger, requiredQuery } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { EMPTY_GUID } from '../core/wire.ts';
import { callerSession } from '../sessions/caller.ts';
import { readGeneralCommand } from '../sessions/general-command.ts';
import { sendToSession } from '../sessions/messaging.ts';
import { expandPlayRequest } from '../sessions/play-request.ts';
import type { Session } from '../sessions/session.ts';

/**
 * Sends a message to the controlled session and answers 204. The caller's own session is touched
 * first, as on the server, and an unknown target id is a 404. Delivery is best effort, so without
 * an open socket nothing is sent and the controller still gets 204.
 */
function deliver(ctx: RequestContext, messageType: string, build: (caller: Session) => unknown) {
	const caller = callerSession(ctx);
	const targetId = ctx.params.sessionId ?? '';
	const target = ctx.state.sessions.findById(targetId);
	if (target === undefined) throw notFound(`Session ${targetId} not found.`);
	const sent = sendToSession(target, messageType, build(caller));
	if (!sent) ctx.state.logger.info(`${messageType} for ${target.id} dropped: no open socket`);
	sendNoContent(ctx.res);
}

/** Handles `POST /Sessions/{id}/Playing?playCommand=&itemIds=…` by sending `Play`. */
function play(ctx: RequestContext): void {
	const command = parseEnumText(
		PLAY_COMMANDS,
		'playCommand',
		requiredQuery(ctx.query, 'playCommand')
	);
	const request = {
		startPositionTicks: queryInteger(ctx.query, 'startPositionTicks'),
		audioStreamIndex: queryInteger(ctx.query, 'audioStreamIndex'),
		subtitleStreamIndex: queryInteger(ctx.query, 'subtitleStreamIndex'),
		startIndex: queryInteger(ctx.query, 'startIndex')
	};
	const expanded = expandPlayRequest(command, queryGuidList(ctx.query, 'itemIds'));
	deliver(ctx, 'Play', (caller) => ({
		ItemIds: expanded.itemIds,
		StartPositionTicks: request.startPositionTicks,
		PlayCommand: expanded.command,
		ControllingUserId: caller.userId || EMPTY_GUID,
		SubtitleStreamIndex: request.subtitleStreamIndex,
		AudioStreamIndex: request.audioStreamIndex,
		MediaSourceId: ctx.query.get('mediaSourceId'),
		StartIndex: request.startIndex
	}));
}

/** Handles `POST /Sessions/{id}/Playing/{command}` by sending `Playstate` in canonical case. */
function playstate(ctx: RequestContext): void {
	const command = parseEnumText(PLAYSTATE_COMMANDS, 'command', ctx.params.command ?? '');
	const seekPositionTicks = queryInteger(ctx.query, 'seekPositionTicks');
	deliver(ctx, 'Playstate', (caller) => ({
		Command: command,
		SeekPositionTicks: seekPositionTicks,
		ControllingUserId: caller.userId || ctx.query.get('controllingUserId')
	}));
}

/** Handles `POST /Sessions/{id}/Command/{name}` and `/System/{name}` (no arguments). */
function namedCommand(ctx: RequestContext): void {
	const name = parseEnumText(GENERAL_COMMAND_TYPES, 'command', ctx.params.command ?? '');
	deliver(ctx, 'GeneralCommand', (caller) => ({
		Name: name,
		ControllingUserId: caller.userId || EMPTY_GUID,
		Arguments: {}
	}));
}

/** Handles `POST /Sessions/{id}/Command` by sending the posted `GeneralCommand`. */
function fullCommand(ctx: RequestContext): void {
	const { name, args } = readGeneralCommand(parseJsonBody(ctx.bodyText));
	deliver(ctx, 'GeneralCommand', (caller) => ({
		Name: name,
		ControllingUserId: caller.userId || EMPTY_GUID,
		Arguments: args
	}));
}

/** Handles `POST /Sessions/{id}/Message` by sending `DisplayMessage` with no controlling user. */
function message(ctx: RequestContext): void {
	const body = parseJsonBody(ctx.bodyText);
	const text = readString(body, 'Text');
	if (!text?.trim()) throw new ValidationError('Text', 'The Text field is required.');
	const header = readString(body, 'Header');
	const timeoutMs = readNumber(body, 'TimeoutMs');
	const args: Record<string, string> = {
		Header: header?.trim() ? header : 'Message from Server',
		Text: text
	};
	if (timeoutMs !== undefined) args.TimeoutMs = String(timeoutMs);
	deliver(ctx, 'GeneralCommand', () => ({
		Name: 'DisplayMessage',
		ControllingUserId: EMPTY_GUID,
		Arguments: args
	}));
}

/** Handles `POST /Sessions/{id}/Viewing?itemType=&itemId=&itemName=` (`DisplayContent`). */
function viewing(ctx: RequestContext): void {
	const itemType = parseEnumText(BASE_ITEM_KINDS, 'itemType', requiredQuery(ctx.query, 'itemType'));
	const itemId = requiredQuery(ctx.query, 'itemId');
	const itemName = requiredQuery(ctx.query, 'itemName');
	deliver(ctx, 'GeneralCommand', () => ({
		Name: 'DisplayContent',
		ControllingUserId: EMPTY_GUID,
		Arguments: { ItemId: itemId, ItemName: itemName, ItemType: itemType }
	}));
}

export const commandRoutes: Route[] = [
	{ methods: ['POST'], pattern: '/Sessions/{sessionId}/Playing', auth: true, handler: play },
	{
		methods: ['POST'],
		pattern: '/Sessions/{sessionId}/Playing/{command}',
		auth: true,
		handler: playstate
	},
	{
		methods: ['POST'],
		pattern: '/Sessions/{sessionId}/Command/{command}',
		auth: true,
		handler: namedCommand
	},
	{
		methods: ['POST'],
		pattern: '/Sessions/{sessionId}/System/{command}',
		auth: true,
		handler: namedCommand
	},
	{ methods: ['POST'], pattern: '/Sessions/{sessionId}/Command', auth: true, handler: fullCommand },
	{ methods: ['POST'], pattern: '/Sessions/{sessionId}/Message', auth: true, handler: message },
	{ methods: ['POST'], pattern: '/Sessions/{sessionId}/Viewing', auth: true, handler: viewing }
];
