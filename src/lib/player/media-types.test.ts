import { describe, expect, it } from 'vitest';

import type { MediaStream } from '$lib/protocol/schemas';
import {
	audioCodecString,
	canPlayStreams,
	containerTypes,
	mimeWithCodecs,
	videoCodecString,
	type CanPlayType
} from './media-types';

/** Returns what Debian's Chromium returns: no HEVC, AC-3 or DTS, and 'maybe' without codecs. */
const chromium: CanPlayType = (type) => {
	if (/hvc1|hev1|ac-3|ec-3|dtsc|mlpa|alac/.test(type)) return '';
	if (/^video\/(quicktime|x-msvideo|mp2t)/.test(type)) return '';
	return type.includes('codecs=') ? 'probably' : 'maybe';
};

function stream(Type: string, Codec: string, extra: Partial<MediaStream> = {}): MediaStream {
	return { Index: 0, Type, Codec, ...extra };
}

describe('containerTypes', () => {
	it('maps Jellyfin container lists', () => {
		expect(containerTypes('mov,mp4,m4a,3gp,3g2,mj2', 'Video')).toEqual([
			'video/quicktime',
			'video/mp4',
			'video/3gpp',
			'video/3gpp2'
		]);
		expect(containerTypes('mkv,webm', 'Video')).toEqual(['video/x-matroska', 'video/webm']);
		expect(containerTypes('mkv', 'Audio')).toEqual(['audio/x-matroska']);
	});

	it('maps audio containers', () => {
		expect(containerTypes('mp3', 'Audio')).toEqual(['audio/mpeg']);
		expect(containerTypes('wav', 'Audio')).toEqual(['audio/wav']);
		expect(containerTypes('m4a', 'Audio')).toEqual(['audio/mp4']);
		expect(containerTypes('ogg', 'Audio')).toEqual(['audio/ogg']);
	});

	it('ignores unknown containers', () => {
		expect(containerTypes('wtv', 'Video')).toEqual([]);
		expect(containerTypes(undefined, 'Video')).toEqual([]);
	});
});

describe('videoCodecString', () => {
	it.each([
		[{ Codec: 'h264', Profile: 'High', Level: 41 }, 'avc1.640029'],
		[{ Codec: 'h264', Profile: 'Main', Level: 30 }, 'avc1.4D001E'],
		[{ Codec: 'h264', Profile: 'Constrained Baseline', Level: 21 }, 'avc1.420015'],
		[{ Codec: 'h264' }, 'avc1.640028'],
		[{ Codec: 'hevc', Profile: 'Main' }, 'hvc1.1.6.L120.B0'],
		[{ Codec: 'hevc', Profile: 'Main 10' }, 'hvc1.2.4.L120.B0'],
		[{ Codec: 'vp9', Profile: 'Profile 0' }, 'vp09.00.10.08'],
		[{ Codec: 'av1', Profile: 'Main' }, 'av01.0.05M.08'],
		[{ Codec: 'vp8' }, 'vp8']
	])('maps %o to %s', (video, expected) => {
		expect(videoCodecString(video)).toBe(expected);
	});

	it('rejects undecodable codecs', () => {
		expect(videoCodecString({ Codec: 'mpeg2video' })).toBeUndefined();
		expect(videoCodecString({ Codec: 'vc1' })).toBeUndefined();
	});
});

describe('audioCodecString', () => {
	it.each([
		['aac', 'mp4a.40.2'],
		['mp3', 'mp3'],
		['opus', 'opus'],
		['vorbis', 'vorbis'],
		['flac', 'flac'],
		['ac3', 'ac-3'],
		['eac3', 'ec-3'],
		['dts', 'dtsc'],
		['truehd', 'mlpa']
	])('maps %s to %s', (codec, expected) => {
		expect(audioCodecString(codec, 'video/mp4')).toBe(expected);
	});

	it('uses WAVE tags for PCM', () => {
		expect(audioCodecString('pcm_s16le', 'audio/wav')).toBe('1');
		expect(audioCodecString('pcm_f32le', 'audio/wav')).toBe('3');
		expect(audioCodecString('aac', 'audio/wav')).toBeUndefined();
	});

	it('rejects PCM outside WAV', () => {
		expect(audioCodecString('pcm_s16le', 'video/mp4')).toBeUndefined();
		expect(audioCodecString('cook', 'video/mp4')).toBeUndefined();
	});
});

describe('mimeWithCodecs', () => {
	it('adds codecs for multi-codec types', () => {
		expect(mimeWithCodecs('video/mp4', ['avc1.640029', 'mp4a.40.2'])).toBe(
			'video/mp4; codecs="avc1.640029,mp4a.40.2"'
		);
	});

	it('leaves single-codec types bare', () => {
		expect(mimeWithCodecs('audio/mpeg', ['mp3'])).toBe('audio/mpeg');
		expect(mimeWithCodecs('video/webm', [])).toBe('video/webm');
	});
});

describe('canPlayStreams', () => {
	const h264 = stream('Video', 'h264', { Profile: 'High', Level: 41 });
	const aac = stream('Audio', 'aac');

	it('plays H.264 with AAC in MP4', () => {
		expect(canPlayStreams(chromium, 'mov,mp4,m4a,3gp,3g2,mj2', 'Video', h264, aac)).toBe(true);
	});

	it('rejects HEVC in MP4', () => {
		const hevc = stream('Video', 'hevc', { Profile: 'Main' });
		expect(canPlayStreams(chromium, 'mov,mp4,m4a,3gp,3g2,mj2', 'Video', hevc, aac)).toBe(false);
	});

	it('rejects DTS in Matroska', () => {
		const dts = stream('Audio', 'dts');
		expect(canPlayStreams(chromium, 'mkv', 'Video', h264, dts)).toBe(false);
		expect(canPlayStreams(chromium, 'mkv', 'Video', h264, aac)).toBe(true);
	});

	it('rejects codecs without strings', () => {
		const mpeg2 = stream('Video', 'mpeg2video');
		expect(canPlayStreams(chromium, 'mkv', 'Video', mpeg2, aac)).toBe(false);
	});

	it('plays WAV and MP3', () => {
		expect(canPlayStreams(chromium, 'wav', 'Audio', undefined, stream('Audio', 'pcm_s16le'))).toBe(
			true
		);
		expect(canPlayStreams(chromium, 'mp3', 'Audio', undefined, stream('Audio', 'mp3'))).toBe(true);
	});

	it('rejects unknown containers', () => {
		expect(canPlayStreams(chromium, 'avi', 'Video', h264, aac)).toBe(false);
		expect(canPlayStreams(chromium, undefined, 'Video', h264, aac)).toBe(false);
	});
});
