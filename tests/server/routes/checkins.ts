import { PLAY_METHODS, PLAYBACK_ORDERS, REPEAT_MODES } from '../core/enums.ts';
import { badRequest, ValidationError } from '../core/errors.ts';
import { sendNoContent } from '../core/http.ts';
import {
	field,
	isObject,
	parseJsonBody,
	readBoolean,
	readEnum,
	readGuid,
	readNumber,
	readString,
	type JsonObject
} from '../core/json-input.ts';
import { requiredQuery } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { callerSession } from '../sessions/caller.ts';
import {
	applyProgress,
	applyStop,
	recordPlaybackProgress,
	recordPlaybackStart,
	type ProgressReport,
	type StopReport
} from '../sessions/playback.ts';
import type { QueueItem } from '../sessions/session.ts';

function readQueue(body: JsonObject): QueueItem[] | undefined {
	const raw = field(body, 'NowPlayingQueue');
	if (raw === undefined || raw === null) return undefined;
	if (!Array.isArray(raw)) throw new ValidationError('$.NowPlayingQueue', 'Expected an array.');
	return raw.map((entry: unknown) => {
		if (!isObject(entry)) throw new ValidationError('$.NowPlayingQueue', 'Expected objects.');
		return {
			Id: readGuid(entry, 'Id') ?? '00000000000000000000000000000000',
			PlaylistItemId: readString(entry, 'PlaylistItemId')
		};
	});
}

/** Parses `PlaybackStartInfo` or `PlaybackProgressInfo`, ignoring unknown properties as the server does. */
function readProgressReport(body: JsonObject): ProgressReport {
	const item = field(body, 'Item');
	return {
		canSeek: readBoolean(body, 'CanSeek') ?? false,
		item: isObject(item) ? item : undefined,
		itemId: readGuid(body, 'ItemId'),
		mediaSourceId: readString(body, 'MediaSourceId'),
		audioStreamIndex: readNumber(body, 'AudioStreamIndex'),
		subtitleStreamIndex: readNumber(body, 'SubtitleStreamIndex'),
		isPaused: readBoolean(body, 'IsPaused') ?? false,
		isMuted: readBoolean(body, 'IsMuted') ?? false,
		positionTicks: readNumber(body, 'PositionTicks'),
		volumeLevel: readNumber(body, 'VolumeLevel'),
		playMethod: readEnum(body, 'PlayMethod', PLAY_METHODS) ?? 'Transcode',
		liveStreamId: readString(body, 'LiveStreamId'),
		playSessionId: readString(body, 'PlaySessionId'),
		repeatMode: readEnum(body, 'RepeatMode', REPEAT_MODES) ?? 'RepeatNone',
		playbackOrder: readEnum(body, 'PlaybackOrder', PLAYBACK_ORDERS) ?? 'Default',
		nowPlayingQueue: readQueue(body),
		playlistItemId: readString(body, 'PlaylistItemId')
	};
}

function readStopReport(body: JsonObject): StopReport {
	return {
		itemId: readGuid(body, 'ItemId'),
		positionTicks: readNumber(body, 'PositionTicks'),
		failed: readBoolean(body, 'Failed') ?? false,
		nowPlayingQueue: readQueue(body),
		playlistItemId: readString(body, 'PlaylistItemId')
	};
}

function reportStart(ctx: RequestContext): void {
	const report = readProgressReport(parseJsonBody(ctx.bodyText));
	const session = callerSession(ctx);
	applyProgress(ctx.state, session, report);
	recordPlaybackStart(ctx.state, session, report.itemId);
	sendNoContent(ctx.res);
}

function reportProgress(ctx: RequestContext): void {
	const report = readProgressReport(parseJsonBody(ctx.bodyText));
	const session = callerSession(ctx);
	applyProgress(ctx.state, session, report);
	recordPlaybackProgress(ctx.state, session, report);
	sendNoContent(ctx.res);
}

function reportStopped(ctx: RequestContext): void {
	const report = readStopReport(parseJsonBody(ctx.bodyText));
	const session = callerSession(ctx);
	if (report.positionTicks !== undefined && report.positionTicks < 0) {
		throw badRequest("The PlaybackStopInfo's PositionTicks was negative.");
	}
	applyStop(ctx.state, session, report);
	sendNoContent(ctx.res);
}

/** Handles `POST /Sessions/Playing/Ping`, which keeps transcoding jobs alive. This server has none. */
function ping(ctx: RequestContext): void {
	requiredQuery(ctx.query, 'playSessionId');
	sendNoContent(ctx.res);
}

export const checkInRoutes: Route[] = [
	{ methods: ['POST'], pattern: '/Sessions/Playing', auth: true, handler: reportStart },
	{ methods: ['POST'], pattern: '/Sessions/Playing/Progress', auth: true, handler: reportProgress },
	{ methods: ['POST'], pattern: '/Sessions/Playing/Stopped', auth: true, handler: reportStopped },
	{ methods: ['POST'], pattern: '/Sessions/Playing/Ping', auth: true, handler: ping }
];
