import { afterEach, describe, expect, it } from 'vitest';

import { parseFrame, type InboundMessage } from '$lib/protocol/messages';
import { player } from '$lib/stores/player.svelte';
import { createPlayerHarness } from '$lib/testing/player-harness';
import { playShuffled } from './queue-commands';

const IDS = [
	'c0000000000000000000000000000001',
	'c0000000000000000000000000000002',
	'c0000000000000000000000000000003'
];

function play(command: string, ids: string[]): InboundMessage {
	const text = JSON.stringify({
		MessageType: 'Play',
		Data: { ItemIds: ids, PlayCommand: command }
	});
	const parsed = parseFrame(text);
	if (parsed.kind !== 'message') throw new Error(`test frame did not parse: ${text}`);
	return parsed.message;
}

describe('Play commands the server may leave unconverted', () => {
	let harness: ReturnType<typeof createPlayerHarness>;

	afterEach(() => harness?.engine.stop());

	it('PlayInstantMix plays the mix', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play('PlayInstantMix', [IDS[2]!]));
		await harness.settle();
		expect(player.queue.entries.map((entry) => entry.itemId)).toEqual([IDS[2], IDS[0], IDS[1]]);
		expect(player.current?.itemId).toBe(IDS[2]);
		expect(harness.reports.find((report) => report.kind === 'start')?.body.ItemId).toBe(IDS[2]);
	});

	it('PlayShuffle plays every item once', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play('PlayShuffle', IDS));
		await harness.settle();
		const queued = player.queue.entries.map((entry) => entry.itemId);
		expect([...queued].sort()).toEqual([...IDS].sort());
		expect(player.current?.itemId).toBe(queued[0]);
	});

	it('playShuffled follows the random source', async () => {
		harness = createPlayerHarness(IDS);
		const context = { api: () => harness.api, userId: () => 'user-1' };
		const request = { ItemIds: IDS, PlayCommand: 'PlayShuffle' as const, StartIndex: 2 };
		await playShuffled(harness.engine, context, request, () => 0);
		// With a source that always returns 0, each id swaps with the first in turn.
		expect(player.queue.entries.map((entry) => entry.itemId)).toEqual([IDS[1], IDS[2], IDS[0]]);
		expect(player.queue.currentIndex).toBe(0);
	});
});
