import { parseJsonBody } from '../core/json-input.ts';
import { parseEnumText, queryGuidList, queryInteger, requiredQuery } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { EMPTY_GUID } from '../core/wire.ts';
import { readGeneralCommand } from '../sessions/general-command.ts';
import { deliver } from './deliver.ts';

/**
 * Handles `POST /Sessions/{id}/Playing?playCommand=&itemIds=…` by sending `Play`, after the mode's
 * rewrite of the request (see CommandRules.preparePlay).
 */
function play(ctx: RequestContext): void {
	const rules = ctx.state.commandRules;
	const command = parseEnumText(
		rules.playCommands,
		'playCommand',
		requiredQuery(ctx.query, 'playCommand')
	);
	const request = {
		startPositionTicks: queryInteger(ctx.query, 'startPositionTicks'),
		audioStreamIndex: queryInteger(ctx.query, 'audioStreamIndex'),
		subtitleStreamIndex: queryInteger(ctx.query, 'subtitleStreamIndex'),
		startIndex: queryInteger(ctx.query, 'startIndex')
	};
	const expanded = rules.preparePlay(command, queryGuidList(ctx.query, 'itemIds'));
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

/**
 * Handles `POST /Sessions/{id}/Playing/{command}` by sending `Playstate` in canonical case. Emby's
 * `SeekRelative` carries a signed offset in SeekPositionTicks.
 */
function playstate(ctx: RequestContext): void {
	const commands = ctx.state.commandRules.playstateCommands;
	const command = parseEnumText(commands, 'command', ctx.params.command ?? '');
	const seekPositionTicks = queryInteger(ctx.query, 'seekPositionTicks');
	deliver(ctx, 'Playstate', (caller) => ({
		Command: command,
		SeekPositionTicks: seekPositionTicks,
		ControllingUserId: caller.userId || ctx.query.get('controllingUserId')
	}));
}

/** Handles `POST /Sessions/{id}/Command/{name}` and `/System/{name}` (no arguments). */
function namedCommand(ctx: RequestContext): void {
	const names = ctx.state.commandRules.generalCommands;
	const raw = ctx.params.command ?? '';
	const name = names === undefined ? raw : parseEnumText(names, 'command', raw);
	deliver(ctx, 'GeneralCommand', (caller) => ({
		Name: name,
		ControllingUserId: caller.userId || EMPTY_GUID,
		Arguments: {}
	}));
}

/** Handles `POST /Sessions/{id}/Command` by sending the posted `GeneralCommand`. */
function fullCommand(ctx: RequestContext): void {
	const names = ctx.state.commandRules.generalCommands;
	const { name, args } = readGeneralCommand(parseJsonBody(ctx.bodyText), names);
	deliver(ctx, 'GeneralCommand', (caller) => ({
		Name: name,
		ControllingUserId: caller.userId || EMPTY_GUID,
		Arguments: args
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
	{ methods: ['POST'], pattern: '/Sessions/{sessionId}/Command', auth: true, handler: fullCommand }
];
