import { dashedGuid, formatDate, TICKS_PER_SECOND } from '../core/wire.ts';
import { isFolder, playableDescendants } from './catalog.ts';
import type { CatalogItem } from './types.ts';

/** Per-user play state of an item (Jellyfin's `UserItemData`). */
export interface UserItemData {
	playbackPositionTicks: number;
	playCount: number;
	isFavorite: boolean;
	played: boolean;
	lastPlayedDate?: number;
}

// Server defaults of MinResumePct, MaxResumePct and MinResumeDurationSeconds.
const MIN_RESUME_PERCENT = 5;
const MAX_RESUME_PERCENT = 90;
const MIN_RESUME_DURATION_SECONDS = 300;

export class UserDataStore {
	private readonly data = new Map<string, UserItemData>();

	get(userId: string, itemId: string): UserItemData {
		const key = `${userId}:${itemId}`;
		let entry = this.data.get(key);
		if (entry === undefined) {
			entry = { playbackPositionTicks: 0, playCount: 0, isFavorite: false, played: false };
			this.data.set(key, entry);
		}
		return entry;
	}
}

/** Videos resume where they stopped; audio tracks do not, as in Jellyfin. */
export function supportsResume(item: CatalogItem): boolean {
	return item.type === 'Movie';
}

/**
 * Applies a reported stop position with Jellyfin's rules: under 5 % resets the position to 0,
 * over 90 % (or within a second of the end) marks the item played, and items shorter than
 * five minutes count as played once past 5 %. Returns whether the item was played to completion.
 */
export function updatePlayState(item: CatalogItem, data: UserItemData, reported?: number): boolean {
	const runtime = item.runTimeTicks ?? 0;
	let position = reported ?? runtime;
	let completed = false;
	if (position > 0 && runtime > 0) {
		const percent = (position / runtime) * 100;
		if (percent < MIN_RESUME_PERCENT) {
			position = 0;
		} else if (percent > MAX_RESUME_PERCENT || position >= runtime - TICKS_PER_SECOND) {
			position = 0;
			completed = true;
		} else if (runtime / TICKS_PER_SECOND < MIN_RESUME_DURATION_SECONDS) {
			position = 0;
			completed = true;
		}
	} else if (runtime <= 0) {
		position = 0;
		completed = true;
	}
	if (completed) data.played = true;
	data.playbackPositionTicks = supportsResume(item) ? position : 0;
	return completed;
}

/** Returns the user-data key: the song key for audio, the album key for albums, else the id. */
export function userDataKey(item: CatalogItem): string {
	if (item.type === 'Audio' && item.indexNumber !== undefined) {
		const disc = String(item.parentIndexNumber ?? 0).padStart(4, '0');
		const track = String(item.indexNumber).padStart(4, '0');
		return `${item.albumArtist}-${item.album}-${disc}-${track}${item.name}`;
	}
	if (item.type === 'MusicAlbum' && item.albumArtist) return `${item.albumArtist}-${item.name}`;
	return dashedGuid(item.id);
}

/** Builds a `UserItemDataDto`; folders report how many of their items are unplayed. */
export function toUserDataDto(store: UserDataStore, userId: string, item: CatalogItem) {
	const data = store.get(userId, item.id);
	let played = data.played;
	let unplayedItemCount: number | undefined;
	let playedPercentage: number | undefined;
	if (isFolder(item)) {
		const items = playableDescendants(item);
		unplayedItemCount = items.filter((child) => !store.get(userId, child.id).played).length;
		played = unplayedItemCount === 0;
	} else if (item.runTimeTicks && data.playbackPositionTicks > 0) {
		playedPercentage = (100 * data.playbackPositionTicks) / item.runTimeTicks;
	}
	return {
		PlayedPercentage: playedPercentage,
		UnplayedItemCount: unplayedItemCount,
		PlaybackPositionTicks: data.playbackPositionTicks,
		PlayCount: data.playCount,
		IsFavorite: data.isFavorite,
		LastPlayedDate: data.lastPlayedDate === undefined ? undefined : formatDate(data.lastPlayedDate),
		Played: played,
		Key: userDataKey(item),
		ItemId: item.id
	};
}
