/**
 * Schemas for check-in bodies (`PlaybackProgressInfo`, `PlaybackStopInfo`), for the fake server and
 * tests that read what a client posted. Explicit nulls are accepted, as Jellyfin accepts them.
 */
import * as z from 'zod/mini';
import { PLAY_METHODS, REPEAT_MODES } from './checkin';
import {
	caseInsensitiveEnum,
	optionalField,
	wireId,
	wireInteger,
	wireNumber,
	wireTicks
} from './fields';

const QueueItemRefSchema = z.object({ Id: wireId, PlaylistItemId: optionalField(z.string()) });

const sharedFields = {
	ItemId: wireId,
	MediaSourceId: optionalField(z.string()),
	PlaySessionId: optionalField(z.string()),
	PlaylistItemId: optionalField(z.string()),
	PositionTicks: optionalField(wireTicks),
	NowPlayingQueue: optionalField(z.array(QueueItemRefSchema))
};

/** Body of `POST /Sessions/Playing` and `/Sessions/Playing/Progress`. */
export const PlaybackProgressInfoSchema = z.object({
	...sharedFields,
	IsPaused: optionalField(z.boolean()),
	IsMuted: optionalField(z.boolean()),
	CanSeek: optionalField(z.boolean()),
	VolumeLevel: optionalField(wireInteger),
	PlayMethod: optionalField(caseInsensitiveEnum(PLAY_METHODS)),
	RepeatMode: optionalField(caseInsensitiveEnum(REPEAT_MODES)),
	PlaybackOrder: optionalField(caseInsensitiveEnum(['Default', 'Shuffle'])),
	PlaybackRate: optionalField(wireNumber),
	// jellyfin-web sends Date.now() × 10,000 here, beyond the safe-integer range, so the value read is not exact.
	PlaybackStartTimeTicks: optionalField(wireNumber),
	AudioStreamIndex: optionalField(wireInteger),
	SubtitleStreamIndex: optionalField(wireInteger),
	EventName: optionalField(z.string())
});

/** Body of `POST /Sessions/Playing/Stopped`. */
export const PlaybackStopInfoSchema = z.object({
	...sharedFields,
	Failed: optionalField(z.boolean())
});

export type PlaybackProgressInfo = z.output<typeof PlaybackProgressInfoSchema>;
export type PlaybackStopInfo = z.output<typeof PlaybackStopInfoSchema>;
