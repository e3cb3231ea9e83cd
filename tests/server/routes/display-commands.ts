import { BASE_ITEM_KINDS } from '../core/enums.ts';
import { ValidationError } from '../core/errors.ts';
import { parseJsonBody, readNumber, readString } from '../core/json-input.ts';
import { parseEnumText, queryInteger, requiredQuery } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { EMPTY_GUID } from '../core/wire.ts';
import { isJellyfinMode } from '../modes/server-mode.ts';
import { deliver } from './deliver.ts';

/**
 * Reads `Text`, `Header` and `TimeoutMs` of a message request. Jellyfin reads the JSON body. Emby
 * and MediaBrowser 3 also take them as query parameters, and there the body may be empty.
 */
function readMessage(ctx: RequestContext) {
	const fromQuery = !isJellyfinMode(ctx.state.options.mode);
	const body = fromQuery && ctx.bodyText.trim() === '' ? {} : parseJsonBody(ctx.bodyText);
	const query = fromQuery ? ctx.query : undefined;
	return {
		text: readString(body, 'Text') ?? query?.get('Text'),
		header: readString(body, 'Header') ?? query?.get('Header'),
		timeoutMs: readNumber(body, 'TimeoutMs') ?? (query && queryInteger(query, 'TimeoutMs'))
	};
}

/** Handles `POST /Sessions/{id}/Message` by sending `DisplayMessage` with no controlling user. */
function message(ctx: RequestContext): void {
	const { text, header, timeoutMs } = readMessage(ctx);
	if (!text?.trim()) throw new ValidationError('Text', 'The Text field is required.');
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

export const displayCommandRoutes: Route[] = [
	{ methods: ['POST'], pattern: '/Sessions/{sessionId}/Message', auth: true, handler: message },
	{ methods: ['POST'], pattern: '/Sessions/{sessionId}/Viewing', auth: true, handler: viewing }
];
