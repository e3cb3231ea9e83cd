/**
 * Switches the audio and subtitle streams of the loaded item. Browsers cannot reliably switch
 * between the audio tracks of a file, so another audio stream always comes from the server (a
 * remux or transcode of the file with that stream) at the current position. Text subtitles are
 * tracks in the element and switch at once. An image subtitle must be burned into the picture by
 * the server, so showing one takes a new stream, and so does leaving it.
 */
import { player, type LoadedMedia } from '$lib/stores/player.svelte';
import type { ActionResult, PlaybackEngine } from './engine';

function hasStream(loaded: LoadedMedia, type: string, index: number): boolean {
	return loaded.source.MediaStreams.some(
		(stream) => stream.Type === type && stream.Index === index
	);
}

export function selectAudioStream(
	engine: PlaybackEngine,
	index: number
): Promise<ActionResult> | ActionResult {
	const loaded = player.loaded;
	if (!loaded) return { ignored: 'nothing is loaded' };
	if (!hasStream(loaded, 'Audio', index)) return { ignored: `no audio stream ${index}` };
	if (loaded.audioStreamIndex === index) return 'applied';
	return engine.changeStream({
		atSeconds: engine.positionSeconds(),
		audioStreamIndex: index,
		play: !engine.media.paused,
		eventName: 'audiotrackchange',
		onFailure: 'keep'
	});
}

export function selectSubtitleStream(
	engine: PlaybackEngine,
	index: number
): Promise<ActionResult> | ActionResult {
	const loaded = player.loaded;
	if (!loaded) return { ignored: 'nothing is loaded' };
	if (index !== -1 && !hasStream(loaded, 'Subtitle', index)) {
		return { ignored: `no subtitle stream ${index}` };
	}
	if (loaded.subtitleStreamIndex === index) return 'applied';
	const isTrack = index === -1 || loaded.textSubtitles.some((track) => track.index === index);
	if (isTrack && !loaded.subtitleBurnedIn) return engine.showSubtitle(index);
	// A subtitle to burn in, a burned-in one to leave, or one the server did not offer as a file:
	// the server decides how to deliver it with the new stream.
	return engine.changeStream({
		atSeconds: engine.positionSeconds(),
		subtitleStreamIndex: index,
		play: !engine.media.paused,
		eventName: 'subtitletrackchange',
		onFailure: 'keep'
	});
}

/** One entry of the local audio or subtitle picker. */
export interface TrackOption {
	index: number;
	label: string;
}

export interface TrackChoices {
	audio: TrackOption[];
	subtitles: TrackOption[];
	audioStreamIndex?: number;
	subtitleStreamIndex: number;
}

function labelOf(stream: {
	Index: number;
	DisplayTitle?: string;
	Title?: string;
	Language?: string;
}) {
	return stream.DisplayTitle ?? stream.Title ?? stream.Language ?? `Stream ${stream.Index}`;
}

/** Lists the streams to pick from, or null when there is no choice to make. */
export function trackChoices(loaded: LoadedMedia | null): TrackChoices | null {
	if (!loaded) return null;
	const options = (type: string) =>
		loaded.source.MediaStreams.filter((stream) => stream.Type === type).map((stream) => ({
			index: stream.Index,
			label: labelOf(stream)
		}));
	const audio = options('Audio');
	const subtitles = options('Subtitle');
	if (audio.length < 2 && subtitles.length === 0) return null;
	return {
		audio,
		subtitles,
		audioStreamIndex: loaded.audioStreamIndex,
		subtitleStreamIndex: loaded.subtitleStreamIndex
	};
}
