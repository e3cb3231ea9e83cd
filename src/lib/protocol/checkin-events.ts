/**
 * Check-in `EventName` values. Cue names events as jellyfin-web does (lower case), which Jellyfin
 * ignores. Emby 4.8 types the field as an enum of PascalCase names, so Emby and MediaBrowser get
 * those.
 */
import type { ServerKind } from './server-kind';

export type CheckInEvent =
	| 'timeupdate'
	| 'pause'
	| 'unpause'
	| 'volumechange'
	| 'repeatmodechange'
	| 'shufflequeuemodechange'
	| 'audiotrackchange'
	| 'subtitletrackchange'
	| 'subtitleoffsetchange'
	| 'playbackratechange'
	| 'playlistitemadd'
	| 'playlistitemremove'
	| 'playlistitemmove';

const EMBY_EVENT_NAMES: Record<CheckInEvent, string> = {
	timeupdate: 'TimeUpdate',
	pause: 'Pause',
	unpause: 'Unpause',
	volumechange: 'VolumeChange',
	repeatmodechange: 'RepeatModeChange',
	shufflequeuemodechange: 'ShuffleChange',
	audiotrackchange: 'AudioTrackChange',
	subtitletrackchange: 'SubtitleTrackChange',
	subtitleoffsetchange: 'SubtitleOffsetChange',
	playbackratechange: 'PlaybackRateChange',
	playlistitemadd: 'PlaylistItemAdd',
	playlistitemremove: 'PlaylistItemRemove',
	playlistitemmove: 'PlaylistItemMove'
};

/** Returns the `EventName` spelling the server expects for an event. */
export function eventNameFor(kind: ServerKind, event: CheckInEvent): string {
	return kind === 'emby' || kind === 'mediabrowser' ? EMBY_EVENT_NAMES[event] : event;
}
