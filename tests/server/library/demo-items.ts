import { secondsToTicks } from '../core/wire.ts';
import { artistIdFor, itemIdFor } from './item-ids.ts';
import { REAL_MEDIA_IDS, realMediaItems } from './real-media-items.ts';
import type { CatalogItem } from './types.ts';

/**
 * The demo library: an album of five tracks, a three-hour audio item, two short videos that
 * Chromium plays as they are, and the videos of real-media-items.ts that it cannot. Audio is
 * synthesised as WAV; video and image files live in tests/server/media and are made by
 * scripts/make-demo-media.sh and scripts/make-real-media.sh.
 */
export const ARTIST_NAME = 'The Test Signals';
export const ARTIST_ID = artistIdFor(ARTIST_NAME);

const MUSIC_PATH = '/media/music';
const VIDEOS_PATH = '/media/videos';
const ALBUM_PATH = `${MUSIC_PATH}/${ARTIST_NAME}/Tone Poems`;
const LONG_AUDIO_PATH = `${MUSIC_PATH}/Three-Hour Drone.wav`;
const COLOR_BARS_PATH = `${VIDEOS_PATH}/Color Bars (2024)/Color Bars.mp4`;
const COUNTING_PATTERN_PATH = `${VIDEOS_PATH}/Counting Pattern (2024)/Counting Pattern.webm`;
const LONG_AUDIO_SECONDS = 3 * 60 * 60;

const musicLibraryId = itemIdFor('CollectionFolder', MUSIC_PATH);
const videoLibraryId = itemIdFor('CollectionFolder', VIDEOS_PATH);
const albumId = itemIdFor('MusicAlbum', ALBUM_PATH);

interface TrackSpec {
	name: string;
	seconds: number;
	/** The chord the track plays, in Hz. */
	partials: number[];
	tremoloHz: number;
}

const TRACK_SPECS: TrackSpec[] = [
	{ name: 'First Light', seconds: 24, partials: [440, 554.37, 659.25], tremoloHz: 2 },
	{ name: 'Second Wind', seconds: 37, partials: [261.63, 329.63, 392], tremoloHz: 0.5 },
	{ name: 'Third Rail', seconds: 53, partials: [329.63, 392, 493.88], tremoloHz: 4 },
	{ name: 'Fourth Wall', seconds: 71, partials: [110, 165, 220], tremoloHz: 1 },
	{ name: 'Fifth Season', seconds: 88, partials: [880], tremoloHz: 3 }
];

function albumTrack(spec: TrackSpec, index: number): CatalogItem {
	const path = `${ALBUM_PATH}/${String(index + 1).padStart(2, '0')} - ${spec.name}.wav`;
	return {
		id: itemIdFor('Audio', path),
		name: spec.name,
		type: 'Audio',
		path,
		parentId: albumId,
		runTimeTicks: secondsToTicks(spec.seconds),
		indexNumber: index + 1,
		parentIndexNumber: 1,
		albumId,
		album: 'Tone Poems',
		albumArtist: ARTIST_NAME,
		artists: [ARTIST_NAME],
		genres: ['Test Tones'],
		productionYear: 2024,
		media: {
			kind: 'tone',
			tone: { durationSeconds: spec.seconds, partials: spec.partials, tremoloHz: spec.tremoloHz }
		}
	};
}

const tracks = TRACK_SPECS.map(albumTrack);

/** Ids of the demo items, for tests and for anyone scripting the demo. */
export const DEMO_ITEM_IDS = {
	musicLibrary: musicLibraryId,
	videoLibrary: videoLibraryId,
	album: albumId,
	tracks: tracks.map((track) => track.id),
	longAudio: itemIdFor('Audio', LONG_AUDIO_PATH),
	colorBars: itemIdFor('Movie', COLOR_BARS_PATH),
	countingPattern: itemIdFor('Movie', COUNTING_PATTERN_PATH),
	...REAL_MEDIA_IDS
};

const folders: CatalogItem[] = [
	{
		id: musicLibraryId,
		name: 'Music',
		type: 'CollectionFolder',
		path: MUSIC_PATH,
		collectionType: 'music',
		artists: [],
		genres: []
	},
	{
		id: videoLibraryId,
		name: 'Videos',
		type: 'CollectionFolder',
		path: VIDEOS_PATH,
		collectionType: 'movies',
		artists: [],
		genres: []
	},
	{
		id: albumId,
		name: 'Tone Poems',
		type: 'MusicAlbum',
		path: ALBUM_PATH,
		parentId: musicLibraryId,
		runTimeTicks: tracks.reduce((total, track) => total + (track.runTimeTicks ?? 0), 0),
		albumArtist: ARTIST_NAME,
		artists: [ARTIST_NAME],
		genres: ['Test Tones'],
		productionYear: 2024,
		primaryImage: 'tone-poems-cover.jpg'
	}
];

const longAudio: CatalogItem = {
	id: DEMO_ITEM_IDS.longAudio,
	name: 'Three-Hour Drone',
	type: 'Audio',
	path: LONG_AUDIO_PATH,
	parentId: musicLibraryId,
	runTimeTicks: secondsToTicks(LONG_AUDIO_SECONDS),
	albumArtist: ARTIST_NAME,
	artists: [ARTIST_NAME],
	genres: ['Drone'],
	productionYear: 2024,
	media: {
		kind: 'tone',
		tone: {
			durationSeconds: LONG_AUDIO_SECONDS,
			partials: [110, 220],
			tremoloHz: 0.1,
			minuteBeepHz: 1000
		}
	}
};

const videos: CatalogItem[] = [
	{
		id: DEMO_ITEM_IDS.colorBars,
		name: 'Color Bars',
		type: 'Movie',
		path: COLOR_BARS_PATH,
		parentId: videoLibraryId,
		runTimeTicks: secondsToTicks(12),
		artists: [],
		genres: ['Test Patterns'],
		productionYear: 2024,
		primaryImage: 'color-bars-poster.jpg',
		media: {
			kind: 'file',
			file: 'color-bars.mp4',
			container: 'mov,mp4,m4a,3gp,3g2,mj2',
			mimeType: 'video/mp4',
			videoCodec: 'h264',
			audioCodec: 'aac'
		}
	},
	{
		id: DEMO_ITEM_IDS.countingPattern,
		name: 'Counting Pattern',
		type: 'Movie',
		path: COUNTING_PATTERN_PATH,
		parentId: videoLibraryId,
		runTimeTicks: secondsToTicks(15.008),
		artists: [],
		genres: ['Test Patterns'],
		productionYear: 2024,
		primaryImage: 'counting-pattern-poster.jpg',
		media: {
			kind: 'file',
			file: 'counting-pattern.webm',
			container: 'mkv,webm',
			mimeType: 'video/webm',
			videoCodec: 'vp9',
			audioCodec: 'opus'
		}
	}
];

export const DEMO_ITEMS: readonly CatalogItem[] = [
	...folders,
	...tracks,
	longAudio,
	...videos,
	...realMediaItems(videoLibraryId)
];
