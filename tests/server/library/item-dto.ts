import { ARTIST_ID } from './demo-items.ts';
import { childrenOf, findItem, imageTag, isFolder, playableDescendants } from './catalog.ts';
import { mediaContainer, mediaSourceFor } from './media-source.ts';
import { mediaStreamsFor } from './media-streams.ts';
import type { CatalogItem } from './types.ts';

/**
 * Which optional `ItemFields` to write: 'all' for the single-item endpoints, or the lower-cased
 * names a list endpoint was asked for with `fields=`. Other properties are always written.
 */
export type FieldSelection = 'all' | ReadonlySet<string>;

export interface ItemDtoOptions {
	serverId: string;
	fields: FieldSelection;
	/** The requesting user's `UserItemDataDto`, written when a user is known. */
	userData?: (item: CatalogItem) => unknown;
}

/** The fields `SessionManager.GetItemInfo` leaves out of a session's NowPlayingItem. */
const NOW_PLAYING_EXCLUDED = ['mediasources', 'mediastreams', 'sortname', 'etag', 'people', 'tags'];
const NOW_PLAYING_FIELDS = [
	...['datecreated', 'externalurls', 'path', 'taglines', 'genres', 'remotetrailers'],
	...['providerids', 'parentid', 'studios', 'primaryimageaspectratio']
].filter((name) => !NOW_PLAYING_EXCLUDED.includes(name));

function wants(options: ItemDtoOptions, field: string): boolean {
	return options.fields === 'all' || options.fields.has(field.toLowerCase());
}

function nameIdPairs(names: string[]) {
	return names.map((name) => ({ Name: name, Id: ARTIST_ID }));
}

function mediaType(item: CatalogItem): string {
	if (item.type === 'Audio') return 'Audio';
	if (item.type === 'Movie') return 'Video';
	return 'Unknown';
}

function aspectRatio(item: CatalogItem): number | undefined {
	if (item.primaryImage === undefined) return undefined;
	return item.type === 'Movie' ? 2 / 3 : 1;
}

function headFields(item: CatalogItem, options: ItemDtoOptions) {
	const playable = item.media !== undefined;
	return {
		Name: item.name,
		ServerId: options.serverId,
		Id: item.id,
		Etag: wants(options, 'Etag') ? item.id.slice(0, 16) : undefined,
		DateCreated: wants(options, 'DateCreated') ? '2024-06-01T12:00:00.0000000Z' : undefined,
		CanDelete: wants(options, 'CanDelete') ? false : undefined,
		CanDownload: wants(options, 'CanDownload') ? playable : undefined,
		HasLyrics: item.type === 'Audio' ? false : undefined,
		Container: mediaContainer(item),
		SortName: wants(options, 'SortName') ? item.name.toLowerCase() : undefined,
		ExternalUrls: wants(options, 'ExternalUrls') ? [] : undefined,
		MediaSources: playable && wants(options, 'MediaSources') ? [mediaSourceFor(item)] : undefined,
		Path: wants(options, 'Path') ? item.path : undefined,
		EnableMediaSourceDisplay: true,
		Taglines: wants(options, 'Taglines') ? [] : undefined,
		Genres: wants(options, 'Genres') ? item.genres : undefined,
		RunTimeTicks: item.runTimeTicks,
		PlayAccess: options.userData && wants(options, 'PlayAccess') ? 'Full' : undefined,
		ProductionYear: item.productionYear,
		IndexNumber: item.indexNumber,
		ParentIndexNumber: item.parentIndexNumber,
		RemoteTrailers: wants(options, 'RemoteTrailers') ? [] : undefined,
		ProviderIds: wants(options, 'ProviderIds') ? {} : undefined,
		IsFolder: isFolder(item),
		ParentId: wants(options, 'ParentId') ? item.parentId : undefined,
		Type: item.type
	};
}

function middleFields(item: CatalogItem, options: ItemDtoOptions) {
	const folder = isFolder(item);
	const music = item.type === 'Audio' || item.type === 'MusicAlbum';
	return {
		People: wants(options, 'People') ? [] : undefined,
		Studios: wants(options, 'Studios') ? [] : undefined,
		GenreItems: wants(options, 'Genres') ? item.genres.map((name) => ({ Name: name })) : undefined,
		LocalTrailerCount: item.type === 'Movie' ? 0 : undefined,
		UserData: options.userData?.(item),
		RecursiveItemCount:
			folder && wants(options, 'RecursiveItemCount') ? playableDescendants(item).length : undefined,
		ChildCount: folder && wants(options, 'ChildCount') ? childrenOf(item.id).length : undefined,
		DisplayPreferencesId: folder && wants(options, 'DisplayPreferencesId') ? item.id : undefined,
		Tags: wants(options, 'Tags') ? [] : undefined,
		PrimaryImageAspectRatio: wants(options, 'PrimaryImageAspectRatio')
			? aspectRatio(item)
			: undefined,
		Artists: music ? item.artists : undefined,
		ArtistItems: music ? nameIdPairs(item.artists) : undefined
	};
}

function tailFields(item: CatalogItem, options: ItemDtoOptions) {
	const album = item.albumId === undefined ? undefined : findItem(item.albumId);
	const albumArtists = item.albumArtist === undefined ? undefined : [item.albumArtist];
	const tag = imageTag(item);
	const movie = item.type === 'Movie';
	return {
		Album: item.album,
		CollectionType: item.collectionType,
		AlbumId: item.albumId,
		AlbumPrimaryImageTag: album === undefined ? undefined : imageTag(album),
		AlbumArtist: item.albumArtist,
		AlbumArtists: albumArtists === undefined ? undefined : nameIdPairs(albumArtists),
		MediaStreams:
			item.media && wants(options, 'MediaStreams') ? mediaStreamsFor(item.media) : undefined,
		VideoType: movie ? 'VideoFile' : undefined,
		ImageTags: tag === undefined ? {} : { Primary: tag },
		BackdropImageTags: [],
		LocationType: 'FileSystem',
		MediaType: mediaType(item),
		LockedFields: wants(options, 'LockedFields') ? [] : undefined,
		LockData: false,
		Width: movie ? 320 : undefined,
		Height: movie ? 180 : undefined
	};
}

/** Builds a `BaseItemDto` with properties in the server's order; absent values are omitted. */
export function toItemDto(item: CatalogItem, options: ItemDtoOptions) {
	return {
		...headFields(item, options),
		...middleFields(item, options),
		...tailFields(item, options)
	};
}

/**
 * Builds a session's NowPlayingItem the way the server does on a check-in: most fields, no user
 * data and no MediaSources, but with the playing source's MediaStreams.
 */
export function toNowPlayingItemDto(item: CatalogItem, serverId: string) {
	const dto = toItemDto(item, { serverId, fields: new Set(NOW_PLAYING_FIELDS) });
	return { ...dto, MediaStreams: item.media ? mediaStreamsFor(item.media) : undefined };
}

/** Parses a `fields=` query value (comma-delimited `ItemFields` names). */
export function parseFieldSelection(value: string | undefined): FieldSelection {
	const names = (value ?? '').split(',').map((name) => name.trim().toLowerCase());
	return new Set(names.filter((name) => name !== ''));
}
