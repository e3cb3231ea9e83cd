import { afterEach, describe, expect, it } from 'vitest';

import { parseFrame, type InboundMessage } from '$lib/protocol/messages';
import { commandLog } from '$lib/stores/command-log.svelte';
import { player } from '$lib/stores/player.svelte';
import { createPlayerHarness } from '$lib/testing/player-harness';

/** Emby item ids are short decimal strings, not GUIDs. */
const IDS = ['1942', '1943', '1944', '1945'];

function frame(messageType: string, data: unknown): InboundMessage {
	const parsed = parseFrame(JSON.stringify({ MessageType: messageType, Data: data }));
	if (parsed.kind !== 'message') throw new Error(`test frame did not parse: ${messageType}`);
	return parsed.message;
}

function command(name: string, args: Record<string, string>): InboundMessage {
	return frame('GeneralCommand', { Name: name, Arguments: args });
}

function playlistItemIds(): string[] {
	return player.queue.entries.map((entry) => entry.playlistItemId);
}

function progressEventNames(harness: ReturnType<typeof createPlayerHarness>): unknown[] {
	return harness.reports
		.filter((report) => report.kind === 'progress')
		.map((report) => report.body.EventName);
}

async function playing(): Promise<ReturnType<typeof createPlayerHarness>> {
	const harness = createPlayerHarness(IDS);
	harness.remote.handle(frame('Play', { ItemIds: IDS, PlayCommand: 'PlayNow' }));
	await harness.settle();
	return harness;
}

describe('Emby-only commands', () => {
	let harness: ReturnType<typeof createPlayerHarness>;

	afterEach(() => harness?.engine.stop());

	it('plays decimal item ids', async () => {
		harness = await playing();
		expect(player.current?.itemId).toBe('1942');
		expect(harness.reports.find((report) => report.kind === 'start')?.body.ItemId).toBe('1942');
	});

	it('SeekRelative moves by a signed offset', async () => {
		harness = await playing();
		harness.remote.handle(frame('Playstate', { Command: 'Seek', SeekPositionTicks: 600_000_000 }));
		await harness.settle();
		harness.remote.handle(
			frame('Playstate', { Command: 'SeekRelative', SeekPositionTicks: -150_000_000 })
		);
		await harness.settle();
		expect(harness.engine.positionSeconds()).toBeCloseTo(45);
	});

	it('SetCurrentPlaylistItem plays that entry', async () => {
		harness = await playing();
		const third = playlistItemIds()[2]!;
		harness.remote.handle(command('SetCurrentPlaylistItem', { PlaylistItemId: third }));
		await harness.settle();
		expect(player.current?.itemId).toBe('1944');
		const stopped = harness.reports.filter((report) => report.kind === 'stopped');
		expect(stopped.map((report) => report.body.ItemId)).toEqual(['1942']);
	});

	it('RemoveFromPlaylist keeps the playing entry', async () => {
		harness = await playing();
		const [first, second, third] = playlistItemIds();
		harness.remote.handle(command('RemoveFromPlaylist', { PlaylistItemIds: `${second},${third}` }));
		await harness.settle();
		expect(playlistItemIds()).toEqual([first, playlistItemIds()[1]]);
		expect(player.queue.entries.map((entry) => entry.itemId)).toEqual(['1942', '1945']);
		expect(player.current?.itemId).toBe('1942');
		expect(progressEventNames(harness)).toContain('playlistitemremove');
	});

	it('RemoveFromPlaylist of the playing entry plays the next', async () => {
		harness = await playing();
		harness.remote.handle(
			command('RemoveFromPlaylist', { PlaylistItemIds: playlistItemIds()[0]! })
		);
		await harness.settle();
		expect(player.current?.itemId).toBe('1943');
		expect(player.queue.entries).toHaveLength(3);
	});

	it('RemoveFromPlaylist of every entry stops', async () => {
		harness = await playing();
		harness.remote.handle(
			command('RemoveFromPlaylist', { PlaylistItemIds: playlistItemIds().join(',') })
		);
		await harness.settle();
		expect(player.queue.entries).toHaveLength(0);
		expect(player.loaded).toBeNull();
		expect(harness.reports.at(-1)?.kind).toBe('stopped');
	});

	it('MovePlaylistItem reorders without interrupting', async () => {
		harness = await playing();
		const [first, second, third, fourth] = playlistItemIds();
		harness.remote.handle(command('MovePlaylistItem', { PlaylistItemId: first!, NewIndex: '2' }));
		await harness.settle();
		expect(playlistItemIds()).toEqual([second, third, first, fourth]);
		expect(player.current?.playlistItemId).toBe(first);
		expect(player.queue.currentIndex).toBe(2);
		expect(progressEventNames(harness)).toContain('playlistitemmove');
		expect(harness.reports.filter((report) => report.kind === 'stopped')).toHaveLength(0);
	});

	it('SetSubtitleOffset and IncrementSubtitleOffset add up', async () => {
		harness = await playing();
		harness.remote.handle(command('SetSubtitleOffset', { SubtitleOffset: '1.5' }));
		harness.remote.handle(command('IncrementSubtitleOffset', { Increment: '-0.5' }));
		await harness.settle();
		expect(player.subtitleOffsetSeconds).toBeCloseTo(1);
		expect(progressEventNames(harness)).toContain('subtitleoffsetchange');
	});

	it('rejects invalid arguments with a reason', async () => {
		harness = await playing();
		commandLog.clear();
		harness.remote.handle(command('SetSubtitleOffset', { SubtitleOffset: 'soon' }));
		harness.remote.handle(command('MovePlaylistItem', { PlaylistItemId: 'nope', NewIndex: '1' }));
		harness.remote.handle(command('SetCurrentPlaylistItem', {}));
		await harness.settle();
		const outcomes = commandLog.entries.map((entry) => entry.detail ?? entry.outcome);
		expect(outcomes.join('\n')).toContain('invalid SubtitleOffset "soon"');
		expect(outcomes.join('\n')).toContain('"nope" is not in the queue');
		expect(outcomes.join('\n')).toContain('invalid PlaylistItemId ""');
		expect(player.current?.itemId).toBe('1942');
	});

	it('treats built-in object names as unknown commands', async () => {
		harness = await playing();
		commandLog.clear();
		for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
			harness.remote.handle(command(name, {}));
		}
		await harness.settle();
		const details = commandLog.entries.map((entry) => [entry.outcome, entry.detail]);
		expect(details).toEqual([
			['ignored', 'hasOwnProperty is not supported'],
			['ignored', 'toString is not supported'],
			['ignored', 'constructor is not supported'],
			['ignored', '__proto__ is not supported']
		]);
		expect(player.current?.itemId).toBe('1942');
	});
});
