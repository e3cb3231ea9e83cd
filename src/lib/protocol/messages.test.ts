import { describe, expect, test } from 'vitest';
import { KEEP_ALIVE_FRAME, MAX_FRAME_CHARACTERS, parseFrame, type ParsedFrame } from './messages';

function frame(value: unknown): string {
	return JSON.stringify(value);
}

function expectMessage(parsed: ParsedFrame) {
	if (parsed.kind !== 'message')
		throw new Error(`expected a message, got ${JSON.stringify(parsed)}`);
	return parsed.message;
}

function expectInvalid(parsed: ParsedFrame): string {
	if (parsed.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(parsed)}`);
	return parsed.reason;
}

describe('KEEP_ALIVE_FRAME', () => {
	test('is the exact keep-alive text', () => {
		expect(KEEP_ALIVE_FRAME).toBe('{"MessageType":"KeepAlive"}');
	});

	test('parses as KeepAlive', () => {
		expect(parseFrame(KEEP_ALIVE_FRAME)).toEqual({
			kind: 'message',
			message: { MessageType: 'KeepAlive' }
		});
	});
});

describe('parseFrame envelope', () => {
	const malformed: [name: string, text: string, reason: string][] = [
		['not JSON', 'nope', 'frame is not valid JSON'],
		['truncated JSON', '{"MessageType":"Play"', 'frame is not valid JSON'],
		['empty text', '', 'frame is not valid JSON'],
		['JSON array', '[{"MessageType":"KeepAlive"}]', 'frame is an array, expected a JSON object'],
		['JSON number', '42', 'frame is a number, expected a JSON object'],
		['JSON string', '"KeepAlive"', 'frame is a string, expected a JSON object'],
		['JSON null', 'null', 'frame is null, expected a JSON object'],
		['empty object', '{}', 'MessageType is missing'],
		['null MessageType', '{"MessageType":null}', 'MessageType is missing'],
		['numeric MessageType', '{"MessageType":5}', 'MessageType must be a non-empty string'],
		['blank MessageType', '{"MessageType":"  "}', 'MessageType must be a non-empty string']
	];

	test.each(malformed)('%s is invalid', (_name, text, reason) => {
		expect(parseFrame(text)).toEqual({ kind: 'invalid', reason });
	});

	test('non-text input is invalid', () => {
		expect(parseFrame(undefined as unknown as string)).toEqual({
			kind: 'invalid',
			reason: 'frame is not text'
		});
		expect(parseFrame(new ArrayBuffer(4) as unknown as string).kind).toBe('invalid');
	});

	test('keeps MessageId of a frame without MessageType', () => {
		expect(parseFrame('{"MessageId":"abc"}')).toEqual({
			kind: 'invalid',
			reason: 'MessageType is missing',
			messageId: 'abc'
		});
	});

	test('2 MB string does not throw', () => {
		const huge = `{"MessageType":"Play","Data":"${'x'.repeat(2 * 1024 * 1024)}"}`;
		expect(expectInvalid(parseFrame(huge))).toContain('longer than');
	});

	test('string data just under the limit is checked', () => {
		const large = `{"MessageType":"Play","Data":"${'x'.repeat(1000 * 1000)}"}`;
		expect(expectInvalid(parseFrame(large))).toBe('Play: Data must be an object');
	});

	test('2 MB of garbage does not throw', () => {
		const garbage = '\u0000\uffff'.repeat(1024 * 1024);
		expect(expectInvalid(parseFrame(garbage))).toContain('longer than');
	});

	test('garbage under the limit is not JSON', () => {
		const garbage = '\u0000\uffff'.repeat(1000);
		expect(expectInvalid(parseFrame(garbage))).toBe('frame is not valid JSON');
	});

	test('frame over the size limit is rejected before parsing', () => {
		const tooLong = ' '.repeat(MAX_FRAME_CHARACTERS + 1);
		expect(expectInvalid(parseFrame(tooLong))).toContain('longer than');
	});

	test('overlong MessageType is not echoed', () => {
		const parsed = parseFrame(frame({ MessageType: 'x'.repeat(5000) }));
		expect(expectInvalid(parsed).length).toBeLessThan(80);
	});

	test('unknown types are reported as unknown', () => {
		expect(parseFrame(frame({ MessageType: 'Sessions', MessageId: 'm1', Data: [] }))).toEqual({
			kind: 'unknown',
			messageType: 'Sessions',
			messageId: 'm1'
		});
		expect(parseFrame(frame({ MessageType: 'SyncPlayGroupUpdate', Data: {} }))).toEqual({
			kind: 'unknown',
			messageType: 'SyncPlayGroupUpdate'
		});
	});

	test('MessageId is optional', () => {
		const message = expectMessage(parseFrame(frame({ MessageType: 'ServerRestarting', Data: '' })));
		expect(message).toEqual({ MessageType: 'ServerRestarting', Data: '' });
		expect('MessageId' in message).toBe(false);
	});

	test('non-string MessageId is ignored', () => {
		const message = expectMessage(parseFrame(frame({ MessageType: 'KeepAlive', MessageId: 7 })));
		expect(message).toEqual({ MessageType: 'KeepAlive' });
	});

	test('empty MessageId is ignored', () => {
		const message = expectMessage(parseFrame(frame({ MessageType: 'KeepAlive', MessageId: '' })));
		expect(message).toEqual({ MessageType: 'KeepAlive' });
	});

	test('every truncation of a frame parses without throwing', () => {
		const text = frame({
			MessageType: 'Play',
			MessageId: 'p',
			Data: { ItemIds: ['a', 'b'], PlayCommand: 'PlayNow', StartPositionTicks: 10, StartIndex: 1 }
		});
		for (let length = 0; length < text.length; length++) {
			expect(['invalid', 'message', 'unknown']).toContain(parseFrame(text.slice(0, length)).kind);
		}
		expect(parseFrame(text).kind).toBe('message');
	});

	test('wrong Data types for every handled type do not throw', () => {
		const types = [
			'ForceKeepAlive',
			'Play',
			'Playstate',
			'GeneralCommand',
			'UserDataChanged',
			'LibraryChanged',
			'UserDeleted',
			'UserUpdated'
		];
		const dataValues = [null, 0, -1, '', 'x', [], [null], {}, { a: null }, true, 1e308];
		for (const MessageType of types) {
			for (const Data of dataValues) {
				expect(['invalid', 'message']).toContain(parseFrame(frame({ MessageType, Data })).kind);
			}
		}
	});
});

describe('parseFrame ForceKeepAlive', () => {
	test('reads seconds', () => {
		const message = expectMessage(parseFrame(frame({ MessageType: 'ForceKeepAlive', Data: 60 })));
		expect(message).toEqual({ MessageType: 'ForceKeepAlive', Data: 60 });
	});

	test('accepts a numeric string', () => {
		const message = expectMessage(parseFrame(frame({ MessageType: 'ForceKeepAlive', Data: '60' })));
		expect(message).toEqual({ MessageType: 'ForceKeepAlive', Data: 60 });
	});

	test('rejects zero, negative, text and absence', () => {
		const cases: [data: unknown, reason: string][] = [
			[0, 'ForceKeepAlive: Data must be a positive number of seconds'],
			[-60, 'ForceKeepAlive: Data must be a positive number of seconds'],
			['soon', 'ForceKeepAlive: Data must be a number'],
			[null, 'ForceKeepAlive: Data is missing'],
			[undefined, 'ForceKeepAlive: Data is missing']
		];
		for (const [data, reason] of cases) {
			const parsed = parseFrame(
				frame({ MessageType: 'ForceKeepAlive', MessageId: 'k', Data: data })
			);
			expect(parsed).toEqual({
				kind: 'invalid',
				reason,
				messageType: 'ForceKeepAlive',
				messageId: 'k'
			});
		}
	});
});

describe('parseFrame Play', () => {
	function play(data: unknown): ParsedFrame {
		return parseFrame(frame({ MessageType: 'Play', MessageId: 'p1', Data: data }));
	}

	test('reads every field', () => {
		const message = expectMessage(
			play({
				ItemIds: [
					'8fa2e080856823d65e120b0444f8fe15',
					'1942',
					'b0b0b0b0-c1c1-d2d2-e3e3-f4f4a5a5b6b6'
				],
				PlayCommand: 'PlayNow',
				StartPositionTicks: 15694430000,
				StartIndex: 1,
				MediaSourceId: 'ms',
				AudioStreamIndex: 1,
				SubtitleStreamIndex: -1,
				ControllingUserId: 'u'
			})
		);
		expect(message).toEqual({
			MessageType: 'Play',
			MessageId: 'p1',
			Data: {
				ItemIds: [
					'8fa2e080856823d65e120b0444f8fe15',
					'1942',
					'b0b0b0b0-c1c1-d2d2-e3e3-f4f4a5a5b6b6'
				],
				PlayCommand: 'PlayNow',
				StartPositionTicks: 15694430000,
				StartIndex: 1,
				MediaSourceId: 'ms',
				AudioStreamIndex: 1,
				SubtitleStreamIndex: -1,
				ControllingUserId: 'u'
			}
		});
	});

	test('null fields read as absent', () => {
		const message = expectMessage(
			play({
				ItemIds: ['a'],
				PlayCommand: 'PlayNow',
				StartIndex: null,
				StartPositionTicks: null,
				MediaSourceId: null,
				AudioStreamIndex: null,
				SubtitleStreamIndex: null,
				ControllingUserId: null
			})
		);
		expect(message).toEqual({
			MessageType: 'Play',
			MessageId: 'p1',
			Data: { ItemIds: ['a'], PlayCommand: 'PlayNow' }
		});
	});

	test('numeric strings are read as numbers', () => {
		const message = expectMessage(
			play({
				ItemIds: ['a'],
				PlayCommand: 'PlayNow',
				StartPositionTicks: '36000000000',
				StartIndex: '0'
			})
		);
		expect(message).toMatchObject({ Data: { StartPositionTicks: 36000000000, StartIndex: 0 } });
	});

	test('integer ids become strings', () => {
		const message = expectMessage(play({ ItemIds: [1942, '1943'], PlayCommand: 'PlayLast' }));
		expect(message).toMatchObject({ Data: { ItemIds: ['1942', '1943'] } });
	});

	test('PlayCommand matches in any case', () => {
		const message = expectMessage(play({ ItemIds: ['a'], PlayCommand: 'playnext' }));
		expect(message).toMatchObject({ Data: { PlayCommand: 'PlayNext' } });
	});

	const invalid: [name: string, data: unknown, reason: string][] = [
		[
			'ItemIds a string',
			{ ItemIds: 'a,b', PlayCommand: 'PlayNow' },
			'Play: ItemIds must be an array'
		],
		['ItemIds empty', { ItemIds: [], PlayCommand: 'PlayNow' }, 'Play: ItemIds must not be empty'],
		['ItemIds missing', { PlayCommand: 'PlayNow' }, 'Play: ItemIds is missing'],
		['ItemIds null', { ItemIds: null, PlayCommand: 'PlayNow' }, 'Play: ItemIds is missing'],
		[
			'empty id',
			{ ItemIds: ['a', ''], PlayCommand: 'PlayNow' },
			'Play: ItemIds[1] must not be empty'
		],
		[
			'object id',
			{ ItemIds: [{}], PlayCommand: 'PlayNow' },
			'Play: ItemIds[0] must be a non-empty string'
		],
		[
			'unknown PlayCommand',
			{ ItemIds: ['a'], PlayCommand: 'PlaySoon' },
			'Play: PlayCommand has unknown value "PlaySoon"'
		],
		['PlayCommand missing', { ItemIds: ['a'] }, 'Play: PlayCommand is missing'],
		[
			'StartIndex text',
			{ ItemIds: ['a'], PlayCommand: 'PlayNow', StartIndex: 'first' },
			'Play: StartIndex must be an integer'
		],
		[
			'StartIndex fraction',
			{ ItemIds: ['a'], PlayCommand: 'PlayNow', StartIndex: 1.5 },
			'Play: StartIndex must be an integer'
		],
		['Data a string', 'PlayNow', 'Play: Data must be an object'],
		['Data missing', undefined, 'Play: Data is missing']
	];

	test.each(invalid)('%s is invalid', (_name, data, reason) => {
		expect(play(data)).toEqual({ kind: 'invalid', reason, messageType: 'Play', messageId: 'p1' });
	});

	test('long unknown PlayCommand is shortened in the reason', () => {
		const reason = expectInvalid(play({ ItemIds: ['a'], PlayCommand: 'x'.repeat(10_000) }));
		expect(reason.length).toBeLessThan(100);
	});
});

describe('parseFrame Playstate', () => {
	function playstate(data: unknown): ParsedFrame {
		return parseFrame(frame({ MessageType: 'Playstate', Data: data }));
	}

	test('every Jellyfin and Emby command is accepted', () => {
		const commands = [
			'Stop',
			'Pause',
			'Unpause',
			'NextTrack',
			'PreviousTrack',
			'Rewind',
			'FastForward',
			'PlayPause'
		];
		for (const command of commands) {
			expect(expectMessage(playstate({ Command: command }))).toEqual({
				MessageType: 'Playstate',
				Data: { Command: command }
			});
		}
		expect(playstate({ Command: 'SeekRelative', SeekPositionTicks: -100000000 })).toMatchObject({
			kind: 'message',
			message: { Data: { Command: 'SeekRelative', SeekPositionTicks: -100000000 } }
		});
	});

	test('Command matches in any case', () => {
		expect(expectMessage(playstate({ Command: 'playPAUSE' }))).toMatchObject({
			Data: { Command: 'PlayPause' }
		});
	});

	test('Seek reads ticks from a number or string', () => {
		expect(expectMessage(playstate({ Command: 'Seek', SeekPositionTicks: '6000000000' }))).toEqual({
			MessageType: 'Playstate',
			Data: { Command: 'Seek', SeekPositionTicks: 6000000000 }
		});
	});

	test('Seek without ticks is invalid', () => {
		const reason = 'Playstate: SeekPositionTicks is required for Seek and SeekRelative';
		expect(expectInvalid(playstate({ Command: 'Seek' }))).toBe(reason);
		expect(expectInvalid(playstate({ Command: 'Seek', SeekPositionTicks: null }))).toBe(reason);
		expect(expectInvalid(playstate({ Command: 'SeekRelative' }))).toBe(reason);
	});

	test('unknown Command is invalid', () => {
		expect(expectInvalid(playstate({ Command: 'Jump' }))).toBe(
			'Playstate: Command has unknown value "Jump"'
		);
	});
});

describe('parseFrame GeneralCommand', () => {
	function command(data: unknown): ParsedFrame {
		return parseFrame(frame({ MessageType: 'GeneralCommand', Data: data }));
	}

	test('coerces numbers and booleans to strings and drops nulls', () => {
		const message = expectMessage(
			command({ Name: 'SetVolume', Arguments: { Volume: 50, Flag: true, Gone: null, Text: 'x' } })
		);
		expect(message).toEqual({
			MessageType: 'GeneralCommand',
			Data: { Name: 'SetVolume', Arguments: { Volume: '50', Flag: 'true', Text: 'x' } }
		});
	});

	test('missing or null Arguments read as empty', () => {
		expect(expectMessage(command({ Name: 'Mute' }))).toMatchObject({ Data: { Arguments: {} } });
		expect(expectMessage(command({ Name: 'Mute', Arguments: null }))).toMatchObject({
			Data: { Arguments: {} }
		});
	});

	test('Name is returned in Jellyfin spelling', () => {
		expect(expectMessage(command({ Name: 'displaymessage', Arguments: {} }))).toMatchObject({
			Data: { Name: 'DisplayMessage' }
		});
	});

	test('Emby-only names are kept', () => {
		expect(
			expectMessage(command({ Name: 'SetPlaybackRate', Arguments: { PlaybackRate: 1.5 } }))
		).toMatchObject({
			Data: { Name: 'SetPlaybackRate', Arguments: { PlaybackRate: '1.5' } }
		});
	});

	test('malformed commands are invalid', () => {
		expect(expectInvalid(command({ Arguments: {} }))).toBe('GeneralCommand: Name is missing');
		expect(expectInvalid(command({ Name: '' }))).toBe('GeneralCommand: Name must not be empty');
		expect(expectInvalid(command({ Name: 'SetVolume', Arguments: ['50'] }))).toBe(
			'GeneralCommand: Arguments must be an object'
		);
		expect(expectInvalid(command({ Name: 'SetVolume', Arguments: { Volume: { v: 5 } } }))).toBe(
			'GeneralCommand: Arguments.Volume must be a string'
		);
	});
});

describe('parseFrame other handled types', () => {
	test('UserDataChanged reads the list', () => {
		const message = expectMessage(
			parseFrame(
				frame({
					MessageType: 'UserDataChanged',
					Data: {
						UserId: 'u',
						UserDataList: [{ ItemId: 'i', Played: true, PlaybackPositionTicks: null }]
					}
				})
			)
		);
		expect(message).toEqual({
			MessageType: 'UserDataChanged',
			Data: { UserId: 'u', UserDataList: [{ ItemId: 'i', Played: true }] }
		});
	});

	test('LibraryChanged fills missing lists', () => {
		const message = expectMessage(
			parseFrame(
				frame({ MessageType: 'LibraryChanged', Data: { ItemsAdded: ['a'], ItemsRemoved: null } })
			)
		);
		expect(message).toEqual({
			MessageType: 'LibraryChanged',
			Data: {
				FoldersAddedTo: [],
				FoldersRemovedFrom: [],
				ItemsAdded: ['a'],
				ItemsRemoved: [],
				ItemsUpdated: [],
				CollectionFolders: []
			}
		});
	});

	test('UserDeleted carries the user id', () => {
		expect(expectMessage(parseFrame(frame({ MessageType: 'UserDeleted', Data: 'abc' })))).toEqual({
			MessageType: 'UserDeleted',
			Data: 'abc'
		});
		expect(expectInvalid(parseFrame(frame({ MessageType: 'UserDeleted', Data: {} })))).toBe(
			'UserDeleted: Data must be a non-empty string'
		);
	});

	test('UserUpdated keeps id, name and image tag', () => {
		const message = expectMessage(
			parseFrame(
				frame({ MessageType: 'UserUpdated', Data: { Id: 'u', Name: 'alice', Policy: {} } })
			)
		);
		expect(message).toEqual({ MessageType: 'UserUpdated', Data: { Id: 'u', Name: 'alice' } });
	});

	test('restart and notification types pass Data through', () => {
		const systemInfo = { Version: '3.0.5', HasPendingRestart: true };
		expect(
			expectMessage(parseFrame(frame({ MessageType: 'RestartRequired', Data: systemInfo })))
		).toEqual({
			MessageType: 'RestartRequired',
			Data: systemInfo
		});
		expect(expectMessage(parseFrame(frame({ MessageType: 'NotificationAdded' })))).toEqual({
			MessageType: 'NotificationAdded'
		});
		expect(
			expectMessage(parseFrame(frame({ MessageType: 'ServerShuttingDown', Data: null })))
		).toEqual({
			MessageType: 'ServerShuttingDown'
		});
	});
});
