/**
 * Builds the Jellyfin `DeviceProfile` that Cue posts with PlaybackInfo: what this browser plays
 * directly (found with canPlayType), the transcodes it requests instead, and how it takes
 * subtitles. The server offers a file for direct play only when a direct play profile matches it.
 */
import {
	audioCodecString,
	mimeWithCodecs,
	videoCodecString,
	type CanPlayType
} from './media-types';

export interface DirectPlayProfile {
	Container: string;
	Type: 'Video' | 'Audio';
	VideoCodec?: string;
	AudioCodec?: string;
}

export interface TranscodingProfile {
	Container: string;
	Type: 'Video' | 'Audio';
	VideoCodec?: string;
	AudioCodec: string;
	Protocol: 'hls' | 'http';
	Context: 'Streaming';
	MaxAudioChannels: string;
	MinSegments?: number;
	BreakOnNonKeyFrames?: boolean;
}

export interface SubtitleProfile {
	Format: string;
	Method: 'External' | 'Encode';
}

export interface DeviceProfile {
	Name: string;
	MaxStreamingBitrate: number;
	MaxStaticBitrate: number;
	MusicStreamingTranscodingBitrate: number;
	DirectPlayProfiles: DirectPlayProfile[];
	TranscodingProfiles: TranscodingProfile[];
	ContainerProfiles: never[];
	CodecProfiles: never[];
	SubtitleProfiles: SubtitleProfile[];
}

/** Candidate codecs, as Jellyfin names them. */
const VIDEO_CODECS = ['h264', 'hevc', 'vp8', 'vp9', 'av1'];
const AUDIO_CODECS = [
	'aac',
	'mp3',
	'opus',
	'vorbis',
	'flac',
	'alac',
	'ac3',
	'eac3',
	'dts',
	'truehd'
];
const PCM_CODECS = ['pcm_s16le', 'pcm_s24le', 'pcm_u8', 'pcm_f32le'];

/** Containers probed for direct play: Jellyfin's names for them and the MIME type to ask about. */
const VIDEO_CONTAINERS = [
	{ names: 'mp4,m4v', type: 'video/mp4' },
	{ names: 'mkv', type: 'video/x-matroska' },
	{ names: 'webm', type: 'video/webm' }
];
const AUDIO_CONTAINERS = [
	{ names: 'mp3', type: 'audio/mpeg', codecs: ['mp3'] },
	{ names: 'aac', type: 'audio/aac', codecs: ['aac'] },
	{ names: 'm4a,m4b,mp4', type: 'audio/mp4', codecs: ['aac', 'alac', 'flac', 'opus', 'mp3'] },
	{ names: 'flac', type: 'audio/flac', codecs: ['flac'] },
	{ names: 'wav', type: 'audio/wav', codecs: PCM_CODECS },
	{ names: 'ogg,oga,opus', type: 'audio/ogg', codecs: ['opus', 'vorbis', 'flac'] },
	{ names: 'webm,webma', type: 'audio/webm', codecs: ['opus', 'vorbis'] },
	{ names: 'mka', type: 'audio/x-matroska', codecs: ['opus', 'vorbis', 'flac', 'aac', 'mp3'] }
];

/** Image subtitle formats, which a browser cannot show, so the server burns them in. */
const IMAGE_SUBTITLE_FORMATS = [
	'pgssub',
	'pgs',
	'dvdsub',
	'dvd_subtitle',
	'dvbsub',
	'dvb_subtitle'
];

/** Bitrate limits in bits per second: Jellyfin's web client defaults. */
const MAX_STREAMING_BITRATE = 120_000_000;
const MAX_STATIC_BITRATE = 100_000_000;
const MUSIC_TRANSCODING_BITRATE = 384_000;

function playable(canPlayType: CanPlayType, type: string, codec: string | undefined): boolean {
	return codec !== undefined && canPlayType(mimeWithCodecs(type, [codec])) !== '';
}

function videoDirectPlayProfiles(canPlayType: CanPlayType): DirectPlayProfile[] {
	return VIDEO_CONTAINERS.flatMap(({ names, type }) => {
		const video = VIDEO_CODECS.filter((codec) =>
			playable(canPlayType, type, videoCodecString({ Codec: codec }))
		);
		const audio = AUDIO_CODECS.filter((codec) =>
			playable(canPlayType, type, audioCodecString(codec, type))
		);
		if (video.length === 0) return [];
		const profile: DirectPlayProfile = {
			Container: names,
			Type: 'Video',
			VideoCodec: video.join(',')
		};
		return [audio.length > 0 ? { ...profile, AudioCodec: audio.join(',') } : profile];
	});
}

function audioDirectPlayProfiles(canPlayType: CanPlayType): DirectPlayProfile[] {
	return AUDIO_CONTAINERS.flatMap(({ names, type, codecs }) => {
		const audio = codecs.filter((codec) =>
			playable(canPlayType, type, audioCodecString(codec, type))
		);
		return audio.length > 0
			? [{ Container: names, Type: 'Audio', AudioCodec: audio.join(',') }]
			: [];
	});
}

/**
 * Transcodes to ask for: H.264 and AAC in HLS for video, which Cue plays natively or through
 * hls.js, with MPEG-TS segments first and fragmented MP4 second; MP3, then AAC, for audio.
 */
function transcodingProfiles(): TranscodingProfile[] {
	const hls = {
		Type: 'Video' as const,
		VideoCodec: 'h264',
		AudioCodec: 'aac,mp3',
		Protocol: 'hls' as const,
		Context: 'Streaming' as const,
		MaxAudioChannels: '2',
		MinSegments: 1,
		BreakOnNonKeyFrames: true
	};
	const audio = {
		Type: 'Audio' as const,
		Protocol: 'http' as const,
		Context: 'Streaming' as const
	};
	return [
		{ ...hls, Container: 'ts' },
		{ ...hls, Container: 'mp4' },
		{ ...audio, Container: 'mp3', AudioCodec: 'mp3', MaxAudioChannels: '2' },
		{ ...audio, Container: 'aac', AudioCodec: 'aac', MaxAudioChannels: '2' }
	];
}

/**
 * WebVTT goes to the browser as an external file; the server converts other text formats to it.
 * Image formats are burned into the picture.
 */
function subtitleProfiles(): SubtitleProfile[] {
	return [
		{ Format: 'vtt', Method: 'External' },
		{ Format: 'webvtt', Method: 'External' },
		...IMAGE_SUBTITLE_FORMATS.map((format) => ({ Format: format, Method: 'Encode' as const }))
	];
}

export function buildDeviceProfile(canPlayType: CanPlayType): DeviceProfile {
	return {
		Name: 'Cue',
		MaxStreamingBitrate: MAX_STREAMING_BITRATE,
		MaxStaticBitrate: MAX_STATIC_BITRATE,
		MusicStreamingTranscodingBitrate: MUSIC_TRANSCODING_BITRATE,
		DirectPlayProfiles: [
			...videoDirectPlayProfiles(canPlayType),
			...audioDirectPlayProfiles(canPlayType)
		],
		TranscodingProfiles: transcodingProfiles(),
		ContainerProfiles: [],
		CodecProfiles: [],
		SubtitleProfiles: subtitleProfiles()
	};
}
