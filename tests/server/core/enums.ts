/**
 * Jellyfin 10.11 enums, in declaration order so that an index is the member's numeric value
 * (JSON bodies may send enums as numbers).
 */
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
export type GeneralCommandType = (typeof GENERAL_COMMAND_TYPES)[number];

export const MEDIA_TYPES = ['Unknown', 'Video', 'Audio', 'Photo', 'Book'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const PLAYSTATE_COMMANDS = [
	'Stop',
	'Pause',
	'Unpause',
	'NextTrack',
	'PreviousTrack',
	'Seek',
	'Rewind',
	'FastForward',
	'PlayPause'
] as const;
export type PlaystateCommand = (typeof PLAYSTATE_COMMANDS)[number];

export const PLAY_COMMANDS = [
	'PlayNow',
	'PlayNext',
	'PlayLast',
	'PlayInstantMix',
	'PlayShuffle'
] as const;
export type PlayCommand = (typeof PLAY_COMMANDS)[number];

export const REPEAT_MODES = ['RepeatNone', 'RepeatAll', 'RepeatOne'] as const;
export type RepeatMode = (typeof REPEAT_MODES)[number];

export const PLAYBACK_ORDERS = ['Default', 'Shuffle'] as const;
export type PlaybackOrder = (typeof PLAYBACK_ORDERS)[number];

export const PLAY_METHODS = ['Transcode', 'DirectStream', 'DirectPlay'] as const;
export type PlayMethod = (typeof PLAY_METHODS)[number];

/** `BaseItemKind`, which `POST /Sessions/{id}/Viewing?itemType=` must name. */
export const BASE_ITEM_KINDS = [
	'AggregateFolder',
	'Audio',
	'AudioBook',
	'BasePluginFolder',
	'Book',
	'BoxSet',
	'Channel',
	'ChannelFolderItem',
	'CollectionFolder',
	'Episode',
	'Folder',
	'Genre',
	'ManualPlaylistsFolder',
	'Movie',
	'LiveTvChannel',
	'LiveTvProgram',
	'MusicAlbum',
	'MusicArtist',
	'MusicGenre',
	'MusicVideo',
	'Person',
	'Photo',
	'PhotoAlbum',
	'Playlist',
	'PlaylistsFolder',
	'Program',
	'Recording',
	'Season',
	'Series',
	'Studio',
	'Trailer',
	'TvChannel',
	'TvProgram',
	'UserRootFolder',
	'UserView',
	'Video',
	'Year'
] as const;

/**
 * `SessionMessageType`. An inbound frame whose MessageType is not one of these fails to parse
 * on the server and is logged and dropped.
 */
export const SESSION_MESSAGE_TYPES = [
	'ForceKeepAlive',
	'GeneralCommand',
	'UserDataChanged',
	'Sessions',
	'Play',
	'SyncPlayCommand',
	'SyncPlayGroupUpdate',
	'Playstate',
	'RestartRequired',
	'ServerShuttingDown',
	'ServerRestarting',
	'LibraryChanged',
	'UserDeleted',
	'UserUpdated',
	'SeriesTimerCreated',
	'TimerCreated',
	'SeriesTimerCancelled',
	'TimerCancelled',
	'RefreshProgress',
	'ScheduledTaskEnded',
	'PackageInstallationCancelled',
	'PackageInstallationFailed',
	'PackageInstallationCompleted',
	'PackageInstalling',
	'PackageUninstalled',
	'ActivityLogEntry',
	'ActivityLogEntryStart',
	'ActivityLogEntryStop',
	'SessionsStart',
	'SessionsStop',
	'ScheduledTasksInfoStart',
	'ScheduledTasksInfoStop',
	'ScheduledTasksInfo',
	'KeepAlive'
] as const;
