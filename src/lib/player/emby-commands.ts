/**
 * Handlers of the GeneralCommand names only Emby defines. Cue advertises them to Emby alone,
 * because Jellyfin rejects capabilities that name them, but obeys them from any server.
 */
import {
	readIntegerArgument,
	readNumberArgument,
	readStringArgument,
	type EmbyOnlyCommand
} from '$lib/protocol/commands';
import { player } from '$lib/stores/player.svelte';
import type { CommandHandler } from './command-handler';
import { movePlaylistItem, playPlaylistItem, removePlaylistItems } from './playlist-edits';

/** Largest subtitle offset accepted, in seconds either way. */
const MAX_SUBTITLE_OFFSET_SECONDS = 600;

function invalid(name: string, args: Record<string, string>) {
	return { ignored: `invalid ${name} "${args[name] ?? ''}"` };
}

export const EMBY_COMMAND_HANDLERS: Record<EmbyOnlyCommand, CommandHandler> = {
	SetPlaybackRate: (args, { transport }) => {
		const rate = readNumberArgument(args, 'PlaybackRate', 0.25, 4);
		return rate === undefined ? invalid('PlaybackRate', args) : transport.setPlaybackRate(rate);
	},
	SetSubtitleOffset: (args, { engine }) => {
		const limit = MAX_SUBTITLE_OFFSET_SECONDS;
		const offset = readNumberArgument(args, 'SubtitleOffset', -limit, limit);
		return offset === undefined
			? invalid('SubtitleOffset', args)
			: engine.setSubtitleOffset(offset);
	},
	IncrementSubtitleOffset: (args, { engine }) => {
		const limit = MAX_SUBTITLE_OFFSET_SECONDS;
		const increment = readNumberArgument(args, 'Increment', -limit, limit);
		if (increment === undefined) return invalid('Increment', args);
		const offset = Math.min(limit, Math.max(-limit, player.subtitleOffsetSeconds + increment));
		return engine.setSubtitleOffset(offset);
	},
	SetCurrentPlaylistItem: (args, { transport }) => {
		const playlistItemId = readStringArgument(args, 'PlaylistItemId');
		return playlistItemId
			? playPlaylistItem(transport, playlistItemId)
			: invalid('PlaylistItemId', args);
	},
	RemoveFromPlaylist: (args, { engine }) => {
		const ids = (readStringArgument(args, 'PlaylistItemIds') ?? '')
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== '');
		return ids.length > 0 ? removePlaylistItems(engine, ids) : invalid('PlaylistItemIds', args);
	},
	MovePlaylistItem: (args, { engine }) => {
		const playlistItemId = readStringArgument(args, 'PlaylistItemId');
		const newIndex = readIntegerArgument(args, 'NewIndex', 0, Number.MAX_SAFE_INTEGER);
		if (!playlistItemId) return invalid('PlaylistItemId', args);
		if (newIndex === undefined) return invalid('NewIndex', args);
		return movePlaylistItem(engine, playlistItemId, newIndex);
	}
};
