import type { PlayCommand } from '../core/enums.ts';
import {
	allItems,
	findItem,
	isFolder,
	playableDescendants,
	sortItems
} from '../library/catalog.ts';
import type { CatalogItem } from '../library/types.ts';

/**
 * Returns an instant mix for an item: the audio items that share a genre with it (all music
 * under a folder), the item itself first. Jellyfin picks such items in random order, so clients
 * must not rely on the order. Videos have no instant mix.
 */
export function instantMix(item: CatalogItem): CatalogItem[] {
	if (item.type === 'Movie') return [];
	const genres = isFolder(item)
		? new Set(playableDescendants(item).flatMap((child) => child.genres))
		: new Set(item.genres);
	const matches = sortItems(
		allItems().filter(
			(candidate) =>
				candidate.type === 'Audio' && candidate.genres.some((genre) => genres.has(genre))
		)
	);
	const seedIndex = matches.indexOf(item);
	return seedIndex <= 0 ? matches : [...matches.slice(seedIndex), ...matches.slice(0, seedIndex)];
}

function shuffle<T>(items: T[]): T[] {
	const copy = [...items];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(Math.random() * (index + 1));
		[copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
	}
	return copy;
}

/** Expands one requested id: a folder becomes its playable items, an unknown id nothing. */
function expandForPlayback(id: string): CatalogItem[] {
	const item = findItem(id);
	if (item === undefined) return [];
	return isFolder(item) ? playableDescendants(item) : [item];
}

/**
 * Rewrites a play request as `SessionManager.SendPlayCommand` does before sending it:
 * PlayInstantMix becomes PlayNow over each item's instant mix, PlayShuffle becomes PlayNow
 * over the shuffled expansion, and other commands keep their name.
 */
export function expandPlayRequest(
	command: PlayCommand,
	itemIds: string[]
): { command: PlayCommand; itemIds: string[] } {
	if (command === 'PlayInstantMix') {
		const items = itemIds.flatMap((id) => {
			const item = findItem(id);
			return item === undefined ? [] : instantMix(item);
		});
		return { command: 'PlayNow', itemIds: items.map((item) => item.id) };
	}
	let items = itemIds.flatMap(expandForPlayback);
	if (command === 'PlayShuffle') items = shuffle(items);
	const sent: PlayCommand = command === 'PlayShuffle' ? 'PlayNow' : command;
	return { command: sent, itemIds: items.map((item) => item.id) };
}
