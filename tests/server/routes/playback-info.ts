import { ValidationError } from '../core/errors.ts';
import { sendJson, sendStatusProblem } from '../core/http.ts';
import { parseJsonBody, readGuid, readString } from '../core/json-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { newGuid, parseGuid } from '../core/wire.ts';
import { findItem } from '../library/catalog.ts';
import { mediaSourceFor } from '../library/media-source.ts';
import { resolveUserId } from '../sessions/caller.ts';

/**
 * Handles `POST /Items/{itemId}/PlaybackInfo` (its `PlaybackInfoDto` body may be empty) and the GET
 * form. Returns the item's media source and a new PlaySessionId on every call. The posted
 * DeviceProfile is ignored, because every demo file is offered for direct play.
 */
function playbackInfo(ctx: RequestContext): void {
	const body = ctx.bodyText.trim() === '' ? {} : parseJsonBody(ctx.bodyText);
	const rawItemId = ctx.params.itemId ?? '';
	const itemId = parseGuid(rawItemId);
	if (itemId === undefined)
		throw new ValidationError('itemId', `The value '${rawItemId}' is not valid.`);
	// Query parameters win over the body, as the server copies body values only into unset ones.
	resolveUserId(ctx, ctx.query.get('userId') ?? readGuid(body, 'UserId'));
	const item = findItem(itemId);
	if (item === undefined) {
		sendStatusProblem(ctx.res, 404);
		return;
	}
	const mediaSourceId = ctx.query.get('mediaSourceId') ?? readString(body, 'MediaSourceId');
	const source = mediaSourceFor(item);
	const sources =
		source === undefined || (mediaSourceId && mediaSourceId.toLowerCase() !== source.Id)
			? []
			: [source];
	sendJson(ctx.res, 200, {
		MediaSources: sources,
		PlaySessionId: newGuid(),
		ErrorCode: sources.length === 0 ? 'NoCompatibleStream' : undefined
	});
}

export const playbackInfoRoutes: Route[] = [
	{
		methods: ['POST', 'GET'],
		pattern: '/Items/{itemId}/PlaybackInfo',
		auth: true,
		handler: playbackInfo
	}
];
