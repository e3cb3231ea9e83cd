/**
 * Bodies for the playback check-ins `POST /Sessions/Playing`, `/Sessions/Playing/Progress` and
 * `/Sessions/Playing/Stopped` (Jellyfin `PlaybackProgressInfo` / `PlaybackStopInfo`).
 */
import type { CheckInEvent } from './checkin-events';
import { secondsToTicks } from './ticks';

export const PLAY_METHODS = ['DirectPlay', 'DirectStream', 'Transcode'] as const;
export const REPEAT_MODES = ['RepeatNone', 'RepeatAll', 'RepeatOne'] as const;

export type PlayMethod = (typeof PLAY_METHODS)[number];
export type RepeatMode = (typeof REPEAT_MODES)[number];

/** One `NowPlayingQueue` entry. */
export interface QueueItemRef {
	Id: string;
	PlaylistItemId: string;
}

/** Player state of the current item at the moment of a check-in. */
export interface PlaybackSnapshot {
	itemId: string;
	mediaSourceId: string;
	playSessionId: string;
	playlistItemId: string;
	positionSeconds: number;
	isPaused: boolean;
	isMuted: boolean;
	/** Media element volume, 0..1. */
	volume: number;
	canSeek: boolean;
	playMethod: PlayMethod;
	repeatMode: RepeatMode;
	/** Jellyfin 10.9+ `PlaybackOrder`; absent means Default. */
	playbackOrder?: 'Default' | 'Shuffle';
	playbackRate: number;
	audioStreamIndex?: number;
	subtitleStreamIndex?: number;
	queue: QueueItemRef[];
}

/** Converts a 0..1 volume to Jellyfin's integer `VolumeLevel` 0–100 (Math.round of volume × 100). */
export function toVolumeLevel(volume: number): number {
	if (!Number.isFinite(volume)) return 0;
	return Math.round(Math.min(Math.max(volume, 0), 1) * 100);
}

function copyQueue(queue: QueueItemRef[]): QueueItemRef[] {
	return queue.map(({ Id, PlaylistItemId }) => ({ Id, PlaylistItemId }));
}

/**
 * Builds the body for `POST /Sessions/Playing` and `/Sessions/Playing/Progress`. `EventName` is
 * added only when given, in jellyfin-web's spelling; the transport turns it into Emby's.
 */
export function buildProgressBody(
	snapshot: PlaybackSnapshot,
	eventName?: CheckInEvent
): Record<string, unknown> {
	const playbackRate =
		Number.isFinite(snapshot.playbackRate) && snapshot.playbackRate > 0 ? snapshot.playbackRate : 1;
	const body: Record<string, unknown> = {
		ItemId: snapshot.itemId,
		MediaSourceId: snapshot.mediaSourceId,
		PlaySessionId: snapshot.playSessionId,
		PlaylistItemId: snapshot.playlistItemId,
		PositionTicks: secondsToTicks(snapshot.positionSeconds),
		IsPaused: snapshot.isPaused,
		IsMuted: snapshot.isMuted,
		VolumeLevel: toVolumeLevel(snapshot.volume),
		CanSeek: snapshot.canSeek,
		PlayMethod: snapshot.playMethod,
		RepeatMode: snapshot.repeatMode,
		PlaybackOrder: snapshot.playbackOrder ?? 'Default',
		PlaybackRate: playbackRate,
		NowPlayingQueue: copyQueue(snapshot.queue)
	};

	if (snapshot.audioStreamIndex !== undefined) body.AudioStreamIndex = snapshot.audioStreamIndex;
	if (snapshot.subtitleStreamIndex !== undefined) {
		body.SubtitleStreamIndex = snapshot.subtitleStreamIndex;
	}
	if (eventName) body.EventName = eventName;
	return body;
}

/** Builds the body for `POST /Sessions/Playing/Stopped`. `failed` marks playback that ended in an error. */
export function buildStoppedBody(
	snapshot: PlaybackSnapshot,
	failed: boolean
): Record<string, unknown> {
	return {
		ItemId: snapshot.itemId,
		MediaSourceId: snapshot.mediaSourceId,
		PlaySessionId: snapshot.playSessionId,
		PlaylistItemId: snapshot.playlistItemId,
		PositionTicks: secondsToTicks(snapshot.positionSeconds),
		Failed: failed,
		NowPlayingQueue: copyQueue(snapshot.queue)
	};
}
