import {
	GENERAL_COMMAND_TYPES,
	PLAY_COMMANDS,
	PLAYSTATE_COMMANDS,
	type PlayCommand
} from '../core/enums.ts';
import { findItem } from '../library/catalog.ts';
import {
	EMBY_PLAYSTATE_COMMANDS,
	MEDIABROWSER_GENERAL_COMMANDS,
	MEDIABROWSER_PLAYSTATE_COMMANDS
} from '../modes/older-enums.ts';
import { isJellyfinMode, type ServerMode } from '../modes/server-mode.ts';
import { expandPlayRequest } from './play-request.ts';

/** What a controller may send to a session in one server mode. */
export interface CommandRules {
	playCommands: readonly PlayCommand[];
	playstateCommands: readonly string[];
	/** The GeneralCommand names a controller may send, or undefined when any name is relayed. */
	generalCommands: readonly string[] | undefined;
	/** Rewrites a play request before it is sent. */
	preparePlay(command: PlayCommand, itemIds: string[]): { command: PlayCommand; itemIds: string[] };
}

/**
 * Expands folders for PlayNow, PlayNext and PlayLast as Jellyfin does, but sends PlayShuffle and
 * PlayInstantMix with the requested ids, leaving the shuffle or mix to the client.
 * NOTE: whether Emby 4.8 and MediaBrowser 3 expanded these server-side is not confirmed.
 */
function preparePlayWithoutExpansion(command: PlayCommand, itemIds: string[]) {
	if (command !== 'PlayShuffle' && command !== 'PlayInstantMix') {
		return expandPlayRequest(command, itemIds);
	}
	return { command, itemIds: itemIds.filter((id) => findItem(id) !== undefined) };
}

export function commandRulesFor(mode: ServerMode): CommandRules {
	if (isJellyfinMode(mode)) {
		return {
			playCommands: PLAY_COMMANDS,
			playstateCommands: PLAYSTATE_COMMANDS,
			generalCommands: GENERAL_COMMAND_TYPES,
			preparePlay: expandPlayRequest
		};
	}
	const emby = mode === 'emby';
	return {
		playCommands: PLAY_COMMANDS,
		playstateCommands: emby ? EMBY_PLAYSTATE_COMMANDS : MEDIABROWSER_PLAYSTATE_COMMANDS,
		// Emby's GeneralCommand.Name is a free string; MediaBrowser 3 still had a closed enum.
		generalCommands: emby ? undefined : MEDIABROWSER_GENERAL_COMMANDS,
		preparePlay: preparePlayWithoutExpansion
	};
}
