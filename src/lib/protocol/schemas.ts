/**
 * Schemas for the HTTP payloads Cue reads from Jellyfin 10.8–10.11 and Emby 4.x. They are lenient:
 * unknown fields are stripped, optional fields may be missing, null reads as absent, and numbers
 * may arrive as strings.
 */
import * as z from 'zod/mini';
import {
	caseInsensitiveEnum,
	defaultedArray,
	optionalField,
	wireId,
	wireInteger,
	wireText,
	wireTicks
} from './fields';
import { PLAY_METHODS, REPEAT_MODES } from './checkin';
import { BaseItemSchema, MediaSourceSchema } from './media-schemas';

export {
	BaseItemSchema,
	ItemUserDataSchema,
	MediaSourceSchema,
	MediaStreamSchema,
	UserItemDataSchema
} from './media-schemas';
export type {
	BaseItem,
	ItemUserData,
	MediaSource,
	MediaStream,
	UserItemData
} from './media-schemas';

/** `GET /System/Info/Public`. `ProductName` is "Jellyfin Server" on Jellyfin, "Emby Server" or absent on Emby. */
export const PublicSystemInfoSchema = z.object({
	ServerName: optionalField(z.string()),
	Version: optionalField(z.string()),
	Id: optionalField(z.string()),
	ProductName: optionalField(z.string()),
	LocalAddress: optionalField(z.string()),
	StartupWizardCompleted: optionalField(z.boolean())
});

/** `GET /System/Info` (authenticated), of which Cue reads only MediaBrowser 3's socket port. */
export const SystemInfoSchema = z.object({
	...PublicSystemInfoSchema.shape,
	WebSocketPortNumber: optionalField(z.number().check(z.int(), z.minimum(1), z.maximum(65535)))
});

export const UserSchema = z.object({
	Id: wireId,
	Name: z.string(),
	ServerId: optionalField(z.string()),
	PrimaryImageTag: optionalField(z.string())
});

/** `POST /Users/AuthenticateByName` and `/Users/AuthenticateWithQuickConnect`. */
export const AuthenticationResultSchema = z.object({
	AccessToken: z.string().check(z.trim(), z.minLength(1)),
	User: UserSchema,
	ServerId: optionalField(z.string()),
	SessionInfo: optionalField(z.object({ Id: wireId }))
});

/** `POST /QuickConnect/Initiate` and `GET /QuickConnect/Connect` (Jellyfin only). */
export const QuickConnectResultSchema = z.object({
	Authenticated: optionalField(z.boolean()),
	Secret: z.string().check(z.minLength(1)),
	Code: optionalField(wireText),
	DeviceId: optionalField(z.string()),
	DeviceName: optionalField(z.string()),
	AppName: optionalField(z.string()),
	AppVersion: optionalField(z.string()),
	DateAdded: optionalField(z.string())
});

export const ItemsResultSchema = z.object({
	Items: defaultedArray(BaseItemSchema),
	TotalRecordCount: optionalField(wireInteger)
});

/** `POST /Items/{itemId}/PlaybackInfo`. `ErrorCode` is e.g. NotAllowed or NoCompatibleStream. */
export const PlaybackInfoResponseSchema = z.object({
	MediaSources: defaultedArray(MediaSourceSchema),
	PlaySessionId: optionalField(z.string()),
	ErrorCode: optionalField(z.string())
});

const PlayStateSchema = z.object({
	PositionTicks: optionalField(wireTicks),
	CanSeek: optionalField(z.boolean()),
	IsPaused: optionalField(z.boolean()),
	IsMuted: optionalField(z.boolean()),
	VolumeLevel: optionalField(wireInteger),
	AudioStreamIndex: optionalField(wireInteger),
	SubtitleStreamIndex: optionalField(wireInteger),
	MediaSourceId: optionalField(z.string()),
	PlayMethod: optionalField(caseInsensitiveEnum(PLAY_METHODS)),
	RepeatMode: optionalField(caseInsensitiveEnum(REPEAT_MODES))
});

/** One entry of `GET /Sessions` (Jellyfin `SessionInfo`/`SessionInfoDto`, Emby `SessionInfo`). */
export const SessionInfoSchema = z.object({
	Id: wireId,
	DeviceId: z.string(),
	DeviceName: optionalField(z.string()),
	Client: optionalField(z.string()),
	UserId: optionalField(wireId),
	SupportsRemoteControl: optionalField(z.boolean()),
	SupportsMediaControl: optionalField(z.boolean()),
	SupportedCommands: optionalField(z.array(z.string())),
	PlayState: optionalField(PlayStateSchema),
	NowPlayingItem: optionalField(BaseItemSchema)
});

export type PublicSystemInfo = z.output<typeof PublicSystemInfoSchema>;
export type SystemInfo = z.output<typeof SystemInfoSchema>;
export type User = z.output<typeof UserSchema>;
export type AuthenticationResult = z.output<typeof AuthenticationResultSchema>;
export type QuickConnectResult = z.output<typeof QuickConnectResultSchema>;
export type ItemsResult = z.output<typeof ItemsResultSchema>;
export type PlaybackInfoResponse = z.output<typeof PlaybackInfoResponseSchema>;
export type SessionInfo = z.output<typeof SessionInfoSchema>;
