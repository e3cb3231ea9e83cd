import { GENERAL_COMMAND_TYPES, PLAYSTATE_COMMANDS } from '../core/enums.ts';

/** Emby 4.8's `PlaystateCommand`: Jellyfin's members plus `SeekRelative` (a signed offset). */
export const EMBY_PLAYSTATE_COMMANDS = [...PLAYSTATE_COMMANDS, 'SeekRelative'] as const;

/** MediaBrowser 3's `PlaystateCommand` (2014), which had no `PlayPause`. */
export const MEDIABROWSER_PLAYSTATE_COMMANDS = PLAYSTATE_COMMANDS.filter(
	(command) => command !== 'PlayPause'
);

/** MediaBrowser 3's `GeneralCommandType` (2014): Jellyfin's members 0 to 28, up to DisplayMessage. */
export const MEDIABROWSER_GENERAL_COMMANDS = GENERAL_COMMAND_TYPES.slice(
	0,
	GENERAL_COMMAND_TYPES.indexOf('DisplayMessage') + 1
);

/** Emby 4.8's `ProgressEvent`, the `EventName` of a playback check-in. */
export const EMBY_PROGRESS_EVENTS = [
	'TimeUpdate',
	'Pause',
	'Unpause',
	'VolumeChange',
	'RepeatModeChange',
	'AudioTrackChange',
	'SubtitleTrackChange',
	'PlaylistItemMove',
	'PlaylistItemRemove',
	'PlaylistItemAdd',
	'QualityChange',
	'StateChange',
	'SubtitleOffsetChange',
	'PlaybackRateChange',
	'ShuffleChange'
] as const;

/** Emby-only GeneralCommand names that Emby relays and Jellyfin rejects. */
export const EMBY_ONLY_GENERAL_COMMANDS = [
	'SetPlaybackRate',
	'SetSubtitleOffset',
	'IncrementSubtitleOffset',
	'SetCurrentPlaylistItem',
	'RemoveFromPlaylist',
	'MovePlaylistItem'
] as const;
