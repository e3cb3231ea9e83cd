import type { ToneSpec } from './tone.ts';

export type ItemType = 'CollectionFolder' | 'MusicAlbum' | 'Audio' | 'Movie';

export type VideoCodec = 'h264' | 'hevc' | 'vp9';
export type AudioCodec = 'aac' | 'opus' | 'dts';

/** One audio stream of a file that has several. */
export interface AudioStreamSpec {
	codec: AudioCodec;
	/** ISO 639-2 code, as Jellyfin writes `Language`. */
	language: string;
	title: string;
}

export interface SubtitleStreamSpec {
	/** Jellyfin's codec name: `webvtt` and `subrip` are text, `PGSSUB` is an image format. */
	codec: 'webvtt' | 'subrip' | 'PGSSUB';
	language: string;
	title: string;
	/** Sidecar file under tests/server/media. Image subtitles have none: they are only burned in. */
	file?: string;
}

/** A pre-made HLS transcode of a file, in a folder under tests/server/media/hls. */
export interface HlsRendition {
	folder: string;
	segmentContainer: 'ts' | 'mp4';
	/** Index of the source's audio stream that the rendition carries. */
	audioStreamIndex: number;
	/** Index of the subtitle stream burned into the picture, if any. */
	burnedSubtitleIndex?: number;
}

export interface VideoFileMedia {
	kind: 'file';
	/** File name under tests/server/media. */
	file: string;
	/** The container name Jellyfin's probe normaliser writes for this file. */
	container: string;
	mimeType: string;
	videoCodec: VideoCodec;
	audioCodec: AudioCodec;
	/** Every audio stream, the default first, for files with more than the one `audioCodec` stream. */
	audioStreams?: AudioStreamSpec[];
	subtitles?: SubtitleStreamSpec[];
	/** The transcodes the server offers when a client cannot play the file directly. */
	renditions?: HlsRendition[];
	/** HTTP status that the file's direct stream and transcode return instead of media, to test failures. */
	failWith?: 404 | 500;
}

export type MediaDescription = { kind: 'tone'; tone: ToneSpec } | VideoFileMedia;

/** One library item; optional fields are absent where Jellyfin would write null. */
export interface CatalogItem {
	id: string;
	name: string;
	type: ItemType;
	path: string;
	parentId?: string;
	collectionType?: 'music' | 'movies';
	runTimeTicks?: number;
	indexNumber?: number;
	parentIndexNumber?: number;
	albumId?: string;
	album?: string;
	albumArtist?: string;
	artists: string[];
	genres: string[];
	productionYear?: number;
	/** File name under tests/server/media of the Primary image. */
	primaryImage?: string;
	media?: MediaDescription;
}
