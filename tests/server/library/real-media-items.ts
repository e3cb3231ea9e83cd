import { secondsToTicks } from '../core/wire.ts';
import { itemIdFor } from './item-ids.ts';
import type { CatalogItem, VideoFileMedia } from './types.ts';

/**
 * Videos that Chromium cannot play as they are, and two whose streams fail. The server offers
 * pre-made HLS renditions (made by scripts/make-real-media.sh) as their transcodes.
 */
const VIDEOS_PATH = '/media/videos';
const SECONDS = 12;
const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';

const paths = {
	nightDrive: `${VIDEOS_PATH}/Night Drive (2024)/Night Drive.mp4`,
	harbourLights: `${VIDEOS_PATH}/Harbour Lights (2024)/Harbour Lights.mkv`,
	twoVoices: `${VIDEOS_PATH}/Two Voices (2024)/Two Voices.mp4`,
	lostTape: `${VIDEOS_PATH}/Lost Tape (2024)/Lost Tape.mp4`,
	scratchedDisc: `${VIDEOS_PATH}/Scratched Disc (2024)/Scratched Disc.mp4`
};

export const REAL_MEDIA_IDS = {
	nightDrive: itemIdFor('Movie', paths.nightDrive),
	harbourLights: itemIdFor('Movie', paths.harbourLights),
	twoVoices: itemIdFor('Movie', paths.twoVoices),
	lostTape: itemIdFor('Movie', paths.lostTape),
	scratchedDisc: itemIdFor('Movie', paths.scratchedDisc)
};

const hevcMedia: VideoFileMedia = {
	kind: 'file',
	file: 'night-drive.mp4',
	container: MP4,
	mimeType: 'video/mp4',
	videoCodec: 'hevc',
	audioCodec: 'aac',
	renditions: [{ folder: 'night-drive', segmentContainer: 'ts', audioStreamIndex: 1 }]
};

const dtsMedia: VideoFileMedia = {
	kind: 'file',
	file: 'harbour-lights.mkv',
	container: 'mkv',
	mimeType: 'video/x-matroska',
	videoCodec: 'h264',
	audioCodec: 'dts',
	renditions: [{ folder: 'harbour-lights', segmentContainer: 'mp4', audioStreamIndex: 1 }]
};

/** Streams: 0 video, 1 English and 2 French audio, 3 and 4 text subtitles, 5 a PGS subtitle. */
const twoVoicesMedia: VideoFileMedia = {
	kind: 'file',
	file: 'two-voices.mp4',
	container: MP4,
	mimeType: 'video/mp4',
	videoCodec: 'h264',
	audioCodec: 'aac',
	audioStreams: [
		{ codec: 'aac', language: 'eng', title: 'English' },
		{ codec: 'aac', language: 'fra', title: 'Français' }
	],
	subtitles: [
		{ codec: 'webvtt', language: 'eng', title: 'English', file: 'two-voices.en.vtt' },
		{ codec: 'subrip', language: 'fra', title: 'Français', file: 'two-voices.fr.srt' },
		{ codec: 'PGSSUB', language: 'eng', title: 'English (PGS)' }
	],
	renditions: [
		{ folder: 'two-voices-fra', segmentContainer: 'ts', audioStreamIndex: 2 },
		{
			folder: 'two-voices-eng-burned',
			segmentContainer: 'ts',
			audioStreamIndex: 1,
			burnedSubtitleIndex: 5
		},
		{
			folder: 'two-voices-fra-burned',
			segmentContainer: 'ts',
			audioStreamIndex: 2,
			burnedSubtitleIndex: 5
		}
	]
};

function movie(id: string, name: string, path: string, media: VideoFileMedia): CatalogItem {
	return {
		id,
		name,
		type: 'Movie',
		path,
		runTimeTicks: secondsToTicks(SECONDS),
		artists: [],
		genres: ['Test Patterns'],
		productionYear: 2024,
		media
	};
}

/** Returns the items, placed in the library folder `parentId`. */
export function realMediaItems(parentId: string): CatalogItem[] {
	const ids = REAL_MEDIA_IDS;
	return [
		movie(ids.nightDrive, 'Night Drive', paths.nightDrive, hevcMedia),
		movie(ids.harbourLights, 'Harbour Lights', paths.harbourLights, dtsMedia),
		movie(ids.twoVoices, 'Two Voices', paths.twoVoices, twoVoicesMedia),
		// The transcode of this HEVC file fails: its playlist returns 404.
		movie(ids.lostTape, 'Lost Tape', paths.lostTape, { ...hevcMedia, failWith: 404 }),
		// A file Chromium can play, whose direct stream returns 500.
		movie(ids.scratchedDisc, 'Scratched Disc', paths.scratchedDisc, {
			kind: 'file',
			file: 'color-bars.mp4',
			container: MP4,
			mimeType: 'video/mp4',
			videoCodec: 'h264',
			audioCodec: 'aac',
			failWith: 500
		})
	].map((item) => ({ ...item, parentId }));
}
