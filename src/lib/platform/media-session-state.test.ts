import { describe, expect, it } from 'vitest';

import type { BaseItem } from '$lib/protocol/schemas';
import {
	artistOf,
	artworkSourceOf,
	mediaMetadataOf,
	positionStateOf,
	sessionPlaybackStateOf
} from './media-session-state';

const track: BaseItem = {
	Id: 'track1',
	Name: 'First Light',
	Type: 'Audio',
	MediaType: 'Audio',
	Album: 'Tone Poems',
	AlbumId: 'album1',
	AlbumArtist: 'The Test Signals',
	Artists: ['The Test Signals', 'Guest'],
	AlbumPrimaryImageTag: 'albumtag'
};

const episode: BaseItem = {
	Id: 'episode1',
	Name: 'Pilot',
	Type: 'Episode',
	MediaType: 'Video',
	SeriesName: 'The Show',
	SeriesId: 'series1',
	SeriesPrimaryImageTag: 'seriestag'
};

const artworkUrl = ({ itemId, tag }: { itemId: string; tag: string }) =>
	`http://server/Items/${itemId}/Images/Primary?tag=${tag}`;

describe('artworkSourceOf', () => {
	it('prefers the item’s own image', () => {
		const item = { ...track, ImageTags: { Primary: 'owntag' } };
		expect(artworkSourceOf(item)).toEqual({ itemId: 'track1', tag: 'owntag' });
	});

	it('falls back to the album, then the series', () => {
		expect(artworkSourceOf(track)).toEqual({ itemId: 'album1', tag: 'albumtag' });
		expect(artworkSourceOf(episode)).toEqual({ itemId: 'series1', tag: 'seriestag' });
	});

	it('returns undefined without any image', () => {
		expect(artworkSourceOf({ Id: 'x', Name: 'Bare' })).toBeUndefined();
	});
});

describe('artistOf', () => {
	it('uses the series for episodes', () => {
		expect(artistOf(episode)).toBe('The Show');
	});

	it('joins the artists of a track', () => {
		expect(artistOf(track)).toBe('The Test Signals, Guest');
	});

	it('falls back to the album artist, then to empty', () => {
		expect(artistOf({ Id: 'x', Name: 'x', AlbumArtist: 'Someone' })).toBe('Someone');
		expect(artistOf({ Id: 'x', Name: 'x' })).toBe('');
	});
});

describe('mediaMetadataOf', () => {
	it('builds title, artist, album and artwork', () => {
		expect(mediaMetadataOf(track, artworkUrl)).toEqual({
			title: 'First Light',
			artist: 'The Test Signals, Guest',
			album: 'Tone Poems',
			artwork: [{ src: 'http://server/Items/album1/Images/Primary?tag=albumtag' }]
		});
	});

	it('leaves artwork empty without a server', () => {
		expect(mediaMetadataOf(track, () => undefined).artwork).toEqual([]);
	});
});

describe('positionStateOf', () => {
	it('copies a valid timing', () => {
		const state = positionStateOf({ duration: 60, currentTime: 12.5, playbackRate: 1.5 });
		expect(state).toEqual({ duration: 60, position: 12.5, playbackRate: 1.5 });
	});

	it('returns null for an unknown or infinite duration', () => {
		expect(positionStateOf({ duration: NaN, currentTime: 0, playbackRate: 1 })).toBeNull();
		expect(positionStateOf({ duration: Infinity, currentTime: 5, playbackRate: 1 })).toBeNull();
		expect(positionStateOf({ duration: 0, currentTime: 0, playbackRate: 1 })).toBeNull();
	});

	it('clamps the position into the duration', () => {
		expect(positionStateOf({ duration: 10, currentTime: 10.2, playbackRate: 1 })?.position).toBe(
			10
		);
		expect(positionStateOf({ duration: 10, currentTime: -1, playbackRate: 1 })?.position).toBe(0);
	});

	it('replaces a zero rate with 1', () => {
		expect(positionStateOf({ duration: 10, currentTime: 1, playbackRate: 0 })?.playbackRate).toBe(
			1
		);
	});
});

describe('sessionPlaybackStateOf', () => {
	it.each([
		['playing', 'playing'],
		['loading', 'playing'],
		['paused', 'paused'],
		['blocked', 'paused'],
		['idle', 'none'],
		['error', 'none']
	] as const)('%s → %s', (status, expected) => {
		expect(sessionPlaybackStateOf(status)).toBe(expected);
	});
});
