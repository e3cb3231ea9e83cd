/**
 * Types of the socket messages Cue handles, named as Jellyfin names them (`PlayRequest`,
 * `PlaystateRequest`, `GeneralCommand`, `UserDataChangeInfo`, `LibraryUpdateInfo`).
 */
import type { UserItemData } from './media-schemas';

export const PLAY_COMMANDS = [
	'PlayNow',
	'PlayNext',
	'PlayLast',
	'PlayInstantMix',
	'PlayShuffle'
] as const;

/** Jellyfin's `PlaystateCommand` values plus Emby 4.8's `SeekRelative`. */
export const PLAYSTATE_COMMANDS = [
	'Stop',
	'Pause',
	'Unpause',
	'NextTrack',
	'PreviousTrack',
	'Seek',
	'Rewind',
	'FastForward',
	'PlayPause',
	'SeekRelative'
] as const;

export type PlayCommand = (typeof PLAY_COMMANDS)[number];
export type PlaystateCommand = (typeof PLAYSTATE_COMMANDS)[number];

export interface PlayRequest {
	ItemIds: string[];
	PlayCommand: PlayCommand;
	StartPositionTicks?: number;
	/** Index into `ItemIds` of the item to start with. Absent means 0. */
	StartIndex?: number;
	MediaSourceId?: string;
	AudioStreamIndex?: number;
	SubtitleStreamIndex?: number;
	ControllingUserId?: string;
}

export interface PlaystateRequest {
	Command: PlaystateCommand;
	/** Absolute target for Seek, or a signed offset for Emby's SeekRelative. */
	SeekPositionTicks?: number;
	ControllingUserId?: string;
}

export interface GeneralCommand {
	Name: string;
	Arguments: Record<string, string>;
	ControllingUserId?: string;
}

export interface UserDataChangeInfo {
	UserId?: string;
	UserDataList: UserItemData[];
}

export interface LibraryUpdateInfo {
	FoldersAddedTo: string[];
	FoldersRemovedFrom: string[];
	ItemsAdded: string[];
	ItemsRemoved: string[];
	ItemsUpdated: string[];
	CollectionFolders: string[];
	IsEmpty?: boolean;
}

export interface UserUpdateInfo {
	Id: string;
	Name?: string;
	PrimaryImageTag?: string;
}

/** Message types whose `Data` Cue validates, with the type of that `Data`. */
export interface DataByMessageType {
	ForceKeepAlive: number;
	Play: PlayRequest;
	Playstate: PlaystateRequest;
	GeneralCommand: GeneralCommand;
	UserDataChanged: UserDataChangeInfo;
	LibraryChanged: LibraryUpdateInfo;
	UserDeleted: string;
	UserUpdated: UserUpdateInfo;
}

/** Message types Cue handles whose `Data` it passes on unchecked (often `""`, or absent). */
export const OPAQUE_DATA_TYPES = [
	'ServerRestarting',
	'ServerShuttingDown',
	'RestartRequired',
	'NotificationAdded',
	'NotificationUpdated',
	'NotificationsMarkedRead'
] as const;

export type OpaqueDataType = (typeof OPAQUE_DATA_TYPES)[number];

export type InboundMessage =
	| {
			[T in keyof DataByMessageType]: {
				MessageType: T;
				MessageId?: string;
				Data: DataByMessageType[T];
			};
	  }[keyof DataByMessageType]
	| { MessageType: 'KeepAlive'; MessageId?: string }
	| { MessageType: OpaqueDataType; MessageId?: string; Data?: unknown };

export type ParsedFrame =
	| { kind: 'message'; message: InboundMessage }
	/** A well-formed envelope of a type Cue does not handle (Sessions, SyncPlay…, RefreshProgress…). */
	| { kind: 'unknown'; messageType: string; messageId?: string }
	/** Not JSON, not an object, no MessageType string, or a handled type whose Data is malformed. */
	| { kind: 'invalid'; reason: string; messageType?: string; messageId?: string };
