import { SAMPLE_RATE } from './tone.ts';
import type {
	AudioCodec,
	AudioStreamSpec,
	MediaDescription,
	SubtitleStreamSpec,
	VideoCodec,
	VideoFileMedia
} from './types.ts';

/**
 * `MediaStream` entries as Jellyfin's probe fills them in, with properties in the server's order.
 * Codecs, sizes, rates and time bases come from ffprobe on the committed demo files. Bit rates
 * that ffprobe does not report (VP9 and Opus in WebM) are the encoder targets instead.
 */
const COMMON = {
	VideoRange: 'Unknown',
	VideoRangeType: 'Unknown',
	AudioSpatialFormat: 'None',
	LocalizedDefault: 'Default',
	LocalizedExternal: 'External'
};

const FLAGS = { IsDefault: true, IsForced: false, IsHearingImpaired: false };
const TAIL = { IsExternal: false, IsTextSubtitleStream: false, SupportsExternalStream: false };

function pcmStream() {
	return {
		Codec: 'pcm_s16le',
		TimeBase: `1/${SAMPLE_RATE}`,
		...COMMON,
		DisplayTitle: 'PCM_S16LE - Mono - Default',
		IsInterlaced: false,
		IsAVC: false,
		ChannelLayout: 'mono',
		BitRate: SAMPLE_RATE * 16,
		BitDepth: 16,
		Channels: 1,
		SampleRate: SAMPLE_RATE,
		...FLAGS,
		Type: 'Audio',
		Index: 0,
		...TAIL,
		Level: 0
	};
}

const VIDEO_DETAILS: Record<VideoCodec, { tag?: string; bitRate: number; profile: string }> = {
	h264: { tag: 'avc1', bitRate: 20542, profile: 'High' },
	hevc: { tag: 'hvc1', bitRate: 27000, profile: 'Main' },
	vp9: { bitRate: 170000, profile: 'Profile 0' }
};

const VIDEO_LEVELS: Record<VideoCodec, number> = { h264: 21, hevc: 60, vp9: 0 };

function videoStream(codec: VideoCodec) {
	const details = VIDEO_DETAILS[codec];
	const h264 = codec === 'h264';
	return {
		Codec: codec,
		CodecTag: details.tag,
		TimeBase: codec === 'vp9' ? '1/1000' : '1/12800',
		...COMMON,
		VideoRange: 'SDR',
		VideoRangeType: 'SDR',
		DisplayTitle: `180p ${codec.toUpperCase()} SDR`,
		NalLengthSize: details.tag ? '4' : undefined,
		IsInterlaced: false,
		IsAVC: h264,
		BitRate: details.bitRate,
		BitDepth: 8,
		RefFrames: 1,
		...FLAGS,
		Height: 180,
		Width: 320,
		AverageFrameRate: 25,
		RealFrameRate: 25,
		ReferenceFrameRate: 25,
		Profile: details.profile,
		Type: 'Video',
		AspectRatio: '16:9',
		Index: 0,
		...TAIL,
		PixelFormat: 'yuv420p',
		Level: VIDEO_LEVELS[codec],
		IsAnamorphic: false
	};
}

const AUDIO_DETAILS: Record<
	AudioCodec,
	{ tag?: string; name: string; timeBase: string; bitRate: number; rate: number; channels: number }
> = {
	aac: { tag: 'mp4a', name: 'AAC', timeBase: '1/44100', bitRate: 64233, rate: 44100, channels: 2 },
	opus: { name: 'Opus', timeBase: '1/1000', bitRate: 48000, rate: 48000, channels: 2 },
	dts: { name: 'DTS', timeBase: '1/1000', bitRate: 32000, rate: 8000, channels: 1 }
};

const AUDIO_PROFILES: Partial<Record<AudioCodec, string>> = { aac: 'LC', dts: 'DTS' };

function compressedAudioStream(codec: AudioCodec, index = 1, spec?: AudioStreamSpec) {
	const details = AUDIO_DETAILS[codec];
	// A file with several audio streams has mono streams with a language each.
	const channels = spec ? 1 : details.channels;
	const layout = channels === 1 ? 'mono' : 'stereo';
	const isDefault = index === 1;
	const titlePrefix = spec ? `${spec.title} - ` : '';
	return {
		Codec: codec,
		CodecTag: details.tag,
		Language: spec?.language,
		Title: spec?.title,
		TimeBase: details.timeBase,
		...COMMON,
		DisplayTitle: `${titlePrefix}${details.name} - ${layout === 'mono' ? 'Mono' : 'Stereo'}${isDefault ? ' - Default' : ''}`,
		IsInterlaced: false,
		IsAVC: false,
		ChannelLayout: layout,
		BitRate: spec ? 40000 : details.bitRate,
		Channels: channels,
		SampleRate: details.rate,
		...FLAGS,
		IsDefault: isDefault,
		Profile: AUDIO_PROFILES[codec],
		Type: 'Audio',
		Index: index,
		...TAIL,
		Level: 0
	};
}

function subtitleStream(spec: SubtitleStreamSpec, index: number) {
	const isText = spec.codec !== 'PGSSUB';
	const external = spec.file !== undefined;
	return {
		Codec: spec.codec,
		Language: spec.language,
		Title: spec.title,
		TimeBase: '1/1000',
		...COMMON,
		DisplayTitle: `${spec.title} - ${spec.codec.toUpperCase()}${external ? ' - External' : ''}`,
		IsInterlaced: false,
		IsAVC: false,
		IsDefault: false,
		IsForced: false,
		IsHearingImpaired: false,
		Type: 'Subtitle',
		Index: index,
		IsExternal: external,
		IsTextSubtitleStream: isText,
		SupportsExternalStream: isText,
		Path: external ? `/media/videos/subtitles/${spec.file}` : undefined,
		Level: 0
	};
}

function fileStreams(media: VideoFileMedia) {
	const audio = media.audioStreams
		? media.audioStreams.map((spec, position) =>
				compressedAudioStream(spec.codec, position + 1, spec)
			)
		: [compressedAudioStream(media.audioCodec)];
	const firstSubtitle = 1 + audio.length;
	const subtitles = (media.subtitles ?? []).map((spec, position) =>
		subtitleStream(spec, firstSubtitle + position)
	);
	return [videoStream(media.videoCodec), ...audio, ...subtitles];
}

export function mediaStreamsFor(media: MediaDescription) {
	if (media.kind === 'tone') return [pcmStream()];
	return fileStreams(media);
}

/** Returns the subtitle spec behind the stream with `index`, if that stream is a subtitle. */
export function subtitleSpecAt(
	media: VideoFileMedia,
	index: number
): SubtitleStreamSpec | undefined {
	const audioCount = media.audioStreams?.length ?? 1;
	return media.subtitles?.[index - 1 - audioCount];
}
