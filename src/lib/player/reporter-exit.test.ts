import { describe, expect, it } from 'vitest';

import type { PlaybackSnapshot } from '$lib/protocol/checkin';
import { CheckInReporter, type CheckInTransport } from './reporter';

function snapshot(overrides: Partial<PlaybackSnapshot> = {}): PlaybackSnapshot {
	return {
		itemId: 'a',
		mediaSourceId: 'a',
		playSessionId: 'session-a',
		playlistItemId: 'playlistItem0',
		positionSeconds: 12.5,
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

/** Creates a transport whose queued reports never finish, to show that the exit report does not wait. */
function stalledTransport() {
	const queued: string[] = [];
	const onExit: Record<string, unknown>[] = [];
	const stall = (kind: string) => () => {
		queued.push(kind);
		return new Promise<void>(() => {});
	};
	const transport: CheckInTransport = {
		start: stall('start'),
		progress: stall('progress'),
		stopped: stall('stopped'),
		stoppedOnExit: (body) => void onExit.push(body)
	};
	return { transport, queued, onExit };
}

describe('CheckInReporter.stoppedOnExit', () => {
	it('sends Stopped at once, ahead of waiting reports', () => {
		const { transport, onExit } = stalledTransport();
		const reporter = new CheckInReporter(() => transport);
		reporter.start(snapshot());
		reporter.progress(snapshot({ positionSeconds: 2 }), 'pause');
		expect(reporter.stoppedOnExit(snapshot())).toBe(true);
		expect(onExit).toHaveLength(1);
		expect(onExit[0]).toMatchObject({
			ItemId: 'a',
			PlaySessionId: 'session-a',
			PlaylistItemId: 'playlistItem0',
			PositionTicks: 125_000_000,
			Failed: false
		});
	});

	it('sends once per play session', () => {
		const { transport, onExit } = stalledTransport();
		const reporter = new CheckInReporter(() => transport);
		expect(reporter.stoppedOnExit(snapshot())).toBe(true);
		expect(reporter.stoppedOnExit(snapshot({ positionSeconds: 13 }))).toBe(false);
		expect(reporter.stoppedOnExit(snapshot({ playSessionId: 'session-b' }))).toBe(true);
		expect(onExit.map((body) => body.PlaySessionId)).toEqual(['session-a', 'session-b']);
	});

	it('sends nothing without a signed-in transport', () => {
		const reporter = new CheckInReporter(() => null);
		expect(reporter.stoppedOnExit(snapshot())).toBe(false);
	});
});
