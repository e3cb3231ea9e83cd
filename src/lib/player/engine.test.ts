import { afterEach, describe, expect, it, vi } from 'vitest';

import { parseFrame, type InboundMessage } from '$lib/protocol/messages';
import { commandLog } from '$lib/stores/command-log.svelte';
import { player } from '$lib/stores/player.svelte';
import { createPlayerHarness } from '$lib/testing/player-harness';
import { MAX_QUEUE_ENTRIES } from './queue-commands';

const IDS = ['a0000000000000000000000000000001', 'a0000000000000000000000000000002'];

function frame(text: object): InboundMessage {
	const parsed = parseFrame(JSON.stringify(text));
	if (parsed.kind !== 'message')
		throw new Error(`test frame did not parse: ${JSON.stringify(parsed)}`);
	return parsed.message;
}

const play = (ids: string[], extra: object = {}) =>
	frame({ MessageType: 'Play', Data: { ItemIds: ids, PlayCommand: 'PlayNow', ...extra } });
const playstate = (command: string, extra: object = {}) =>
	frame({ MessageType: 'Playstate', Data: { Command: command, ...extra } });

describe('PlaybackEngine with remote commands', () => {
	let harness: ReturnType<typeof createPlayerHarness>;

	afterEach(() => harness?.engine.stop());

	it('starts a PlayNow and reports start with the start position', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play(IDS, { StartIndex: 1, StartPositionTicks: 50_000_000 }));
		await harness.settle();
		expect(harness.media.paused).toBe(false);
		expect(harness.media.currentTime).toBe(5);
		const start = harness.reports.find((report) => report.kind === 'start');
		expect(start?.body.ItemId).toBe(IDS[1]);
		expect(start?.body.PositionTicks).toBe(50_000_000);
	});

	it('reports Stopped before the next Playing', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play(IDS));
		await harness.settle();
		harness.remote.handle(playstate('NextTrack'));
		await harness.settle();
		const order = harness.reports
			.filter((report) => report.kind !== 'progress')
			.map((report) => `${report.kind}:${report.body.ItemId}`);
		expect(order).toEqual([`start:${IDS[0]}`, `stopped:${IDS[0]}`, `start:${IDS[1]}`]);
	});

	it('reports a refused play as paused and never as playing', async () => {
		harness = createPlayerHarness(IDS);
		harness.media.autoplayAllowed = false;
		harness.remote.handle(play([IDS[0]]));
		await harness.settle();
		expect(player.status).toBe('blocked');
		expect(harness.reports.map((report) => report.kind)).not.toContain('start');
		expect(harness.reports.every((report) => report.body.IsPaused === true)).toBe(true);
	});

	it('moves on when an item ends', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play(IDS));
		await harness.settle();
		harness.media.finish();
		await harness.settle();
		expect(player.current?.itemId).toBe(IDS[1]);
		expect(harness.media.paused).toBe(false);
	});

	it('clamps a seek just past the end', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play([IDS[0]]));
		await harness.settle();
		const nearEnd = (harness.media.sourceDuration + 5) * 10_000_000;
		harness.remote.handle(playstate('Seek', { SeekPositionTicks: nearEnd }));
		await harness.settle();
		expect(harness.media.currentTime).toBe(harness.media.sourceDuration);
	});

	it('ignores a seek far past the end or negative', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play([IDS[0]]));
		await harness.settle();
		harness.remote.handle(playstate('Seek', { SeekPositionTicks: 300_000_000 }));
		await harness.settle();
		harness.remote.handle(playstate('Seek', { SeekPositionTicks: 1e308 }));
		harness.remote.handle(playstate('SeekRelative', { SeekPositionTicks: 1e17 }));
		harness.remote.handle(playstate('Seek', { SeekPositionTicks: -1e12 }));
		await harness.settle();
		expect(harness.media.currentTime).toBe(30);
		expect(player.current?.itemId).toBe(IDS[0]);
		const ignored = commandLog.entries.filter((entry) => entry.outcome === 'ignored');
		expect(ignored).toHaveLength(3);
		for (const entry of ignored) expect(entry.detail).toMatch(/^invalid SeekPositionTicks/);
	});

	it('caps a Play of 10,000 items at the queue limit', async () => {
		const ids = Array.from({ length: 10_000 }, (_, index) => index.toString(16).padStart(32, '0'));
		harness = createPlayerHarness(ids);
		const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
		harness.remote.handle(play(ids));
		await harness.settle();
		expect(player.queue.entries).toHaveLength(MAX_QUEUE_ENTRIES);
		expect(player.current?.itemId).toBe(ids[0]);
		expect(warnings.mock.calls.map((call) => String(call[0])).join('\n')).toContain('10000 items');
		warnings.mockRestore();
	});

	it('applies a Pause at once', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play(IDS));
		await harness.settle();
		const reportsBefore = harness.reports.length;
		harness.remote.handle(playstate('Pause'));
		expect(harness.media.paused).toBe(true);
		expect(commandLog.entries.some((entry) => entry.summary.includes('Pause'))).toBe(false);
		await harness.settle();
		expect(commandLog.entries[0]).toMatchObject({ messageType: 'Playstate', outcome: 'applied' });
		const paused = harness.reports.slice(reportsBefore);
		expect(paused.map((report) => [report.body.EventName, report.body.IsPaused])).toEqual([
			['pause', true]
		]);
	});

	it('holds a Pause behind a PlayNow', async () => {
		harness = createPlayerHarness(IDS);
		harness.remote.handle(play(IDS));
		harness.remote.handle(playstate('Pause'));
		await harness.settle();
		expect(player.loaded?.item.Id).toBe(IDS[0]);
		expect(harness.media.paused).toBe(true);
		expect(harness.reports.at(-1)?.body.IsPaused).toBe(true);
	});

	it('requests PlaybackInfo before the items arrive', async () => {
		harness = createPlayerHarness(IDS);
		const getItems = harness.api.getItems.bind(harness.api);
		let releaseItems = () => {};
		const itemsHeld = new Promise<void>((resolve) => (releaseItems = resolve));
		harness.api.getItems = async (userId, ids) => {
			await itemsHeld;
			return getItems(userId, ids);
		};
		harness.remote.handle(play(IDS, { StartIndex: 1 }));
		await vi.waitFor(() => expect(harness.playbackInfoRequests).toHaveLength(1));
		releaseItems();
		await harness.settle();
		expect(player.loaded?.item.Id).toBe(IDS[1]);
		expect(harness.playbackInfoRequests).toHaveLength(1);
	});
});
