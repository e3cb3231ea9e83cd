import type { BaseItem } from '$lib/protocol/schemas';
import type { PlaybackStatus } from '$lib/stores/player.svelte';

/** An image of an item on the media server: the item that owns it and the image's tag. */
export interface ArtworkSource {
	itemId: string;
	tag: string;
}

/** The media element's numbers that the position state is built from. */
export interface MediaTiming {
	duration: number;
	currentTime: number;
	playbackRate: number;
}

/** Returns the item's own Primary image, else its album's, else its series'. */
export function artworkSourceOf(item: BaseItem): ArtworkSource | undefined {
	const ownTag = item.ImageTags?.Primary;
	if (ownTag) return { itemId: item.Id, tag: ownTag };
	if (item.AlbumId && item.AlbumPrimaryImageTag) {
		return { itemId: item.AlbumId, tag: item.AlbumPrimaryImageTag };
	}
	if (item.SeriesId && item.SeriesPrimaryImageTag) {
		return { itemId: item.SeriesId, tag: item.SeriesPrimaryImageTag };
	}
	return undefined;
}

/** Returns the series for an episode, else the track's artists, else the album artist. */
export function artistOf(item: BaseItem): string {
	if (item.SeriesName) return item.SeriesName;
	if (item.Artists?.length) return item.Artists.join(', ');
	return item.AlbumArtist ?? '';
}

/**
 * Builds the Media Session metadata for an item. `artworkUrl` turns an image reference into a
 * URL on the media server, or returns undefined when there is no server to ask.
 */
export function mediaMetadataOf(
	item: BaseItem,
	artworkUrl: (source: ArtworkSource) => string | undefined
): MediaMetadataInit {
	const source = artworkSourceOf(item);
	const src = source && artworkUrl(source);
	return {
		title: item.Name,
		artist: artistOf(item),
		album: item.Album ?? '',
		artwork: src ? [{ src }] : []
	};
}

/**
 * Builds the argument for `setPositionState`, or returns null when the duration is unknown or
 * infinite, which `setPositionState` rejects with a TypeError.
 */
export function positionStateOf(timing: MediaTiming): MediaPositionState | null {
	const { duration, currentTime, playbackRate } = timing;
	if (!Number.isFinite(duration) || duration <= 0) return null;
	const position = Number.isFinite(currentTime) ? Math.min(Math.max(0, currentTime), duration) : 0;
	// A rate of 0 is legal on a media element but makes setPositionState throw.
	const rate = Number.isFinite(playbackRate) && playbackRate !== 0 ? playbackRate : 1;
	return { duration, position, playbackRate: rate };
}

/**
 * Maps Cue's status to the playback state for the system's media controls. Cue starts playback right after
 * loading, so 'loading' counts as playing and the controls do not flicker between tracks.
 */
export function sessionPlaybackStateOf(status: PlaybackStatus): MediaSessionPlaybackState {
	switch (status) {
		case 'playing':
		case 'loading':
			return 'playing';
		case 'paused':
		case 'blocked':
			return 'paused';
		default:
			return 'none';
	}
}
