import { describe, expect, it } from 'vitest';

import { buildDeviceProfile } from './device-profile';
import type { CanPlayType } from './media-types';

/** Returns what Debian's Chromium returns: no HEVC, AC-3, E-AC-3, DTS, TrueHD or ALAC. */
const chromium: CanPlayType = (type) => {
	if (/hvc1|ac-3|ec-3|dtsc|mlpa|alac/.test(type)) return '';
	if (type.startsWith('video/webm') && /avc1|mp4a|mp3|flac/.test(type)) return '';
	return 'probably';
};

/** A browser that plays nothing but MP3 files. */
const mp3Only: CanPlayType = (type) => (type === 'audio/mpeg' ? 'probably' : '');

function directPlay(canPlayType: CanPlayType, container: string) {
	return buildDeviceProfile(canPlayType).DirectPlayProfiles.find(
		(profile) => profile.Container === container
	);
}

describe('buildDeviceProfile', () => {
	it('lists decodable video codecs', () => {
		expect(directPlay(chromium, 'mp4,m4v')).toEqual({
			Container: 'mp4,m4v',
			Type: 'Video',
			VideoCodec: 'h264,vp8,vp9,av1',
			AudioCodec: 'aac,mp3,opus,vorbis,flac'
		});
		expect(directPlay(chromium, 'mkv')?.VideoCodec).toBe('h264,vp8,vp9,av1');
		expect(directPlay(chromium, 'webm')).toEqual({
			Container: 'webm',
			Type: 'Video',
			VideoCodec: 'vp8,vp9,av1',
			AudioCodec: 'opus,vorbis'
		});
	});

	it('lists audio containers', () => {
		expect(directPlay(chromium, 'wav')).toEqual({
			Container: 'wav',
			Type: 'Audio',
			AudioCodec: 'pcm_s16le,pcm_s24le,pcm_u8,pcm_f32le'
		});
		expect(directPlay(chromium, 'mp3')).toEqual({
			Container: 'mp3',
			Type: 'Audio',
			AudioCodec: 'mp3'
		});
		expect(directPlay(chromium, 'm4a,m4b,mp4')?.AudioCodec).toBe('aac,flac,opus,mp3');
	});

	it('omits unplayable containers', () => {
		const profile = buildDeviceProfile(mp3Only);
		expect(profile.DirectPlayProfiles).toEqual([
			{ Container: 'mp3', Type: 'Audio', AudioCodec: 'mp3' }
		]);
	});

	it('orders the transcoding profiles', () => {
		const transcoding = buildDeviceProfile(chromium).TranscodingProfiles;
		expect(
			transcoding.map((profile) => [profile.Type, profile.Container, profile.Protocol])
		).toEqual([
			['Video', 'ts', 'hls'],
			['Video', 'mp4', 'hls'],
			['Audio', 'mp3', 'http'],
			['Audio', 'aac', 'http']
		]);
		expect(transcoding[0]).toMatchObject({ VideoCodec: 'h264', AudioCodec: 'aac,mp3' });
	});

	it('sets subtitle methods', () => {
		const subtitles = buildDeviceProfile(chromium).SubtitleProfiles;
		expect(subtitles).toContainEqual({ Format: 'vtt', Method: 'External' });
		expect(subtitles).toContainEqual({ Format: 'pgssub', Method: 'Encode' });
		expect(subtitles).toContainEqual({ Format: 'dvdsub', Method: 'Encode' });
		expect(
			subtitles.filter((entry) => entry.Method === 'External').map((entry) => entry.Format)
		).toEqual(['vtt', 'webvtt']);
	});

	it('sets name and bitrate limits', () => {
		const profile = buildDeviceProfile(chromium);
		expect(profile.Name).toBe('Cue');
		expect(profile.MaxStreamingBitrate).toBe(120_000_000);
		expect(profile.MaxStaticBitrate).toBe(100_000_000);
	});
});
