import { describe, expect, it } from 'vitest';

import type { PlaybackSnapshot } from '$lib/protocol/checkin';
import { CheckInReporter, type CheckInTransport } from './reporter';

function snapshot(overrides: Partial<PlaybackSnapshot> = {}): PlaybackSnapshot {
	return {
		itemId: 'a',
		mediaSourceId: 'a',
		playSessionId: 'session-a',
		playlistItemId: 'playlistItem0',
		positionSeconds: 1,
		isPaused: false,
		isMuted: false,
		volume: 1,
		canSeek: true,
		playMethod: 'DirectPlay',
		repeatMode: 'RepeatNone',
		playbackRate: 1,
		queue: [{ Id: 'a', PlaylistItemId: 'playlistItem0' }],
		...overrides
	};
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Builds a transport that records each request and leaves it pending until the test resolves it. */
function controlledTransport() {
	const sent: string[] = [];
	const pending: (() => void)[] = [];
	const record = (kind: string) => (body: Record<string, unknown>) =>
		new Promise<void>((resolve) => {
			sent.push(`${kind}:${body.ItemId}:${body.PositionTicks}`);
			pending.push(resolve);
		});
	const transport: CheckInTransport = {
		start: record('start'),
		progress: record('progress'),
		stopped: record('stopped')
	};
	return { transport, sent, pending };
}

describe('CheckInReporter', () => {
	it('sends at once when idle', () => {
		const { transport, sent } = controlledTransport();
		const reporter = new CheckInReporter(() => transport);
		reporter.progress(snapshot(), 'pause');
		expect(sent).toEqual(['progress:a:10000000']);
		reporter.progress(snapshot({ positionSeconds: 2 }), 'unpause');
		expect(sent).toEqual(['progress:a:10000000']);
		expect(reporter.made).toBe(2);
	});

	it('sends reports one at a time in the order they were made', async () => {
		const { transport, sent, pending } = controlledTransport();
		const reporter = new CheckInReporter(() => transport);
		reporter.stopped(snapshot({ itemId: 'a' }), false);
		reporter.start(snapshot({ itemId: 'b', playSessionId: 'session-b' }));
		await tick();
		expect(sent).toEqual(['stopped:a:10000000']);
		pending.shift()!();
		await tick();
		expect(sent).toEqual(['stopped:a:10000000', 'start:b:10000000']);
	});

	it('merges waiting progress reports into the newest state', async () => {
		const { transport, sent, pending } = controlledTransport();
		const reporter = new CheckInReporter(() => transport);
		reporter.start(snapshot());
		reporter.progress(snapshot({ positionSeconds: 2 }), 'timeupdate');
		reporter.progress(snapshot({ positionSeconds: 3 }), 'pause');
		reporter.progress(snapshot({ positionSeconds: 4 }), 'timeupdate');
		await tick();
		pending.shift()!();
		await tick();
		expect(sent).toEqual(['start:a:10000000', 'progress:a:40000000']);
	});

	it('bounds an alternating event flood', async () => {
		const { transport, sent, pending } = controlledTransport();
		const reporter = new CheckInReporter(() => transport);
		reporter.start(snapshot());
		for (let index = 0; index < 1000; index++) {
			reporter.progress(snapshot({ positionSeconds: index }), index % 2 ? 'unpause' : 'pause');
		}
		while (pending.length > 0) {
			pending.shift()!();
			await tick();
		}
		expect(sent.length).toBeLessThanOrEqual(6);
		expect(sent.at(-1)).toBe('progress:a:9990000000');
	});

	it('keeps distinct events as separate reports', async () => {
		const { transport, sent, pending } = controlledTransport();
		const reporter = new CheckInReporter(() => transport);
		reporter.start(snapshot());
		reporter.progress(snapshot({ positionSeconds: 2 }), 'pause');
		reporter.progress(snapshot({ positionSeconds: 3 }), 'volumechange');
		await tick();
		pending.shift()!();
		await tick();
		pending.shift()!();
		await tick();
		expect(sent).toEqual(['start:a:10000000', 'progress:a:20000000', 'progress:a:30000000']);
	});

	it('keeps going after a failed report', async () => {
		const sent: string[] = [];
		const transport: CheckInTransport = {
			start: () => Promise.reject(new Error('network down')),
			progress: async (body) => void sent.push(`progress:${body.PositionTicks}`),
			stopped: async () => void sent.push('stopped')
		};
		const reporter = new CheckInReporter(() => transport);
		reporter.start(snapshot());
		reporter.progress(snapshot({ positionSeconds: 5 }), 'pause');
		reporter.stopped(snapshot(), false);
		await reporter.flush();
		expect(sent).toEqual(['progress:50000000', 'stopped']);
	});

	it('drops reports while signed out', async () => {
		const reporter = new CheckInReporter(() => null);
		reporter.start(snapshot());
		await expect(reporter.flush()).resolves.toBeUndefined();
	});

	it('resends a failed Stopped report once asked', async () => {
		let online = false;
		const stops: unknown[] = [];
		const transport: CheckInTransport = {
			start: async () => {},
			progress: async () => {},
			stopped: async (body) => {
				if (!online) throw new Error('server unreachable');
				stops.push(body.ItemId);
			}
		};
		const reporter = new CheckInReporter(() => transport);
		reporter.stopped(snapshot({ itemId: 'ended-offline' }), false);
		await reporter.flush();
		expect(stops).toEqual([]);
		online = true;
		reporter.resendUndelivered();
		await reporter.flush();
		expect(stops).toEqual(['ended-offline']);
		reporter.resendUndelivered();
		await reporter.flush();
		expect(stops).toEqual(['ended-offline']);
	});
});
