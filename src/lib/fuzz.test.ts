import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { handleServerEvent } from '$lib/app/server-events';
import { parseFrame, type InboundMessage } from '$lib/protocol/messages';
import { player } from '$lib/stores/player.svelte';
import { anyFrame, corpusEnvelopes, mutatedCorpusFrame } from '$lib/testing/frame-arbitraries';
import { createPlayerHarness } from '$lib/testing/player-harness';

/** Cases per property; the benchmark raises it with CUE_FUZZ_RUNS. */
const RUNS = Number(process.env.CUE_FUZZ_RUNS ?? 2000);
const ITEM_IDS = ['f0000000000000000000000000000001', 'f0000000000000000000000000000002'];
const examples = corpusEnvelopes();

/** Routes a frame the way the app does: parse, then server events, then remote commands. */
function deliver(harness: ReturnType<typeof createPlayerHarness>, text: string): void {
	const frame = parseFrame(text);
	if (frame.kind !== 'message') return;
	const message: InboundMessage = frame.message;
	if (message.MessageType === 'ForceKeepAlive' || message.MessageType === 'KeepAlive') return;
	const handled = handleServerEvent(message, {
		serverName: () => 'Fuzz Server',
		fetchItems: async (ids) => harness.api.getItems('user-1', ids),
		expectRestart: () => {},
		signOutLocally: () => {}
	});
	if (!handled) harness.remote.handle(message);
}

function expectValidState(harness: ReturnType<typeof createPlayerHarness>): void {
	const { entries, currentIndex } = player.queue;
	expect(currentIndex === -1).toBe(entries.length === 0);
	expect(currentIndex).toBeLessThan(Math.max(entries.length, 1));
	expect(Number.isFinite(player.positionSeconds)).toBe(true);
	expect(player.positionSeconds).toBeGreaterThanOrEqual(0);
	expect(Number.isFinite(harness.media.currentTime)).toBe(true);
	expect(harness.media.volume).toBeGreaterThanOrEqual(0);
	expect(harness.media.volume).toBeLessThanOrEqual(1);
}

describe('hostile frames', () => {
	let harness: ReturnType<typeof createPlayerHarness> | undefined;

	afterEach(() => harness?.engine.stop());

	it('has corpus examples to mutate', () => {
		expect(examples.length).toBeGreaterThan(10);
	});

	it('parseFrame never throws', () => {
		fc.assert(
			fc.property(anyFrame(examples), (text) => {
				const result = parseFrame(text);
				expect(['message', 'unknown', 'invalid']).toContain(result.kind);
			}),
			{ numRuns: RUNS * 5 }
		);
	});

	it('survives mutations of every corpus example', () => {
		for (const example of examples) {
			fc.assert(
				fc.property(mutatedCorpusFrame([example]), (text) => {
					expect(['message', 'unknown', 'invalid']).toContain(parseFrame(text).kind);
				}),
				{ numRuns: Math.ceil(RUNS / 20) }
			);
		}
	});

	it('leaves the player valid and obedient', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(anyFrame(examples), { maxLength: 8 }), async (frames) => {
				harness?.engine.stop();
				harness = createPlayerHarness(ITEM_IDS);
				for (const text of frames) deliver(harness, text);
				await harness.settle();
				expectValidState(harness);

				const play = { ItemIds: ITEM_IDS, PlayCommand: 'PlayNow' };
				deliver(harness, JSON.stringify({ MessageType: 'Play', Data: play }));
				deliver(harness, JSON.stringify({ MessageType: 'Playstate', Data: { Command: 'Pause' } }));
				await harness.settle();
				expect(player.queue.entries.map((entry) => entry.itemId)).toEqual(ITEM_IDS);
				expect(player.current?.itemId).toBe(ITEM_IDS[0]);
				expect(harness.media.paused).toBe(true);
				expectValidState(harness);
			}),
			{ numRuns: Math.ceil(RUNS / 4) }
		);
	}, 120_000);
});
