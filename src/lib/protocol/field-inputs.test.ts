/**
 * Replays of inputs from real failures reported against other Jellyfin clients, checked at the level
 * of the pure modules: frame parsing, queue changes, tick conversion and command arguments.
 */
import { describe, expect, test } from 'vitest';
import {
	appendToQueue,
	currentEntry,
	EMPTY_QUEUE,
	insertNext,
	replaceQueue,
	type QueueState
} from '../queue';
import { buildProgressBody, type PlaybackSnapshot } from './checkin';
import { PlaybackProgressInfoSchema } from './checkin-schemas';
import {
	GENERAL_COMMAND_TYPES,
	readIntegerArgument,
	readStringArgument,
	SUPPORTED_COMMANDS
} from './commands';
import { parseFrame, type InboundMessage, type PlayRequest } from './messages';
import { SessionInfoSchema } from './schemas';
import { ticksToSeconds } from './ticks';
import { readFieldInput, serverFrames, type FieldInput } from './testing/reference';

const queueOrderAfterPlayNow = readFieldInput('B19');
const queueOrderAfterSecondOfThree = readFieldInput('B21');
const resumeAtOneHour = readFieldInput('B23');
const displayMessageDelivery = readFieldInput('B11');
const exactCommandNames = readFieldInput('B12');

function parseServerMessages(input: FieldInput): InboundMessage[] {
	return serverFrames(input).map((text) => {
		const parsed = parseFrame(text);
		if (parsed.kind !== 'message')
			throw new Error(`frame did not parse: ${JSON.stringify(parsed)}`);
		return parsed.message;
	});
}

function playRequests(input: FieldInput): PlayRequest[] {
	return parseServerMessages(input).flatMap((message) =>
		message.MessageType === 'Play' ? [message.Data] : []
	);
}

/** Applies a Play request as Cue does: PlayNext inserts after current, PlayLast appends, others replace. */
function applyPlay(state: QueueState, request: PlayRequest): QueueState {
	if (request.PlayCommand === 'PlayNext') return insertNext(state, request.ItemIds);
	if (request.PlayCommand === 'PlayLast') return appendToQueue(state, request.ItemIds);
	return replaceQueue(state, request.ItemIds, request.StartIndex);
}

function itemIds(state: QueueState): string[] {
	return state.entries.map((entry) => entry.itemId);
}

const id = (suffix: string) => suffix.padStart(32, '0');

