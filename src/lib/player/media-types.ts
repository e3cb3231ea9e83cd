/**
 * Maps Jellyfin's container and codec names (as its probe writes them in `MediaSourceInfo` and
 * `MediaStream`) to the MIME types and RFC 6381 codec strings that `canPlayType` takes.
 */
import type { MediaStream } from '$lib/protocol/schemas';

/** `HTMLMediaElement.canPlayType`: '' for no, 'maybe' or 'probably' for yes. */
export type CanPlayType = (type: string) => string;

export type MediaKind = 'Video' | 'Audio';

/** MIME types by container name, for video items and for audio items. */
const VIDEO_CONTAINER_TYPES: Record<string, string> = {
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	mov: 'video/quicktime',
	'3gp': 'video/3gpp',
	'3g2': 'video/3gpp2',
	mkv: 'video/x-matroska',
	matroska: 'video/x-matroska',
	webm: 'video/webm',
	ts: 'video/mp2t',
	mpegts: 'video/mp2t',
	m2ts: 'video/mp2t',
	avi: 'video/x-msvideo',
	ogv: 'video/ogg',
	ogg: 'video/ogg'
};

const AUDIO_CONTAINER_TYPES: Record<string, string> = {
	mp3: 'audio/mpeg',
	aac: 'audio/aac',
	m4a: 'audio/mp4',
	m4b: 'audio/mp4',
	mp4: 'audio/mp4',
	flac: 'audio/flac',
	wav: 'audio/wav',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	webm: 'audio/webm',
	webma: 'audio/webm',
	mka: 'audio/x-matroska',
	mkv: 'audio/x-matroska'
};

/** Types whose files hold only one codec, so `canPlayType` needs no `codecs` parameter. */
const SINGLE_CODEC_TYPES = new Set(['audio/mpeg', 'audio/aac', 'audio/flac']);

/** Returns the MIME types of a container list such as Jellyfin's "mov,mp4,m4a,3gp,3g2,mj2". */
export function containerTypes(container: string | undefined, kind: MediaKind): string[] {
	const table = kind === 'Audio' ? AUDIO_CONTAINER_TYPES : VIDEO_CONTAINER_TYPES;
	const names = (container ?? '').toLowerCase().split(',');
	const types = names.map((name) => table[name.trim()]).filter((type) => type !== undefined);
	return [...new Set(types)];
}

/** H.264 `profile_idc` by Jellyfin's profile name. */
const H264_PROFILES: Record<string, string> = {
	baseline: '42',
	'constrained baseline': '42',
	main: '4D',
	high: '64',
	'high 10': '6E',
	'high 4:2:2': '7A',
	'high 4:4:4 predictive': 'F4'
};

function h264Codec(profile: string | undefined, level: number | undefined): string {
	const profileIdc = H264_PROFILES[(profile ?? 'high').toLowerCase()] ?? '64';
	// Jellyfin writes the level times ten (41 for 4.1), which is also level_idc.
	const levelIdc = level && level > 0 ? level : 40;
	return `avc1.${profileIdc}00${levelIdc.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Returns the codec string of a video stream, or undefined for codecs no browser decodes. */
export function videoCodecString(stream: Pick<MediaStream, 'Codec' | 'Profile' | 'Level'>) {
	const tenBit = /10/.test(stream.Profile ?? '');
	switch (stream.Codec?.toLowerCase()) {
		case 'h264':
		case 'avc':
			return h264Codec(stream.Profile, stream.Level);
		case 'hevc':
		case 'h265':
			return tenBit ? 'hvc1.2.4.L120.B0' : 'hvc1.1.6.L120.B0';
		case 'vp8':
			return 'vp8';
		case 'vp9':
			return tenBit ? 'vp09.02.10.10' : 'vp09.00.10.08';
		case 'av1':
			return tenBit ? 'av01.0.05M.10' : 'av01.0.05M.08';
		default:
			return undefined;
	}
}

const AUDIO_CODECS: Record<string, string> = {
	aac: 'mp4a.40.2',
	mp3: 'mp3',
	opus: 'opus',
	vorbis: 'vorbis',
	flac: 'flac',
	alac: 'alac',
	ac3: 'ac-3',
	eac3: 'ec-3',
	dts: 'dtsc',
	dca: 'dtsc',
	truehd: 'mlpa'
};

/** WAVE format tags (RFC 2361) of the PCM codecs browsers play in WAV files. */
const WAVE_FORMATS: Record<string, string> = {
	pcm_u8: '1',
	pcm_s16le: '1',
	pcm_s24le: '1',
	pcm_s32le: '1',
	pcm_f32le: '3',
	pcm_alaw: '6',
	pcm_mulaw: '7'
};

/** Returns the codec string of an audio codec name in a container of `type`, or undefined. */
export function audioCodecString(codec: string | undefined, type: string): string | undefined {
	const name = codec?.toLowerCase() ?? '';
	if (type === 'audio/wav') return WAVE_FORMATS[name];
	return AUDIO_CODECS[name];
}

/** Builds the `type; codecs="…"` string that canPlayType takes. */
export function mimeWithCodecs(type: string, codecs: string[]): string {
	if (codecs.length === 0 || SINGLE_CODEC_TYPES.has(type)) return type;
	return `${type}; codecs="${codecs.join(',')}"`;
}

/**
 * True when the browser reports that it can play a file of this container with this video stream (none
 * for audio) and audio stream. A stream whose codec has no known codec string makes it false.
 */
export function canPlayStreams(
	canPlayType: CanPlayType,
	container: string | undefined,
	kind: MediaKind,
	video: MediaStream | undefined,
	audio: MediaStream | undefined
): boolean {
	return containerTypes(container, kind).some((type) => {
		const codecs: (string | undefined)[] = [];
		if (video) codecs.push(videoCodecString(video));
		if (audio) codecs.push(audioCodecString(audio.Codec, type));
		if (codecs.some((codec) => codec === undefined)) return false;
		return canPlayType(mimeWithCodecs(type, codecs as string[])) !== '';
	});
}
