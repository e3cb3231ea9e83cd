import { SAMPLE_RATE } from './tone.ts';
import type { MediaDescription } from './types.ts';

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

function videoStream(codec: 'h264' | 'vp9') {
	const h264 = codec === 'h264';
	return {
		Codec: codec,
		CodecTag: h264 ? 'avc1' : undefined,
		TimeBase: h264 ? '1/12800' : '1/1000',
		...COMMON,
		VideoRange: 'SDR',
		VideoRangeType: 'SDR',
		DisplayTitle: `180p ${codec.toUpperCase()} SDR`,
		NalLengthSize: h264 ? '4' : undefined,
		IsInterlaced: false,
		IsAVC: h264,
		BitRate: h264 ? 20542 : 170000,
		BitDepth: 8,
		RefFrames: 1,
		...FLAGS,
		Height: 180,
		Width: 320,
		AverageFrameRate: 25,
		RealFrameRate: 25,
		ReferenceFrameRate: 25,
		Profile: h264 ? 'High' : 'Profile 0',
		Type: 'Video',
		AspectRatio: '16:9',
		Index: 0,
		...TAIL,
		PixelFormat: 'yuv420p',
		Level: h264 ? 21 : 0,
		IsAnamorphic: false
	};
}

function compressedAudioStream(codec: 'aac' | 'opus') {
	const aac = codec === 'aac';
	return {
		Codec: codec,
		CodecTag: aac ? 'mp4a' : undefined,
		TimeBase: aac ? '1/44100' : '1/1000',
		...COMMON,
		DisplayTitle: `${aac ? 'AAC' : 'Opus'} - Stereo - Default`,
		IsInterlaced: false,
		IsAVC: false,
		ChannelLayout: 'stereo',
		BitRate: aac ? 64233 : 48000,
		Channels: 2,
		SampleRate: aac ? 44100 : 48000,
		...FLAGS,
		Profile: aac ? 'LC' : undefined,
		Type: 'Audio',
		Index: 1,
		...TAIL,
		Level: 0
	};
}

export function mediaStreamsFor(media: MediaDescription) {
	if (media.kind === 'tone') return [pcmStream()];
	return [videoStream(media.videoCodec), compressedAudioStream(media.audioCodec)];
}