describe('remote queue commands', () => {
	test('PlayNext goes after the current item, PlayLast at the end', () => {
		const [playNow, playNext, playLast] = playRequests(queueOrderAfterSecondOfThree);

		let state = applyPlay(EMPTY_QUEUE, playNow);
		expect(currentEntry(state)?.itemId).toBe(id('12'));
		state = applyPlay(state, playNext);
		state = applyPlay(state, playLast);

		expect(itemIds(state)).toEqual([id('11'), id('12'), id('aa'), id('13'), id('bb')]);
		expect(currentEntry(state)?.itemId).toBe(id('12'));
	});

	test('PlayNext and PlayLast keep the playing entry, PlayNow replaces all', () => {
		const [playNow, playNext, playLast, playNowEight] = playRequests(queueOrderAfterPlayNow);

		let state = applyPlay(EMPTY_QUEUE, playNow);
		const playing = currentEntry(state);
		state = applyPlay(state, playNext);
		expect(itemIds(state)).toEqual([id('a'), id('c'), id('b')]);
		expect(currentEntry(state)).toEqual(playing);

		state = applyPlay(state, playLast);
		expect(itemIds(state)).toEqual([id('a'), id('c'), id('b'), id('d')]);
		expect(currentEntry(state)).toEqual(playing);

		state = applyPlay(state, playNowEight);
		expect(itemIds(state)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'].map(id));
		expect(state.currentIndex).toBe(0);
		expect(currentEntry(state)).not.toEqual(playing);
	});
});

describe('start position in ticks', () => {
	test('StartPositionTicks 36000000000 is 3600 s', () => {
		const [playNow] = playRequests(resumeAtOneHour);
		expect(playNow.StartPositionTicks).toBe(36_000_000_000);
		expect(ticksToSeconds(playNow.StartPositionTicks ?? 0)).toBe(3600);
	});

	test('Playing check-in at 3600 s reports 36000000000 ticks', () => {
		const snapshot: PlaybackSnapshot = {
			itemId: id('a'),
			mediaSourceId: id('a'),
			playSessionId: 'ps-0001',
			playlistItemId: 'playlistItem0',
			positionSeconds: 3600,
			isPaused: false,
			isMuted: false,
			volume: 1,
			canSeek: true,
			playMethod: 'DirectPlay',
			repeatMode: 'RepeatNone',
			playbackRate: 1,
			queue: [{ Id: id('a'), PlaylistItemId: 'playlistItem0' }]
		};
		const body = buildProgressBody(snapshot);
		const expected = resumeAtOneHour.steps.find((step) => step.dir === 'http')?.payload.body;

		expect(body.PositionTicks).toBe(36_000_000_000);
		expect(body).toMatchObject(expected as Record<string, unknown>);
		expect(PlaybackProgressInfoSchema.safeParse(body).success).toBe(true);
	});
});

describe('capabilities and general commands', () => {
	const jellyfinNames: readonly string[] = GENERAL_COMMAND_TYPES;

	test('DisplayMessage frame parses with readable arguments', () => {
		const messages = parseServerMessages(displayMessageDelivery);
		expect(messages[0]).toEqual({
			MessageType: 'ForceKeepAlive',
			MessageId: '22222222222222222222222222222222',
			Data: 60
		});

		const command = messages[1];
		if (command.MessageType !== 'GeneralCommand') throw new Error('expected a GeneralCommand');
		expect(command.Data.Name).toBe('DisplayMessage');
		expect(readStringArgument(command.Data.Arguments, 'Header')).toBe('Hdr');
		expect(readStringArgument(command.Data.Arguments, 'Text')).toBe('Hello');
		expect(readIntegerArgument(command.Data.Arguments, 'TimeoutMs', 0, 600_000)).toBe(5000);
	});

	test('SetVolume and Pause frames parse', () => {
		const [setVolume, pause] = parseServerMessages(exactCommandNames);
		if (setVolume.MessageType !== 'GeneralCommand') throw new Error('expected a GeneralCommand');
		expect(setVolume.Data.Name).toBe('SetVolume');
		expect(readIntegerArgument(setVolume.Data.Arguments, 'Volume', 0, 100)).toBe(30);
		expect(readIntegerArgument({ Volume: '30' }, 'Volume', 0, 100)).toBe(30);
		expect(pause).toMatchObject({ MessageType: 'Playstate', Data: { Command: 'Pause' } });
	});

	test('SupportedCommands are exact Jellyfin names', () => {
		for (const name of SUPPORTED_COMMANDS) expect(jellyfinNames).toContain(name);
		expect(SUPPORTED_COMMANDS).toContain('DisplayMessage');
		expect(SUPPORTED_COMMANDS).toContain('SetVolume');
		expect(SUPPORTED_COMMANDS).not.toContain('VolumeSet');
	});

	test('reported capability lists use Jellyfin names', () => {
		for (const input of [displayMessageDelivery, exactCommandNames]) {
			const capabilities = input.steps.find(
				(step) => step.dir === 'http' && step.payload.path === '/Sessions/Capabilities/Full'
			);
			const body = capabilities?.payload.body as { SupportedCommands: string[] };
			for (const name of body.SupportedCommands) expect(jellyfinNames).toContain(name);
		}
	});

	test('controller session listing parses', () => {
		const listing = displayMessageDelivery.steps.find(
			(step) => step.dir === 'http' && String(step.payload.path).startsWith('/Sessions?')
		);
		const [session] = listing?.payload.response as unknown[];
		expect(SessionInfoSchema.parse(session)).toMatchObject({
			Id: '44444444444444444444444444444444',
			SupportsRemoteControl: true
		});
	});
});
