/**
 * Chooses how to play a media source from the server's PlaybackInfo response: directly, when the
 * browser decodes the file with the chosen streams, or through the server's transcode.
 */
import type { PlayMethod } from '$lib/protocol/checkin';
import type { MediaSource, MediaStream } from '$lib/protocol/schemas';
import { canPlayStreams, type CanPlayType, type MediaKind } from './media-types';

/** Audio and subtitle streams by their own `Index`; a subtitle index of -1 means none. */
export interface StreamSelection {
	audioStreamIndex?: number;
	subtitleStreamIndex?: number;
}

export type PlaybackChoice =
	| { kind: 'direct' }
	| { kind: 'server'; url: string; protocol: 'hls' | 'http'; playMethod: PlayMethod }
	| { kind: 'none'; reason: string };

/** Jellyfin `TranscodeReason`s that leave every stream as it is: the server only remuxes. */
const REMUX_REASONS = new Set(['ContainerNotSupported', 'SecondaryAudioNotSupported']);

/** Subtitle codecs that are pictures, which only the server can show, by burning them in. */
const IMAGE_SUBTITLE_CODECS = new Set([
	'pgssub',
	'pgs',
	'hdmv_pgs_subtitle',
	'dvdsub',
	'dvd_subtitle',
	'dvbsub',
	'dvb_subtitle',
	'vobsub'
]);

export function streamsOfType(source: MediaSource, type: string): MediaStream[] {
	return source.MediaStreams.filter((stream) => stream.Type === type);
}

export function findStream(source: MediaSource, type: string, index: number | undefined) {
	return index === undefined
		? undefined
		: source.MediaStreams.find((stream) => stream.Type === type && stream.Index === index);
}

/** Returns the audio stream to play: the requested one if the source has it, else the default. */
export function chooseAudioIndex(source: MediaSource, requested?: number): number | undefined {
	if (findStream(source, 'Audio', requested)) return requested;
	const fallback = source.DefaultAudioStreamIndex;
	if (findStream(source, 'Audio', fallback)) return fallback;
	return streamsOfType(source, 'Audio')[0]?.Index;
}

/**
 * Returns the subtitle stream to show, or -1 for none: the requested one, else the server's
 * default when the browser can show it without help (a text subtitle it delivers as a file).
 */
export function chooseSubtitleIndex(source: MediaSource, requested?: number): number {
	if (requested === -1) return -1;
	if (findStream(source, 'Subtitle', requested)) return requested!;
	const fallback = findStream(source, 'Subtitle', source.DefaultSubtitleStreamIndex);
	return fallback && isExternalText(fallback) ? fallback.Index : -1;
}

/** True for a text subtitle the server hands over as a WebVTT file. */
export function isExternalText(stream: MediaStream): boolean {
	return stream.DeliveryMethod === 'External' && stream.DeliveryUrl !== undefined;
}

/** True when the subtitle stream `index` must be burned into the picture by the server. */
export function needsBurnIn(source: MediaSource, index: number | undefined): boolean {
	const stream = findStream(source, 'Subtitle', index);
	if (!stream) return false;
	if (stream.DeliveryMethod) return stream.DeliveryMethod === 'Encode';
	return IMAGE_SUBTITLE_CODECS.has(stream.Codec?.toLowerCase() ?? '');
}

/** True when `index` is the audio stream a browser plays from a file: the default one. */
function isDefaultAudio(source: MediaSource, index: number | undefined): boolean {
	const audio = streamsOfType(source, 'Audio');
	if (audio.length <= 1 || index === undefined) return true;
	const fallback = source.DefaultAudioStreamIndex ?? audio[0]!.Index;
	return index === fallback;
}

/** 'DirectStream' when the transcode only remuxes (by its TranscodeReasons), else 'Transcode'. */
export function playMethodOf(transcodingUrl: string): PlayMethod {
	const query = transcodingUrl.slice(transcodingUrl.indexOf('?') + 1);
	const reasons = new URLSearchParams(query).get('TranscodeReasons')?.split(',') ?? [];
	const remux = reasons.length > 0 && reasons.every((reason) => REMUX_REASONS.has(reason));
	return remux ? 'DirectStream' : 'Transcode';
}

/** Returns why the browser cannot play the source's file directly, or undefined when it can. */
function directPlayProblem(
	source: MediaSource,
	kind: MediaKind,
	selection: StreamSelection,
	canPlayType: CanPlayType
): string | undefined {
	if (source.SupportsDirectPlay === false) return 'the server does not offer it for direct play';
	if (!isDefaultAudio(source, selection.audioStreamIndex)) return 'it needs another audio stream';
	if (needsBurnIn(source, selection.subtitleStreamIndex)) return 'its subtitle must be burned in';
	const video = kind === 'Video' ? streamsOfType(source, 'Video')[0] : undefined;
	const audio = findStream(source, 'Audio', selection.audioStreamIndex);
	if (!canPlayStreams(canPlayType, source.Container, kind, video, audio)) {
		return `this browser cannot decode ${describeFormat(source, video, audio)}`;
	}
	return undefined;
}

function describeFormat(source: MediaSource, video?: MediaStream, audio?: MediaStream): string {
	const codecs = [video?.Codec, audio?.Codec].filter((codec) => codec !== undefined);
	return `${source.Container ?? 'this container'}${codecs.length ? ` (${codecs.join(', ')})` : ''}`;
}

export function choosePlayback(
	source: MediaSource,
	kind: MediaKind,
	selection: StreamSelection,
	canPlayType: CanPlayType
): PlaybackChoice {
	const problem = directPlayProblem(source, kind, selection, canPlayType);
	if (problem === undefined) return { kind: 'direct' };
	const url = source.TranscodingUrl;
	if (!url || source.SupportsTranscoding === false) {
		return {
			kind: 'none',
			reason: `it cannot play directly: ${problem}, and the server offers no transcode`
		};
	}
	const protocol =
		source.TranscodingSubProtocol === 'hls' || /\.m3u8(\?|$)/i.test(url) ? 'hls' : 'http';
	return { kind: 'server', url, protocol, playMethod: playMethodOf(url) };
}
