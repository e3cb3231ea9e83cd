import { describe, expect, test } from 'vitest';
import {
	buildProgressBody,
	buildStoppedBody,
	toVolumeLevel,
	type PlaybackSnapshot
} from './checkin';
import { PlaybackProgressInfoSchema, PlaybackStopInfoSchema } from './checkin-schemas';

const snapshot: PlaybackSnapshot = {
	itemId: '0000000000000000000000000000000a',
	mediaSourceId: '0000000000000000000000000000000a',
	playSessionId: 'ps-0001',
	playlistItemId: 'playlistItem0',
	positionSeconds: 3600,
	isPaused: false,
	isMuted: false,
	volume: 0.3,
	canSeek: true,
	playMethod: 'DirectPlay',
	repeatMode: 'RepeatNone',
	playbackRate: 1,
	queue: [
		{ Id: '0000000000000000000000000000000a', PlaylistItemId: 'playlistItem0' },
		{ Id: '1942', PlaylistItemId: 'playlistItem1' }
	]
};

describe('buildProgressBody', () => {
	test('exact fields', () => {
		expect(buildProgressBody(snapshot)).toStrictEqual({
			ItemId: '0000000000000000000000000000000a',
			MediaSourceId: '0000000000000000000000000000000a',
			PlaySessionId: 'ps-0001',
			PlaylistItemId: 'playlistItem0',
			PositionTicks: 36_000_000_000,
			IsPaused: false,
			IsMuted: false,
			VolumeLevel: 30,
			CanSeek: true,
			PlayMethod: 'DirectPlay',
			RepeatMode: 'RepeatNone',
			PlaybackOrder: 'Default',
			PlaybackRate: 1,
			NowPlayingQueue: [
				{ Id: '0000000000000000000000000000000a', PlaylistItemId: 'playlistItem0' },
				{ Id: '1942', PlaylistItemId: 'playlistItem1' }
			]
		});
	});

	test('adds stream indexes and EventName when given', () => {
		const body = buildProgressBody(
			{ ...snapshot, audioStreamIndex: 1, subtitleStreamIndex: -1 },
			'timeupdate'
		);
		expect(body.AudioStreamIndex).toBe(1);
		expect(body.SubtitleStreamIndex).toBe(-1);
		expect(body.EventName).toBe('timeupdate');
	});

	test('leaves out absent optional fields', () => {
		const body = buildProgressBody(snapshot);
		expect('AudioStreamIndex' in body).toBe(false);
		expect('SubtitleStreamIndex' in body).toBe(false);
		expect('EventName' in body).toBe(false);
	});

	test('PositionTicks is an integer', () => {
		const body = buildProgressBody({ ...snapshot, positionSeconds: 12.345678912 });
		expect(body.PositionTicks).toBe(123_456_789);
		expect(Number.isInteger(body.PositionTicks)).toBe(true);
	});

	test('garbage position reports zero', () => {
		expect(buildProgressBody({ ...snapshot, positionSeconds: Number.NaN }).PositionTicks).toBe(0);
	});

	test('garbage playback rate reports 1', () => {
		expect(buildProgressBody({ ...snapshot, playbackRate: 0 }).PlaybackRate).toBe(1);
		expect(buildProgressBody({ ...snapshot, playbackRate: 1.5 }).PlaybackRate).toBe(1.5);
	});

	test('queue is copied, not shared', () => {
		const body = buildProgressBody(snapshot);
		expect(body.NowPlayingQueue).not.toBe(snapshot.queue);
	});

	test('parses with the progress schema', () => {
		const result = PlaybackProgressInfoSchema.safeParse(buildProgressBody(snapshot, 'pause'));
		expect(result.success).toBe(true);
	});
});

describe('toVolumeLevel', () => {
	test('rounds volume × 100 to the nearest integer', () => {
		expect(toVolumeLevel(0.3)).toBe(30);
		expect(toVolumeLevel(0.304)).toBe(30);
		expect(toVolumeLevel(0.306)).toBe(31);
		expect(toVolumeLevel(0.5)).toBe(50);
		expect(toVolumeLevel(1)).toBe(100);
		expect(toVolumeLevel(0)).toBe(0);
	});

	test('half-way values round up', () => {
		expect(toVolumeLevel(0.305)).toBe(31);
		expect(toVolumeLevel(0.005)).toBe(1);
	});

	test('clamps to 0–100', () => {
		expect(toVolumeLevel(1.5)).toBe(100);
		expect(toVolumeLevel(-0.2)).toBe(0);
		expect(toVolumeLevel(Number.NaN)).toBe(0);
	});
});

describe('buildStoppedBody', () => {
	test('exact fields', () => {
		expect(buildStoppedBody({ ...snapshot, positionSeconds: 61.5 }, false)).toStrictEqual({
			ItemId: '0000000000000000000000000000000a',
			MediaSourceId: '0000000000000000000000000000000a',
			PlaySessionId: 'ps-0001',
			PlaylistItemId: 'playlistItem0',
			PositionTicks: 615_000_000,
			Failed: false,
			NowPlayingQueue: [
				{ Id: '0000000000000000000000000000000a', PlaylistItemId: 'playlistItem0' },
				{ Id: '1942', PlaylistItemId: 'playlistItem1' }
			]
		});
	});

	test('marks failures', () => {
		const body = buildStoppedBody(snapshot, true);
		expect(body.Failed).toBe(true);
		expect(PlaybackStopInfoSchema.safeParse(body).success).toBe(true);
	});
});
