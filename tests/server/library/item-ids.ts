import { md5Guid } from '../core/wire.ts';
import type { ItemType } from './types.ts';

const TYPE_NAMES: Record<ItemType, string> = {
	CollectionFolder: 'MediaBrowser.Controller.Entities.CollectionFolder',
	MusicAlbum: 'MediaBrowser.Controller.Entities.Audio.MusicAlbum',
	Audio: 'MediaBrowser.Controller.Entities.Audio.Audio',
	Movie: 'MediaBrowser.Controller.Entities.Movies.Movie'
};

/**
 * Derives an item id like Jellyfin does (an MD5 Guid of the type name and the lower-cased path),
 * so ids stay the same across restarts and machines.
 */
export function itemIdFor(type: ItemType, path: string): string {
	return md5Guid(TYPE_NAMES[type] + path.toLowerCase());
}

/** Returns the id of an artist, an item-by-name that the demo library does not list as an item. */
export function artistIdFor(name: string): string {
	return md5Guid(`MediaBrowser.Controller.Entities.Audio.MusicArtist${name}`);
}
