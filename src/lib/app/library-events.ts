import { createLogger } from '$lib/log';
import type { LibraryUpdateInfo, UserDataChangeInfo } from '$lib/protocol/messages';
import type { BaseItem } from '$lib/protocol/schemas';
import { player } from '$lib/stores/player.svelte';

const log = createLogger('library-events');

function normaliseId(id: string): string {
	return id.replaceAll('-', '').toLowerCase();
}

/** Merges the played, favourite and resume state from UserDataChanged into the items Cue shows. */
export function applyUserDataChanged(change: UserDataChangeInfo): void {
	const byId = new Map(change.UserDataList.map((entry) => [normaliseId(entry.ItemId), entry]));
	let changed = false;
	const items = new Map(player.items);
	for (const [key, item] of player.items) {
		const userData = byId.get(normaliseId(item.Id));
		if (!userData) continue;
		items.set(key, { ...item, UserData: { ...item.UserData, ...userData } });
		changed = true;
	}
	if (changed) player.items = items;
}

/**
 * Applies LibraryChanged to the queue: items that were updated are fetched again, and items that
 * were removed are marked so the player skips them when their turn comes.
 */
export async function applyLibraryChanged(
	change: LibraryUpdateInfo,
	fetchItems: (ids: string[]) => Promise<BaseItem[]>
): Promise<void> {
	const queued = new Set(player.queue.entries.map((entry) => normaliseId(entry.itemId)));
	const removed = change.ItemsRemoved.map(normaliseId).filter((id) => queued.has(id));
	if (removed.length > 0) {
		player.removedItemIds = new Set([...player.removedItemIds, ...removed]);
		log.info(`${removed.length} queued items were removed from the library`);
	}
	const updated = change.ItemsUpdated.filter((id) => queued.has(normaliseId(id)));
	if (updated.length === 0) return;
	const fresh = await fetchItems(updated);
	const items = new Map(player.items);
	for (const item of fresh) {
		for (const [key, known] of player.items) {
			if (normaliseId(known.Id) === normaliseId(item.Id)) items.set(key, item);
		}
	}
	player.items = items;
}
