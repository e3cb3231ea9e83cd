/**
 * Schemas for the `Data` of each socket message type Cue handles. Field names and enum values are
 * Jellyfin's (`PlayRequest`, `PlaystateRequest`, `GeneralCommand`, `UserDataChangeInfo`,
 * `LibraryUpdateInfo`). Emby and legacy servers use the same shapes.
 */
import * as z from 'zod/mini';
import { canonicalCommandName } from './commands';
import {
	caseInsensitiveEnum,
	defaultedArray,
	optionalField,
	wireId,
	wireInteger,
	wireNumber,
	wireText,
	wireTicks
} from './fields';
import { UserItemDataSchema } from './media-schemas';
import {
	PLAY_COMMANDS,
	PLAYSTATE_COMMANDS,
	type GeneralCommand,
	type LibraryUpdateInfo,
	type PlayRequest,
	type PlaystateRequest,
	type UserDataChangeInfo,
	type UserUpdateInfo
} from './message-types';

/** ForceKeepAlive `Data`: seconds after which the server considers the socket lost. */
export const ForceKeepAliveDataSchema: z.ZodMiniType<number> = z.pipe(
	wireNumber,
	z.number().check(z.refine((seconds) => seconds > 0, 'must be a positive number of seconds'))
);

export const PlayRequestSchema: z.ZodMiniType<PlayRequest> = z.object({
	ItemIds: z.array(wireId).check(z.minLength(1)),
	PlayCommand: caseInsensitiveEnum(PLAY_COMMANDS),
	StartPositionTicks: optionalField(wireTicks),
	StartIndex: optionalField(wireInteger),
	MediaSourceId: optionalField(z.string()),
	AudioStreamIndex: optionalField(wireInteger),
	SubtitleStreamIndex: optionalField(wireInteger),
	ControllingUserId: optionalField(z.string())
});

/** Commands whose `SeekPositionTicks` is required: an absolute target for Seek, an offset for SeekRelative. */
const COMMANDS_WITH_TICKS: ReadonlySet<string> = new Set(['Seek', 'SeekRelative']);

export const PlaystateRequestSchema: z.ZodMiniType<PlaystateRequest> = z
	.object({
		Command: caseInsensitiveEnum(PLAYSTATE_COMMANDS),
		SeekPositionTicks: optionalField(wireTicks),
		ControllingUserId: optionalField(z.string())
	})
	.check(
		z.refine(
			(request) =>
				!COMMANDS_WITH_TICKS.has(request.Command) || request.SeekPositionTicks !== undefined,
			{ message: 'is required for Seek and SeekRelative', path: ['SeekPositionTicks'] }
		)
	);

/**
 * GeneralCommand `Arguments`: a string map on the wire. A number or boolean from a controller is
 * turned into its string, as Jellyfin does, and a null value is dropped.
 */
const commandArguments = z.pipe(
	optionalField(z.record(z.string(), z.nullable(wireText))),
	z.transform((args: Record<string, string | null> | undefined) => {
		const entries = Object.entries(args ?? {}).filter(
			(entry): entry is [string, string] => entry[1] !== null
		);
		return Object.fromEntries(entries);
	})
);

export const GeneralCommandSchema: z.ZodMiniType<GeneralCommand> = z.object({
	Name: z.pipe(z.string().check(z.trim(), z.minLength(1)), z.transform(canonicalCommandName)),
	Arguments: commandArguments,
	ControllingUserId: optionalField(z.string())
});

export const UserDataChangeInfoSchema: z.ZodMiniType<UserDataChangeInfo> = z.object({
	UserId: optionalField(wireId),
	UserDataList: defaultedArray(UserItemDataSchema)
});

export const LibraryUpdateInfoSchema: z.ZodMiniType<LibraryUpdateInfo> = z.object({
	FoldersAddedTo: defaultedArray(wireId),
	FoldersRemovedFrom: defaultedArray(wireId),
	ItemsAdded: defaultedArray(wireId),
	ItemsRemoved: defaultedArray(wireId),
	ItemsUpdated: defaultedArray(wireId),
	CollectionFolders: defaultedArray(wireId),
	IsEmpty: optionalField(z.boolean())
});

/** UserDeleted `Data`: the deleted user's id. */
export const UserDeletedDataSchema: z.ZodMiniType<string> = wireId;

/** UserUpdated `Data`: the user's `UserDto`, of which Cue reads the id, name and image tag. */
export const UserUpdateInfoSchema: z.ZodMiniType<UserUpdateInfo> = z.object({
	Id: wireId,
	Name: optionalField(z.string()),
	PrimaryImageTag: optionalField(z.string())
});
