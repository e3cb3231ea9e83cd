/**
 * Schemas for items, media sources and streams as Jellyfin (10.8–10.11) and Emby write them in
 * `BaseItemDto`, `MediaSourceInfo` and `MediaStream`. Unknown fields are stripped.
 */
import * as z from 'zod/mini';
import {
	defaultedArray,
	optionalField,
	wireId,
	wireInteger,
	wireNumber,
	wireText,
	wireTicks
} from './fields';

/** Jellyfin's `MediaStreamType` enum in declaration order, for payloads that write it as a number. */
const MEDIA_STREAM_TYPES = ['Audio', 'Video', 'Subtitle', 'EmbeddedImage', 'Data', 'Lyric'];

const mediaStreamType = z.pipe(
	z.union([z.string(), z.int()], { error: 'must be a string' }),
	z.transform((value, context) => {
		if (typeof value === 'string') return value;

		const name = MEDIA_STREAM_TYPES[value];
		if (name !== undefined) return name;
		context.issues.push({ code: 'custom', message: 'is not a known stream type', input: value });
		return z.NEVER;
	})
);

/**
 * Creates a schema for an array whose malformed elements are dropped instead of failing the whole payload. A missing or
 * null array reads as empty.
 */
function arrayOfValid<T extends z.ZodMiniType>(element: T) {
	return z.pipe(
		defaultedArray(z.unknown()),
		z.transform((items: unknown[]) =>
			items.flatMap((item): z.output<T>[] => {
				const result = element.safeParse(item);
				return result.success ? [result.data] : [];
			})
		)
	);
}

/**
 * A missing Index or Type reads as the default of Jellyfin's non-nullable model fields (0 and
 * Audio), which is how the server reads its own test fixtures. Live servers always write both.
 */
export const MediaStreamSchema = z.object({
	Index: z.pipe(
		optionalField(wireInteger),
		z.transform((index: number | undefined) => index ?? 0)
	),
	Type: z.pipe(
		optionalField(mediaStreamType),
		z.transform((type: string | undefined) => type ?? 'Audio')
	),
	Codec: optionalField(z.string()),
	Profile: optionalField(z.string()),
	Level: optionalField(wireNumber),
	Language: optionalField(z.string()),
	Title: optionalField(z.string()),
	DisplayTitle: optionalField(z.string()),
	IsTextSubtitleStream: optionalField(z.boolean()),
	DeliveryMethod: optionalField(z.string()),
	DeliveryUrl: optionalField(z.string()),
	IsDefault: optionalField(z.boolean()),
	IsExternal: optionalField(z.boolean())
});

export const MediaSourceSchema = z.object({
	Id: wireId,
	Container: optionalField(z.string()),
	Path: optionalField(z.string()),
	Protocol: optionalField(z.string()),
	RunTimeTicks: optionalField(wireTicks),
	SupportsDirectPlay: optionalField(z.boolean()),
	SupportsDirectStream: optionalField(z.boolean()),
	SupportsTranscoding: optionalField(z.boolean()),
	TranscodingUrl: optionalField(z.string()),
	TranscodingSubProtocol: optionalField(z.string()),
	TranscodingContainer: optionalField(z.string()),
	ETag: optionalField(z.string()),
	// A malformed stream is dropped rather than failing the whole media source.
	MediaStreams: arrayOfValid(MediaStreamSchema),
	DefaultAudioStreamIndex: optionalField(wireInteger),
	DefaultSubtitleStreamIndex: optionalField(wireInteger),
	Bitrate: optionalField(wireNumber)
});

const userItemDataFields = {
	Played: optionalField(z.boolean()),
	IsFavorite: optionalField(z.boolean()),
	PlaybackPositionTicks: optionalField(wireTicks),
	PlayCount: optionalField(wireInteger),
	PlayedPercentage: optionalField(wireNumber),
	UnplayedItemCount: optionalField(wireInteger),
	LastPlayedDate: optionalField(z.string()),
	Key: optionalField(wireText)
};

/** `UserItemDataDto` inside an item, where `ItemId` may be absent. */
export const ItemUserDataSchema = z.object({
	...userItemDataFields,
	ItemId: optionalField(wireId)
});

/** `UserItemDataDto` in a `UserDataChanged` message, which names the item it belongs to. */
export const UserItemDataSchema = z.object({ ...userItemDataFields, ItemId: wireId });

export const BaseItemSchema = z.object({
	Id: wireId,
	Name: z.string(),
	Type: optionalField(z.string()),
	MediaType: optionalField(z.string()),
	RunTimeTicks: optionalField(wireTicks),
	Album: optionalField(z.string()),
	AlbumId: optionalField(wireId),
	AlbumArtist: optionalField(z.string()),
	Artists: optionalField(z.array(z.string())),
	SeriesName: optionalField(z.string()),
	SeriesId: optionalField(wireId),
	IndexNumber: optionalField(wireInteger),
	ParentIndexNumber: optionalField(wireInteger),
	ProductionYear: optionalField(wireInteger),
	Overview: optionalField(z.string()),
	ImageTags: optionalField(z.record(z.string(), z.string())),
	AlbumPrimaryImageTag: optionalField(z.string()),
	SeriesPrimaryImageTag: optionalField(z.string()),
	ServerId: optionalField(z.string()),
	UserData: optionalField(ItemUserDataSchema),
	MediaSources: optionalField(z.array(MediaSourceSchema))
});

export type MediaStream = z.output<typeof MediaStreamSchema>;
export type MediaSource = z.output<typeof MediaSourceSchema>;
export type ItemUserData = z.output<typeof ItemUserDataSchema>;
export type UserItemData = z.output<typeof UserItemDataSchema>;
export type BaseItem = z.output<typeof BaseItemSchema>;
