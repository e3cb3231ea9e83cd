/** Edits of the playing queue that Emby controllers send by PlaylistItemId. */
import { currentEntry, indexOfPlaylistItem, moveEntry, removeEntries } from '$lib/queue';
import { player } from '$lib/stores/player.svelte';
import type { ActionResult, PlaybackEngine } from './engine';
import type { Transport } from './transport';

/** Emby's SetCurrentPlaylistItem: plays the queue entry with this PlaylistItemId. */
export function playPlaylistItem(transport: Transport, playlistItemId: string): ActionResult {
	const index = indexOfPlaylistItem(player.queue, playlistItemId);
	if (index === -1) return { ignored: `no queue entry has PlaylistItemId "${playlistItemId}"` };
	return transport.jumpTo(index);
}

/**
 * Emby's RemoveFromPlaylist. Removing the playing entry plays the one that followed it, and
 * emptying the queue stops playback.
 */
export async function removePlaylistItems(
	engine: PlaybackEngine,
	playlistItemIds: string[]
): Promise<ActionResult> {
	const before = player.queue;
	const playing = currentEntry(before);
	const after = removeEntries(before, playlistItemIds);
	if (after === before) return { ignored: 'none of the PlaylistItemIds is in the queue' };
	if (after.entries.length === 0) return engine.stop();
	player.queue = after;
	const next = currentEntry(after);
	if (playing && next && next.playlistItemId !== playing.playlistItemId && player.loaded) {
		return engine.loadCurrent(0);
	}
	engine.reportProgress('playlistitemremove');
	return 'applied';
}

/** Emby's MovePlaylistItem: moves one entry to `newIndex`; the playing entry keeps playing. */
export function movePlaylistItem(
	engine: PlaybackEngine,
	playlistItemId: string,
	newIndex: number
): ActionResult {
	const after = moveEntry(player.queue, playlistItemId, newIndex);
	if (after === player.queue) {
		return { ignored: `PlaylistItemId "${playlistItemId}" is not in the queue or already there` };
	}
	player.queue = after;
	engine.reportProgress('playlistitemmove');
	return 'applied';
}
