import { describe, expect, test } from 'vitest';
import {
	canonicalCommandName,
	GENERAL_COMMAND_TYPES,
	isSupportedCommand,
	readChoiceArgument,
	readIntegerArgument,
	readNumberArgument,
	readStringArgument,
	SUPPORTED_COMMANDS
} from './commands';

describe('SUPPORTED_COMMANDS', () => {
	test('every name is a Jellyfin GeneralCommandType', () => {
		const jellyfinNames: readonly string[] = GENERAL_COMMAND_TYPES;
		for (const name of SUPPORTED_COMMANDS) expect(jellyfinNames).toContain(name);
	});

	test('contains DisplayMessage and SetVolume', () => {
		expect(SUPPORTED_COMMANDS).toContain('DisplayMessage');
		expect(SUPPORTED_COMMANDS).toContain('SetVolume');
	});

	test('has no duplicates', () => {
		expect(new Set(SUPPORTED_COMMANDS).size).toBe(SUPPORTED_COMMANDS.length);
	});

	test('Jellyfin enum has 43 names', () => {
		expect(GENERAL_COMMAND_TYPES).toHaveLength(43);
		expect(GENERAL_COMMAND_TYPES[22]).toBe('SetVolume');
		expect(GENERAL_COMMAND_TYPES[28]).toBe('DisplayMessage');
		expect(GENERAL_COMMAND_TYPES[42]).toBe('SetPlaybackOrder');
	});
});

describe('isSupportedCommand', () => {
	test('matches supported names exactly', () => {
		expect(isSupportedCommand('SetVolume')).toBe(true);
		expect(isSupportedCommand('ToggleMute')).toBe(true);
		expect(isSupportedCommand('VolumeSet')).toBe(false);
		expect(isSupportedCommand('MoveUp')).toBe(false);
		expect(isSupportedCommand('')).toBe(false);
	});
});

describe('canonicalCommandName', () => {
	test('restores Jellyfin spelling', () => {
		expect(canonicalCommandName('setvolume')).toBe('SetVolume');
		expect(canonicalCommandName('DISPLAYMESSAGE')).toBe('DisplayMessage');
	});

	test('keeps names Jellyfin does not define', () => {
		expect(canonicalCommandName('SetPlaybackRate')).toBe('SetPlaybackRate');
	});
});

describe('readIntegerArgument', () => {
	test('reads whole decimal numbers', () => {
		expect(readIntegerArgument({ Volume: '30' }, 'Volume', 0, 100)).toBe(30);
		expect(readIntegerArgument({ Volume: ' 50 ' }, 'Volume', 0, 100)).toBe(50);
		expect(readIntegerArgument({ Volume: '50.0' }, 'Volume', 0, 100)).toBe(50);
		expect(readIntegerArgument({ Index: '-1' }, 'Index', -1, 1000)).toBe(-1);
		expect(readIntegerArgument({ Volume: '0' }, 'Volume', 0, 100)).toBe(0);
		expect(readIntegerArgument({ Volume: '100' }, 'Volume', 0, 100)).toBe(100);
	});

	test('garbage gives undefined', () => {
		for (const value of ['abc', '', ' ', '1e999', '1e2', '0x10', '2.5', 'Infinity', 'NaN', '5 5']) {
			expect(readIntegerArgument({ Volume: value }, 'Volume', 0, 100)).toBeUndefined();
		}
	});

	test('out of range gives undefined', () => {
		expect(readIntegerArgument({ Volume: '101' }, 'Volume', 0, 100)).toBeUndefined();
		expect(readIntegerArgument({ Volume: '-1' }, 'Volume', 0, 100)).toBeUndefined();
	});

	test('missing key gives undefined', () => {
		expect(readIntegerArgument({}, 'Volume', 0, 100)).toBeUndefined();
		expect(readIntegerArgument({ toString: '5' }, 'constructor', 0, 100)).toBeUndefined();
	});

	test('key matches in any case', () => {
		expect(readIntegerArgument({ volume: '42' }, 'Volume', 0, 100)).toBe(42);
	});
});

describe('readStringArgument', () => {
	test('trims', () => {
		expect(readStringArgument({ Text: '  Hello ' }, 'Text')).toBe('Hello');
	});

	test('blank or missing gives undefined', () => {
		expect(readStringArgument({ Text: '   ' }, 'Text')).toBeUndefined();
		expect(readStringArgument({ Text: '' }, 'Text')).toBeUndefined();
		expect(readStringArgument({}, 'Text')).toBeUndefined();
	});

	test('key matches in any case', () => {
		expect(readStringArgument({ header: 'Hdr' }, 'Header')).toBe('Hdr');
	});
});

describe('readNumberArgument', () => {
	const cases: [value: string | undefined, expected: number | undefined][] = [
		['1.5', 1.5],
		[' 0.25 ', 0.25],
		['4', 4],
		['4.01', undefined],
		['0.1', undefined],
		['fast', undefined],
		['', undefined],
		['NaN', undefined],
		['Infinity', undefined],
		['1e999', undefined],
		[undefined, undefined]
	];

	test.each(cases)('reads %j as %j', (value, expected) => {
		const args: Record<string, string> = value === undefined ? {} : { PlaybackRate: value };
		expect(readNumberArgument(args, 'PlaybackRate', 0.25, 4)).toBe(expected);
	});
});

describe('readChoiceArgument', () => {
	const modes = ['RepeatNone', 'RepeatAll', 'RepeatOne'] as const;

	test('returns the canonical spelling', () => {
		expect(readChoiceArgument({ RepeatMode: 'repeatall' }, 'RepeatMode', modes)).toBe('RepeatAll');
		expect(readChoiceArgument({ RepeatMode: ' RepeatOne ' }, 'RepeatMode', modes)).toBe(
			'RepeatOne'
		);
	});

	test('unknown, blank or missing gives undefined', () => {
		expect(readChoiceArgument({ RepeatMode: 'RepeatSome' }, 'RepeatMode', modes)).toBeUndefined();
		expect(readChoiceArgument({ RepeatMode: '' }, 'RepeatMode', modes)).toBeUndefined();
		expect(readChoiceArgument({}, 'RepeatMode', modes)).toBeUndefined();
	});
});
