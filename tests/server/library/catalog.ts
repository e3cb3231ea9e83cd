import { md5Hex } from '../core/wire.ts';
import { DEMO_ITEMS } from './demo-items.ts';
import type { CatalogItem } from './types.ts';

export function findItem(id: string): CatalogItem | undefined {
	return DEMO_ITEMS.find((item) => item.id === id);
}

export function allItems(): readonly CatalogItem[] {
	return DEMO_ITEMS;
}

export function childrenOf(parentId: string): CatalogItem[] {
	return sortItems(DEMO_ITEMS.filter((item) => item.parentId === parentId));
}

export function isFolder(item: CatalogItem): boolean {
	return item.type === 'CollectionFolder' || item.type === 'MusicAlbum';
}

/** Returns the playable items under a folder, recursively, in sort-name order. */
export function playableDescendants(item: CatalogItem): CatalogItem[] {
	if (!isFolder(item)) return [item];
	return childrenOf(item.id).flatMap(playableDescendants);
}

function sortName(item: CatalogItem): string {
	if (item.indexNumber === undefined) return item.name;
	const disc = String(item.parentIndexNumber ?? 0).padStart(4, '0');
	const track = String(item.indexNumber).padStart(4, '0');
	return `${disc} - ${track} - ${item.name}`;
}

/** Orders items like Jellyfin's SortName: tracks by disc and track number, others by name. */
export function sortItems(items: CatalogItem[]): CatalogItem[] {
	return [...items].sort((a, b) => sortName(a).localeCompare(sortName(b)));
}

/** Returns the tag that image URLs carry (`?tag=`), which changes when the image changes. */
export function imageTag(item: CatalogItem): string | undefined {
	return item.primaryImage === undefined ? undefined : md5Hex(`${item.id}:${item.primaryImage}`);
}
