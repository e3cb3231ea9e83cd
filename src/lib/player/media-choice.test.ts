import { describe, expect, it } from 'vitest';

import type { MediaSource, MediaStream } from '$lib/protocol/schemas';
import {
	chooseAudioIndex,
	choosePlayback,
	chooseSubtitleIndex,
	needsBurnIn,
	playMethodOf
} from './media-choice';
import type { CanPlayType } from './media-types';

const chromium: CanPlayType = (type) => (/hvc1|dtsc|ac-3/.test(type) ? '' : 'probably');
const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';

function streamOf(Index: number, Type: string, Codec: string, extra: Partial<MediaStream> = {}) {
	return { Index, Type, Codec, ...extra };
}

/** Like the test server's two-language item: 1 and 2 audio, 3 text subtitle, 4 PGS. */
function twoVoices(extra: Partial<MediaSource> = {}): MediaSource {
	return {
		Id: 'source',
		Container: MP4,
		SupportsDirectPlay: true,
		DefaultAudioStreamIndex: 1,
		MediaStreams: [
			streamOf(0, 'Video', 'h264', { Profile: 'High', Level: 21 }),
			streamOf(1, 'Audio', 'aac', { Language: 'eng' }),
			streamOf(2, 'Audio', 'aac', { Language: 'fra' }),
			streamOf(3, 'Subtitle', 'webvtt', {
				DeliveryMethod: 'External',
				DeliveryUrl: '/Videos/x/source/Subtitles/3/0/Stream.vtt'
			}),
			streamOf(4, 'Subtitle', 'PGSSUB', { DeliveryMethod: 'Encode' })
		],
		...extra
	};
}

const transcodeUrl = (reasons: string) =>
	`/videos/x/master.m3u8?PlaySessionId=p&TranscodeReasons=${reasons}`;

describe('chooseAudioIndex', () => {
	it('keeps an existing requested stream', () => {
		expect(chooseAudioIndex(twoVoices(), 2)).toBe(2);
	});

	it('falls back to default, then first', () => {
		expect(chooseAudioIndex(twoVoices(), 7)).toBe(1);
		expect(chooseAudioIndex(twoVoices(), 3)).toBe(1);
		expect(chooseAudioIndex(twoVoices({ DefaultAudioStreamIndex: undefined }))).toBe(1);
	});
});

describe('chooseSubtitleIndex', () => {
	it('keeps a requested subtitle and -1', () => {
		expect(chooseSubtitleIndex(twoVoices(), 4)).toBe(4);
		expect(chooseSubtitleIndex(twoVoices(), -1)).toBe(-1);
	});

	it('takes only a text default', () => {
		expect(chooseSubtitleIndex(twoVoices({ DefaultSubtitleStreamIndex: 3 }))).toBe(3);
		expect(chooseSubtitleIndex(twoVoices({ DefaultSubtitleStreamIndex: 4 }))).toBe(-1);
		expect(chooseSubtitleIndex(twoVoices(), 9)).toBe(-1);
	});
});

describe('needsBurnIn', () => {
	it('follows the DeliveryMethod', () => {
		expect(needsBurnIn(twoVoices(), 4)).toBe(true);
		expect(needsBurnIn(twoVoices(), 3)).toBe(false);
		expect(needsBurnIn(twoVoices(), -1)).toBe(false);
	});

	it('burns in image codecs by default', () => {
		const source = twoVoices({ MediaStreams: [streamOf(5, 'Subtitle', 'dvdsub')] });
		expect(needsBurnIn(source, 5)).toBe(true);
	});
});

describe('playMethodOf', () => {
	it('reports a remux as DirectStream', () => {
		expect(playMethodOf(transcodeUrl('ContainerNotSupported'))).toBe('DirectStream');
		expect(playMethodOf(transcodeUrl('SecondaryAudioNotSupported'))).toBe('DirectStream');
	});

	it('reports other reasons as Transcode', () => {
		expect(playMethodOf(transcodeUrl('VideoCodecNotSupported'))).toBe('Transcode');
		expect(playMethodOf(transcodeUrl('ContainerNotSupported,AudioCodecNotSupported'))).toBe(
			'Transcode'
		);
		expect(playMethodOf('/videos/x/master.m3u8?PlaySessionId=p')).toBe('Transcode');
	});
});

describe('choosePlayback', () => {
	const video = 'Video' as const;

	it('plays decodable files directly', () => {
		expect(choosePlayback(twoVoices(), video, { audioStreamIndex: 1 }, chromium)).toEqual({
			kind: 'direct'
		});
	});

	it('transcodes rejected codecs', () => {
		const source = twoVoices({
			SupportsDirectPlay: false,
			MediaStreams: [streamOf(0, 'Video', 'hevc'), streamOf(1, 'Audio', 'aac')],
			TranscodingUrl: transcodeUrl('VideoCodecNotSupported'),
			TranscodingSubProtocol: 'hls'
		});
		expect(choosePlayback(source, video, {}, chromium)).toEqual({
			kind: 'server',
			url: transcodeUrl('VideoCodecNotSupported'),
			protocol: 'hls',
			playMethod: 'Transcode'
		});
	});

	it('distrusts direct play it cannot decode', () => {
		const source = twoVoices({
			MediaStreams: [streamOf(0, 'Video', 'h264'), streamOf(1, 'Audio', 'dts')]
		});
		const choice = choosePlayback(source, video, { audioStreamIndex: 1 }, chromium);
		expect(choice).toEqual({ kind: 'none', reason: expect.stringContaining('cannot decode') });
	});

	it('needs the server for second audio', () => {
		const choice = choosePlayback(twoVoices(), video, { audioStreamIndex: 2 }, chromium);
		expect(choice).toEqual({
			kind: 'none',
			reason: expect.stringContaining('another audio stream')
		});
		const remux = twoVoices({
			SupportsDirectPlay: false,
			TranscodingUrl: transcodeUrl('SecondaryAudioNotSupported')
		});
		expect(choosePlayback(remux, video, { audioStreamIndex: 2 }, chromium)).toMatchObject({
			kind: 'server',
			protocol: 'hls',
			playMethod: 'DirectStream'
		});
	});

	it('needs the server only for burn-in', () => {
		expect(choosePlayback(twoVoices(), video, { subtitleStreamIndex: 3 }, chromium).kind).toBe(
			'direct'
		);
		expect(choosePlayback(twoVoices(), video, { subtitleStreamIndex: 4 }, chromium).kind).toBe(
			'none'
		);
	});

	it('treats audio transcodes as http', () => {
		const source: MediaSource = {
			Id: 'song',
			Container: 'ape',
			SupportsDirectPlay: false,
			TranscodingUrl: '/Audio/song/stream.mp3?TranscodeReasons=ContainerNotSupported',
			TranscodingSubProtocol: 'http',
			MediaStreams: [streamOf(0, 'Audio', 'ape')]
		};
		expect(choosePlayback(source, 'Audio', {}, chromium)).toMatchObject({
			kind: 'server',
			protocol: 'http'
		});
	});
});
