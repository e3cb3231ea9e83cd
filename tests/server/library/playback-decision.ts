import { acceptsCodec, type ProfileRules } from './device-profile.ts';
import type { HlsRendition, MediaDescription, SubtitleStreamSpec } from './types.ts';

/** What PlaybackInfo asked for, read from its body and query. */
export interface PlaybackRequest {
	profile?: ProfileRules;
	audioStreamIndex?: number;
	/** -1 turns subtitles off. */
	subtitleStreamIndex?: number;
	enableDirectPlay: boolean;
	enableTranscoding: boolean;
}

export type SubtitleMethod = 'External' | 'Encode';

export interface PlaybackDecision {
	directPlay: boolean;
	/** Jellyfin `TranscodeReason` names: why the file cannot be played as it is. */
	transcodeReasons: string[];
	/** The transcode to offer, when the file cannot be played directly and one fits. */
	rendition?: HlsRendition;
	audioStreamIndex: number;
	/** Index of the subtitle stream the transcode burns in, if any. */
	burnedSubtitleIndex?: number;
	/** How the client gets each subtitle stream, by stream Index; empty without a profile. */
	subtitleMethods: Map<number, SubtitleMethod>;
}

const TEXT_SUBTITLE_CODECS = new Set(['webvtt', 'subrip']);

/** Mirrors Jellyfin: text subtitles go External when the client takes WebVTT that way, others are burned in. */
function subtitleMethod(profile: ProfileRules, spec: SubtitleStreamSpec): SubtitleMethod {
	const codec = spec.codec.toLowerCase();
	const external = profile.subtitles.filter((rule) => rule.method === 'external');
	if (external.some((rule) => rule.format === codec)) return 'External';
	const takesVtt = external.some((rule) => rule.format === 'vtt' || rule.format === 'webvtt');
	return TEXT_SUBTITLE_CODECS.has(codec) && takesVtt ? 'External' : 'Encode';
}

interface Streams {
	kind: 'video' | 'audio';
	containers: string[];
	videoCodec?: string;
	/** Index of the first audio stream: 0 in an audio file, 1 after a video stream. */
	firstAudioIndex: number;
	audioCodecs: string[];
	subtitles: SubtitleStreamSpec[];
}

function streamsOf(media: MediaDescription): Streams {
	if (media.kind === 'tone') {
		return {
			kind: 'audio',
			containers: ['wav'],
			firstAudioIndex: 0,
			audioCodecs: ['pcm_s16le'],
			subtitles: []
		};
	}
	return {
		kind: 'video',
		containers: media.container.split(','),
		videoCodec: media.videoCodec,
		firstAudioIndex: 1,
		audioCodecs: media.audioStreams?.map((stream) => stream.codec) ?? [media.audioCodec],
		subtitles: media.subtitles ?? []
	};
}

/** Returns the requested audio stream's Index when the file has it, else the first audio stream's. */
function chooseAudioIndex(streams: Streams, requested: number | undefined): number {
	const last = streams.firstAudioIndex + streams.audioCodecs.length - 1;
	if (requested === undefined || requested < streams.firstAudioIndex || requested > last) {
		return streams.firstAudioIndex;
	}
	return requested;
}

function subtitleMethodsFor(profile: ProfileRules, streams: Streams): Map<number, SubtitleMethod> {
	const firstSubtitle = streams.firstAudioIndex + streams.audioCodecs.length;
	return new Map(
		streams.subtitles.map((spec, position) => [
			firstSubtitle + position,
			subtitleMethod(profile, spec)
		])
	);
}

/** Lists why the profile cannot play the file's container and codecs directly. */
function directPlayProblems(
	profile: ProfileRules,
	streams: Streams,
	audioCodec?: string
): string[] {
	const rules = profile.directPlay.filter(
		(rule) =>
			rule.type === streams.kind &&
			streams.containers.some((container) => rule.containers.includes(container))
	);
	if (rules.length === 0) return ['ContainerNotSupported'];
	const problems: string[] = [];
	if (!rules.some((rule) => acceptsCodec(rule.videoCodecs, streams.videoCodec))) {
		problems.push('VideoCodecNotSupported');
	}
	if (!rules.some((rule) => acceptsCodec(rule.audioCodecs, audioCodec))) {
		problems.push('AudioCodecNotSupported');
	}
	return problems;
}

/** True when the client takes H.264 and AAC in HLS, the format of every pre-made rendition. */
function takesHlsRenditions(profile: ProfileRules | undefined): boolean {
	if (!profile) return true;
	return profile.transcoding.some(
		(rule) =>
			rule.type === 'video' &&
			rule.protocol === 'hls' &&
			acceptsCodec(rule.videoCodecs, 'h264') &&
			acceptsCodec(rule.audioCodecs, 'aac')
	);
}

/**
 * Returns the rendition with the chosen audio stream and burned-in subtitle. NOTE: a real server
 * encodes into the container of the client's transcoding profile; these renditions have one
 * container each, whatever the profile requests.
 */
function pickRendition(
	media: MediaDescription,
	profile: ProfileRules | undefined,
	audioStreamIndex: number,
	burnedSubtitleIndex: number | undefined
): HlsRendition | undefined {
	if (media.kind !== 'file' || !takesHlsRenditions(profile)) return undefined;
	return media.renditions?.find(
		(candidate) =>
			candidate.audioStreamIndex === audioStreamIndex &&
			candidate.burnedSubtitleIndex === burnedSubtitleIndex
	);
}

/**
 * Decides how to offer a file, as Jellyfin's StreamBuilder would for this client. A file plays
 * directly when the profile accepts its container and codecs, the chosen audio stream is the
 * first one (a browser always plays that) and no chosen subtitle needs burning in. Otherwise the
 * pre-made rendition with the chosen audio and burned-in subtitle is offered, if there is one.
 */
export function decidePlayback(
	media: MediaDescription,
	request: PlaybackRequest
): PlaybackDecision {
	const streams = streamsOf(media);
	const audioStreamIndex = chooseAudioIndex(streams, request.audioStreamIndex);
	const profile = request.profile;
	const subtitleMethods = profile ? subtitleMethodsFor(profile, streams) : new Map();
	const subtitle = request.subtitleStreamIndex;
	const burnedSubtitleIndex =
		subtitle !== undefined && subtitleMethods.get(subtitle) === 'Encode' ? subtitle : undefined;
	const audioCodec = streams.audioCodecs[audioStreamIndex - streams.firstAudioIndex];
	const reasons = profile ? directPlayProblems(profile, streams, audioCodec) : [];
	if (audioStreamIndex !== streams.firstAudioIndex) reasons.push('SecondaryAudioNotSupported');
	if (burnedSubtitleIndex !== undefined) reasons.push('SubtitleCodecNotSupported');
	const directPlay = request.enableDirectPlay && reasons.length === 0;
	const rendition =
		directPlay || !request.enableTranscoding
			? undefined
			: pickRendition(media, profile, audioStreamIndex, burnedSubtitleIndex);
	return {
		directPlay,
		transcodeReasons: reasons,
		rendition,
		audioStreamIndex,
		burnedSubtitleIndex,
		subtitleMethods
	};
}
