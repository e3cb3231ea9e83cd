import { describe, expect, it } from 'vitest';

import { findItem } from './library/catalog.ts';
import { DEMO_ITEM_IDS } from './library/demo-items.ts';
import type { ProfileRules } from './library/device-profile.ts';
import { decidePlayback, type PlaybackRequest } from './library/playback-decision.ts';
import { toWebVtt } from './library/subtitle-text.ts';
import type { MediaDescription } from './library/types.ts';

/** The rules of a profile like Chromium's: H.264 and VP9, no HEVC, AC-3 or DTS. */
const chromium: ProfileRules = {
	directPlay: [
		{
			type: 'video',
			containers: ['mp4', 'm4v'],
			videoCodecs: ['h264', 'vp9'],
			audioCodecs: ['aac', 'opus']
		},
		{
			type: 'video',
			containers: ['mkv'],
			videoCodecs: ['h264', 'vp9'],
			audioCodecs: ['aac', 'opus']
		},
		{ type: 'video', containers: ['webm'], videoCodecs: ['vp9'], audioCodecs: ['opus'] },
		{ type: 'audio', containers: ['wav'], videoCodecs: [], audioCodecs: [] }
	],
	transcoding: [
		{ type: 'video', container: 'ts', protocol: 'hls', videoCodecs: ['h264'], audioCodecs: ['aac'] }
	],
	subtitles: [
		{ format: 'vtt', method: 'external' },
		{ format: 'pgssub', method: 'encode' }
	]
};

function mediaOf(id: string): MediaDescription {
	const media = findItem(id)?.media;
	if (!media) throw new Error(`item ${id} has no media`);
	return media;
}

function decide(id: string, request: Partial<PlaybackRequest> = {}) {
	return decidePlayback(mediaOf(id), {
		profile: chromium,
		enableDirectPlay: true,
		enableTranscoding: true,
		...request
	});
}

describe('decidePlayback', () => {
	it('plays supported files directly', () => {
		for (const id of [
			DEMO_ITEM_IDS.colorBars,
			DEMO_ITEM_IDS.countingPattern,
			DEMO_ITEM_IDS.tracks[0]!
		]) {
			const decision = decide(id);
			expect(decision.directPlay).toBe(true);
			expect(decision.rendition).toBeUndefined();
		}
	});

	it('transcodes unsupported HEVC', () => {
		const decision = decide(DEMO_ITEM_IDS.nightDrive);
		expect(decision.directPlay).toBe(false);
		expect(decision.transcodeReasons).toEqual(['VideoCodecNotSupported']);
		expect(decision.rendition?.folder).toBe('night-drive');
	});

	it('transcodes unsupported DTS audio', () => {
		const decision = decide(DEMO_ITEM_IDS.harbourLights);
		expect(decision.transcodeReasons).toEqual(['AudioCodecNotSupported']);
		expect(decision.rendition?.segmentContainer).toBe('mp4');
	});

	it('remuxes for second audio stream', () => {
		const decision = decide(DEMO_ITEM_IDS.twoVoices, { audioStreamIndex: 2 });
		expect(decision.directPlay).toBe(false);
		expect(decision.transcodeReasons).toEqual(['SecondaryAudioNotSupported']);
		expect(decision.rendition?.folder).toBe('two-voices-fra');
	});

	it('delivers text, burns in PGS', () => {
		const text = decide(DEMO_ITEM_IDS.twoVoices, { subtitleStreamIndex: 4 });
		expect(text.directPlay).toBe(true);
		expect([...text.subtitleMethods]).toEqual([
			[3, 'External'],
			[4, 'External'],
			[5, 'Encode']
		]);
		const image = decide(DEMO_ITEM_IDS.twoVoices, { subtitleStreamIndex: 5, audioStreamIndex: 2 });
		expect(image.burnedSubtitleIndex).toBe(5);
		expect(image.transcodeReasons).toEqual([
			'SecondaryAudioNotSupported',
			'SubtitleCodecNotSupported'
		]);
		expect(image.rendition?.folder).toBe('two-voices-fra-burned');
	});

	it('plays everything without a profile', () => {
		const decision = decidePlayback(mediaOf(DEMO_ITEM_IDS.nightDrive), {
			enableDirectPlay: true,
			enableTranscoding: true
		});
		expect(decision.directPlay).toBe(true);
		expect(decision.subtitleMethods.size).toBe(0);
	});

	it('obeys EnableDirectPlay and EnableTranscoding', () => {
		expect(decide(DEMO_ITEM_IDS.nightDrive, { enableDirectPlay: false }).rendition).toBeDefined();
		const neither = decide(DEMO_ITEM_IDS.nightDrive, { enableTranscoding: false });
		expect(neither.directPlay).toBe(false);
		expect(neither.rendition).toBeUndefined();
	});

	it('needs an HLS transcoding profile', () => {
		const decision = decidePlayback(mediaOf(DEMO_ITEM_IDS.nightDrive), {
			profile: { ...chromium, transcoding: [] },
			enableDirectPlay: true,
			enableTranscoding: true
		});
		expect(decision.rendition).toBeUndefined();
	});
});

describe('toWebVtt', () => {
	const srt =
		'1\r\n00:00:02,000 --> 00:00:04,500\r\nLine one\r\n\r\n2\r\n00:00:06,000 --> 00:00:08,000\r\nLine two\r\n';

	it('turns SubRip into WebVTT', () => {
		expect(toWebVtt(srt)).toBe(
			'WEBVTT\n\n00:00:02.000 --> 00:00:04.500\nLine one\n\n00:00:06.000 --> 00:00:08.000\nLine two\n'
		);
	});

	it('shifts cues and drops ended ones', () => {
		expect(toWebVtt(srt, 5)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nLine two\n');
	});

	it('keeps WebVTT cue settings', () => {
		const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000 line:0\nTop\n';
		expect(toWebVtt(vtt)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:0\nTop\n');
	});
});
