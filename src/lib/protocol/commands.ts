/**
 * GeneralCommand names and readers for their string arguments. Jellyfin only relays names from its
 * closed `GeneralCommandType` enum and rejects capabilities that list any other name with HTTP 400.
 */
import { readWireNumber } from './fields';

/** Jellyfin's `GeneralCommandType` names, 10.8 (values 0–41) plus `SetPlaybackOrder` (42, 10.9+). */
export const GENERAL_COMMAND_TYPES = [
	'MoveUp',
	'MoveDown',
	'MoveLeft',
	'MoveRight',
	'PageUp',
	'PageDown',
	'PreviousLetter',
	'NextLetter',
	'ToggleOsd',
	'ToggleContextMenu',
	'Select',
	'Back',
	'TakeScreenshot',
	'SendKey',
	'SendString',
	'GoHome',
	'GoToSettings',
	'VolumeUp',
	'VolumeDown',
	'Mute',
	'Unmute',
	'ToggleMute',
	'SetVolume',
	'SetAudioStreamIndex',
	'SetSubtitleStreamIndex',
	'ToggleFullscreen',
	'DisplayContent',
	'GoToSearch',
	'DisplayMessage',
	'SetRepeatMode',
	'ChannelUp',
	'ChannelDown',
	'Guide',
	'ToggleStats',
	'PlayMediaSource',
	'PlayTrailers',
	'SetShuffleQueue',
	'PlayState',
	'PlayNext',
	'ToggleOsdMenu',
	'Play',
	'SetMaxStreamingBitrate',
	'SetPlaybackOrder'
] as const;

/**
 * GeneralCommand names Cue handles on every server. The app posts exactly this list as
 * SupportedCommands, and the command handlers are typed to cover exactly these names.
 */
export const SUPPORTED_COMMANDS = [
	'SetVolume',
	'VolumeUp',
	'VolumeDown',
	'Mute',
	'Unmute',
	'ToggleMute',
	'SetAudioStreamIndex',
	'SetSubtitleStreamIndex',
	'DisplayMessage',
	'SetRepeatMode',
	'SetShuffleQueue',
	'ToggleFullscreen',
	'SetMaxStreamingBitrate',
	'PlayMediaSource',
	'DisplayContent',
	'GoHome',
	'Back'
] as const;

/**
 * Commands only Emby defines. Jellyfin returns 400 for capabilities that name them, so Cue
 * advertises them only to Emby, but obeys them from any server.
 */
export const EMBY_ONLY_COMMANDS = [
	'SetPlaybackRate',
	'SetSubtitleOffset',
	'IncrementSubtitleOffset',
	'SetCurrentPlaylistItem',
	'RemoveFromPlaylist',
	'MovePlaylistItem'
] as const;

export type EmbyOnlyCommand = (typeof EMBY_ONLY_COMMANDS)[number];

export type SupportedCommand = (typeof SUPPORTED_COMMANDS)[number];

const SUPPORTED_COMMAND_NAMES: ReadonlySet<string> = new Set(SUPPORTED_COMMANDS);

const CANONICAL_COMMAND_NAMES = new Map<string, string>(
	GENERAL_COMMAND_TYPES.map((name) => [name.toLowerCase(), name])
);

export function isSupportedCommand(name: string): name is SupportedCommand {
	return SUPPORTED_COMMAND_NAMES.has(name);
}

/**
 * Returns the Jellyfin spelling of a command name matched without regard to case, or the name
 * unchanged when Jellyfin does not define it (Emby accepts free command names).
 */
export function canonicalCommandName(name: string): string {
	return CANONICAL_COMMAND_NAMES.get(name.toLowerCase()) ?? name;
}

/** Looks an argument up by its exact key first, then by the key in any case. */
function findArgument(args: Record<string, string>, key: string): string | undefined {
	if (Object.hasOwn(args, key)) return args[key];

	const lowerKey = key.toLowerCase();
	const match = Object.keys(args).find((candidate) => candidate.toLowerCase() === lowerKey);
	return match === undefined ? undefined : args[match];
}

/**
 * Reads an integer argument such as `Volume` or `Index`. Accepts "50", " 50 " and "50.0". Returns
 * undefined when the argument is missing, not a whole decimal number ("abc", "", "1e999", "2.5")
 * or outside `min`..`max`.
 */
export function readIntegerArgument(
	args: Record<string, string>,
	key: string,
	min: number,
	max: number
): number | undefined {
	const value = readWireNumber(findArgument(args, key));
	if (value === undefined || !Number.isSafeInteger(value)) return undefined;
	if (value < min || value > max) return undefined;
	return value;
}

/** Reads a string argument such as `Header` or `Text`, trimmed. Returns undefined when missing or blank. */
export function readStringArgument(args: Record<string, string>, key: string): string | undefined {
	const value = findArgument(args, key);
	if (typeof value !== 'string') return undefined;

	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/**
 * Reads a decimal argument such as `PlaybackRate` ("1.5"). Returns undefined when it is missing,
 * not a finite number, or outside `min`..`max`.
 */
export function readNumberArgument(
	args: Record<string, string>,
	key: string,
	min: number,
	max: number
): number | undefined {
	const value = readWireNumber(findArgument(args, key));
	if (value === undefined || !Number.isFinite(value)) return undefined;
	if (value < min || value > max) return undefined;
	return value;
}

/** Reads an argument that must be one of `choices`, matched without regard to case. */
export function readChoiceArgument<T extends string>(
	args: Record<string, string>,
	key: string,
	choices: readonly T[]
): T | undefined {
	const value = readStringArgument(args, key)?.toLowerCase();
	return choices.find((choice) => choice.toLowerCase() === value);
}
