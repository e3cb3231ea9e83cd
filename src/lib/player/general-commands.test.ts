import { describe, expect, it } from 'vitest';

import {
	EMBY_ONLY_COMMANDS,
	GENERAL_COMMAND_TYPES,
	SUPPORTED_COMMANDS
} from '$lib/protocol/commands';
import { GENERAL_COMMAND_HANDLERS } from './general-commands';

describe('GENERAL_COMMAND_HANDLERS', () => {
	it('handles exactly the advertised commands', () => {
		const handled = Object.keys(GENERAL_COMMAND_HANDLERS).sort();
		expect(handled).toEqual([...SUPPORTED_COMMANDS, ...EMBY_ONLY_COMMANDS].sort());
	});

	it('advertises only names Jellyfin defines', () => {
		const jellyfinNames: readonly string[] = GENERAL_COMMAND_TYPES;
		for (const name of SUPPORTED_COMMANDS) expect(jellyfinNames).toContain(name);
		for (const name of EMBY_ONLY_COMMANDS) expect(jellyfinNames).not.toContain(name);
	});
});
