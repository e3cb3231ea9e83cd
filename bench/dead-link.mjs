// Measures how long Cue takes to notice a black-holed socket and open a new one. A black hole
// passes no frames either way and no FIN or RST. The server uses a short keep-alive period, and
// the figures are scaled to Jellyfin's default period of 60 s.
import { summarise } from './lib/stats.mjs';

// Mirrors src/lib/connection/keep-alive.ts: Cue sends KeepAlive every half server period (at
// most 30 s) and declares the link dead after two intervals plus 5 s without any frame.
const MAX_INTERVAL_MS = 30_000;
const GRACE_MS = 5000;
const DEFAULT_PERIOD_SECONDS = 60;

function intervalFor(periodSeconds) {
	return Math.min(MAX_INTERVAL_MS, (periodSeconds * 1000) / 2);
}

function thresholdFor(periodSeconds) {
	return 2 * intervalFor(periodSeconds) + GRACE_MS;
}

async function currentSocket(player) {
	const { events } = await player.readLog(0);
	const opens = events.filter(
		(event) => event.kind === 'ws-open' && event.deviceId === player.deviceId
	);
	if (opens.length === 0) throw new Error('the device has no socket');
	return opens.at(-1);
}

async function measureOnce(player, keepAliveSeconds) {
	const socket = await currentSocket(player);
	// A random phase against the keep-alive cycle, as a real network failure has.
	await new Promise((resolve) =>
		setTimeout(resolve, Math.random() * intervalFor(keepAliveSeconds))
	);
	const since = await player.cursor();
	await player.fault('/black-hole');
	const hole = await player.waitForEvent(
		since,
		(event) => event.kind === 'black-hole',
		'the black hole',
		5000
	);
	const replacement = await player.waitForOpen(hole.seq, thresholdFor(keepAliveSeconds) + 20_000);
	await player.fault('/black-hole/lift');
	const { events } = await player.readLog(socket.seq);
	const lastFrame = events
		.filter(
			(event) =>
				event.kind === 'ws-out' && event.socketId === socket.socketId && event.seq < hole.seq
		)
		.at(-1);
	await player.waitControllable(10_000);
	return {
		detectMs: replacement.time - hole.time,
		silenceMs: replacement.time - lastFrame.time,
		phaseMs: hole.time - lastFrame.time
	};
}

/** Scales one sample to the default period: the threshold and the phase grow with the interval. */
function scaleToDefault(sample, keepAliveSeconds) {
	const overheadMs = sample.silenceMs - thresholdFor(keepAliveSeconds);
	const ratio = intervalFor(DEFAULT_PERIOD_SECONDS) / intervalFor(keepAliveSeconds);
	const thresholdMs = thresholdFor(DEFAULT_PERIOD_SECONDS);
	return {
		overheadMs,
		silenceMs: thresholdMs + overheadMs,
		detectMs: thresholdMs - sample.phaseMs * ratio + overheadMs
	};
}

/** Returns the sentences that explain how the figures scale to the default period. */
export function explain(keepAliveSeconds) {
	const seconds = (ms) => `${ms / 1000} s`;
	const interval = intervalFor(keepAliveSeconds);
	const defaultInterval = intervalFor(DEFAULT_PERIOD_SECONDS);
	const defaultThreshold = seconds(thresholdFor(DEFAULT_PERIOD_SECONDS));
	return [
		`The bench server sends ForceKeepAlive ${keepAliveSeconds}, so Cue sends KeepAlive every ${seconds(interval)} and declares the link dead after ${seconds(thresholdFor(keepAliveSeconds))} without a frame (two intervals plus ${seconds(GRACE_MS)}).`,
		`With Jellyfin's default of ${DEFAULT_PERIOD_SECONDS} s the interval is ${seconds(defaultInterval)} and the threshold ${defaultThreshold}.`,
		'The overhead (measured silence minus the threshold) is the 1 s watchdog tick plus the new handshake, which do not depend on the period.',
		`The hole starts a random time after the last frame (the phase, under one interval), so detection = threshold - phase + overhead, and the scaled estimate is ${defaultThreshold} - phase x ${defaultInterval / interval} + overhead.`
	];
}

export async function run(player, { repeats, keepAliveSeconds }) {
	const samples = [];
	for (let repeat = 0; repeat < repeats; repeat++) {
		samples.push(await measureOnce(player, keepAliveSeconds));
		process.stdout.write('.');
	}
	process.stdout.write('\n');
	const scaled = samples.map((sample) => scaleToDefault(sample, keepAliveSeconds));
	const measuredTarget = thresholdFor(keepAliveSeconds) + 2000;
	const scaledTarget = thresholdFor(DEFAULT_PERIOD_SECONDS) + 2000;
	const detect = summarise(samples.map((sample) => sample.detectMs));
	const scaledDetect = summarise(scaled.map((sample) => sample.detectMs));
	return [
		{
			id: 'dead-link-measured',
			section: 'dead-link',
			unit: 'ms',
			measurement: `dead link, ForceKeepAlive ${keepAliveSeconds} s (measured)`,
			from: 'black hole starts',
			to: 'new socket open',
			...detect,
			targetMs: measuredTarget,
			met: detect.max <= measuredTarget,
			silence: summarise(samples.map((sample) => sample.silenceMs)),
			samples
		},
		{
			id: 'dead-link-scaled',
			section: 'dead-link',
			unit: 'ms',
			measurement: `dead link, ForceKeepAlive ${DEFAULT_PERIOD_SECONDS} s (scaled estimate)`,
			from: 'black hole starts',
			to: 'new socket open',
			...scaledDetect,
			targetMs: scaledTarget,
			met: scaledDetect.max <= scaledTarget,
			silence: summarise(scaled.map((sample) => sample.silenceMs)),
			samples: scaled
		}
	];
}
