import { ValidationError } from '../core/errors.ts';
import { sendJson, sendStatusProblem } from '../core/http.ts';
import {
	parseJsonBody,
	readBoolean,
	readGuid,
	readNumber,
	readString,
	type JsonObject
} from '../core/json-input.ts';
import type { QueryParams } from '../core/query.ts';
import { queryInteger } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { newGuid, parseGuid } from '../core/wire.ts';
import { findItem } from '../library/catalog.ts';
import type { CatalogItem } from '../library/types.ts';
import { readDeviceProfile } from '../library/device-profile.ts';
import { decidePlayback, type PlaybackRequest } from '../library/playback-decision.ts';
import { playbackSource } from '../library/playback-source.ts';
import { startJob } from '../library/transcode-jobs.ts';
import { resolveUserId } from '../sessions/caller.ts';

// Query parameters win over the body, as the server copies body values only into unset ones.
function readInteger(query: QueryParams, body: JsonObject, name: string): number | undefined {
	return queryInteger(query, name) ?? readNumber(body, name);
}

function readFlag(query: QueryParams, body: JsonObject, name: string): boolean {
	const raw = query.get(name);
	if (raw !== undefined) return !/^false$/i.test(raw);
	return readBoolean(body, name) ?? true;
}

function readRequest(query: QueryParams, body: JsonObject): PlaybackRequest {
	return {
		profile: readDeviceProfile(body),
		audioStreamIndex: readInteger(query, body, 'AudioStreamIndex'),
		subtitleStreamIndex: readInteger(query, body, 'SubtitleStreamIndex'),
		enableDirectPlay: readFlag(query, body, 'EnableDirectPlay'),
		enableTranscoding: readFlag(query, body, 'EnableTranscoding')
	};
}

/** Builds the `PlaybackInfoResponse` for an item and starts a transcoding job when it offers one. */
function buildResponse(ctx: RequestContext, item: CatalogItem, body: JsonObject) {
	const playSessionId = newGuid();
	const mediaSourceId = ctx.query.get('mediaSourceId') ?? readString(body, 'MediaSourceId');
	const startTimeTicks = readInteger(ctx.query, body, 'StartTimeTicks');
	const decision = item.media && decidePlayback(item.media, readRequest(ctx.query, body));
	const { deviceId, token } = ctx.auth;
	const tokenParameter = ctx.state.options.mode === 'emby' ? 'api_key' : 'ApiKey';
	const context = { playSessionId, deviceId, token, tokenParameter, startTimeTicks } as const;
	const source = decision && playbackSource(item, decision, context);
	const wrongSource = mediaSourceId !== undefined && mediaSourceId.toLowerCase() !== item.id;
	if (source === undefined || wrongSource || decision === undefined) {
		return { MediaSources: [], PlaySessionId: playSessionId, ErrorCode: 'NoCompatibleStream' };
	}
	const { rendition } = decision;
	if (rendition) startJob({ playSessionId, itemId: item.id, deviceId, rendition });
	const playable = decision.directPlay || rendition !== undefined;
	return {
		MediaSources: [source],
		PlaySessionId: playSessionId,
		ErrorCode: playable ? undefined : 'NoCompatibleStream'
	};
}

/**
 * Handles `POST /Items/{itemId}/PlaybackInfo` (its `PlaybackInfoDto` body may be empty) and the GET
 * form. Returns the item's media source and a new PlaySessionId on every call. With a posted
 * DeviceProfile the source is offered for direct play only when the profile plays it; otherwise
 * it carries a TranscodingUrl to a pre-made HLS rendition. Without a profile, every file is
 * offered as it is.
 */
function playbackInfo(ctx: RequestContext): void {
	const body = ctx.bodyText.trim() === '' ? {} : parseJsonBody(ctx.bodyText);
	const rawItemId = ctx.params.itemId ?? '';
	const itemId = parseGuid(rawItemId);
	if (itemId === undefined)
		throw new ValidationError('itemId', `The value '${rawItemId}' is not valid.`);
	resolveUserId(ctx, ctx.query.get('userId') ?? readGuid(body, 'UserId'));
	const item = findItem(itemId);
	if (item === undefined) {
		sendStatusProblem(ctx.res, 404);
		return;
	}
	sendJson(ctx.res, 200, buildResponse(ctx, item, body));
}

export const playbackInfoRoutes: Route[] = [
	{
		methods: ['POST', 'GET'],
		pattern: '/Items/{itemId}/PlaybackInfo',
		auth: true,
		handler: playbackInfo
	}
];
