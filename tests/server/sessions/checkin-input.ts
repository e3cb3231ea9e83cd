import { PLAY_METHODS, PLAYBACK_ORDERS, REPEAT_MODES } from '../core/enums.ts';
import { ValidationError } from '../core/errors.ts';
import {
	field,
	isObject,
	readBoolean,
	readEnum,
	readGuid,
	readNumber,
	readString,
	type JsonObject
} from '../core/json-input.ts';
import type { ProgressReport, StopReport } from './playback.ts';
import type { QueueItem } from './session.ts';

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
export function readProgressReport(body: JsonObject): ProgressReport {
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

/** Parses `PlaybackStopInfo`. */
export function readStopReport(body: JsonObject): StopReport {
	return {
		itemId: readGuid(body, 'ItemId'),
		positionTicks: readNumber(body, 'PositionTicks'),
		failed: readBoolean(body, 'Failed') ?? false,
		nowPlayingQueue: readQueue(body),
		playlistItemId: readString(body, 'PlaylistItemId')
	};
}
