import type { PlaybackSnapshot } from '$lib/protocol/checkin';
import { toQueueItemRefs, type QueueState } from '$lib/queue';
import type { LoadedMedia } from '$lib/stores/player.svelte';
import type { RepeatMode } from '$lib/protocol/checkin';

/**
 * Reads the state to report from the media element itself, so a check-in never claims playback
 * that the element is not doing: a paused element is reported as paused, whatever Cue intended.
 * The position is in the item: the element's time plus where a transcode started.
 */
export function takeSnapshot(
	media: HTMLMediaElement,
	loaded: LoadedMedia,
	queue: QueueState,
	repeatMode: RepeatMode,
	shuffled = false
): PlaybackSnapshot {
	return {
		itemId: loaded.item.Id,
		mediaSourceId: loaded.source.Id,
		playSessionId: loaded.playSessionId,
		playlistItemId: loaded.entry.playlistItemId,
		positionSeconds:
			loaded.offsetSeconds + (Number.isFinite(media.currentTime) ? media.currentTime : 0),
		isPaused: media.paused,
		isMuted: media.muted,
		volume: media.volume,
		canSeek: media.seekable.length > 0 || Number.isFinite(media.duration),
		playMethod: loaded.playMethod,
		repeatMode,
		playbackOrder: shuffled ? 'Shuffle' : 'Default',
		playbackRate: media.playbackRate,
		audioStreamIndex: loaded.audioStreamIndex,
		subtitleStreamIndex: hasSubtitles(loaded) ? loaded.subtitleStreamIndex : undefined,
		queue: toQueueItemRefs(queue)
	};
}

function hasSubtitles(loaded: LoadedMedia): boolean {
	return loaded.source.MediaStreams.some((stream) => stream.Type === 'Subtitle');
}
