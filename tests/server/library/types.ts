import type { ToneSpec } from './tone.ts';

export type ItemType = 'CollectionFolder' | 'MusicAlbum' | 'Audio' | 'Movie';

export interface VideoFileMedia {
	kind: 'file';
	/** File name under tests/server/media. */
	file: string;
	/** The container name Jellyfin's probe normaliser writes for this file. */
	container: string;
	mimeType: string;
	videoCodec: 'h264' | 'vp9';
	audioCodec: 'aac' | 'opus';
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
