// Measures command to action: from the server writing a Playstate frame (its log's `hrTime`) to
// the media event in the page (the probe's stamp), for Pause, Unpause and a Seek inside the
// buffered range. The same runs give action to check-in: from that media event to the arrival
// at the server of the first check-in that reports the new state.
import { mediaEventCount, readMediaState, waitForMediaEvent } from './lib/media-probe.mjs';
import { playAndWait, settle, waitBuffered } from './lib/playback.mjs';
import { TICKS_PER_SECOND } from './lib/remote.mjs';
import { isCheckIn, PROGRESS_PATH } from './lib/server-log.mjs';
import { summarise } from './lib/stats.mjs';

/** Seek targets stay this far inside the buffered range and the item. */
const SEEK_MARGIN_SECONDS = 3;

const COMMANDS = {
	pause: { command: 'Pause', event: 'pause', reports: (body) => body.IsPaused === true },
	unpause: { command: 'Unpause', event: 'playing', reports: (body) => body.IsPaused === false },
	seek: { command: 'Seek', event: 'seeked' }
};

/** Picks a seek target inside the buffered range, at least 1 s away from the current time. */
async function seekTarget(page) {
	const state = await readMediaState(page);
	const range = state.buffered.find(([start, end]) => start <= state.currentTime && end > 0);
	const high = (range?.[1] ?? 0) - SEEK_MARGIN_SECONDS;
	const low = Math.max(range?.[0] ?? 0, 0) + SEEK_MARGIN_SECONDS;
	if (high - low < 2)
		throw new Error(`too little is buffered to seek inside it: ${state.buffered}`);
	let target;
	do target = low + Math.random() * (high - low);
	while (Math.abs(target - state.currentTime) < 1);
	return Math.round(target * 1000) / 1000;
}

async function measureOnce(bench, key) {
	const { page } = bench.player;
	const spec = COMMANDS[key];
	const target = key === 'seek' ? await seekTarget(page) : undefined;
	const reports =
		spec.reports ?? ((body) => Math.abs(body.PositionTicks / TICKS_PER_SECOND - target) < 0.5);
	const since = await bench.log.cursor();
	const afterIndex = await mediaEventCount(page);
	const event = waitForMediaEvent(page, spec.event, afterIndex, { timeoutMs: 5000 });
	await bench.remote.playstate(bench.sessionId, spec.command, target);
	const media = await event;

	const frame = await bench.log.waitFor(
		since,
		(entry) =>
			entry.kind === 'ws-out' &&
			entry.sessionId === bench.sessionId &&
			entry.frame.includes(`"Command":"${spec.command}"`),
		`the ${spec.command} frame`,
		2000
	);
	const checkIn = await bench.log.waitFor(
		since,
		(entry) =>
			isCheckIn(entry, bench.player.deviceId, PROGRESS_PATH) &&
			entry.receivedHrTime > frame.hrTime &&
			reports(entry.body),
		`a check-in after ${spec.command}`,
		3000
	);
	return { commandMs: media.time - frame.hrTime, checkInMs: checkIn.receivedHrTime - media.time };
}

const LABELS = {
	pause: ['Pause → pause', 'Playstate Pause frame written', 'pause event'],
	unpause: ['Unpause → playing', 'Playstate Unpause frame written', 'playing event'],
	seek: ['Seek (buffered) → seeked', 'Playstate Seek frame written', 'seeked event']
};

/**
 * Runs `samples` rounds of Pause, Unpause and Seek on the 24 s audio track while it plays. The
 * track is buffered whole first, so that no range request runs during the rounds: the test server
 * renders WAV audio on its event loop, which delays the check-ins that arrive meanwhile.
 */
export async function run(bench, { samples }) {
	const { page } = bench.player;
	await playAndWait(bench, bench.ids.tracks[0]);
	await waitBuffered(page, Infinity);
	const results = { pause: [], unpause: [], seek: [] };
	for (let round = 0; round < samples; round++) {
		for (const key of ['pause', 'unpause', 'seek']) {
			await settle();
			results[key].push(await measureOnce(bench, key));
		}
		process.stdout.write('.');
	}
	process.stdout.write('\n');
	const rows = [];
	for (const [key, list] of Object.entries(results)) {
		const [measurement, from, to] = LABELS[key];
		const commandMs = list.map((sample) => sample.commandMs);
		rows.push({
			id: `command-${key}`,
			section: 'command',
			measurement,
			from,
			to,
			unit: 'ms',
			...summarise(commandMs),
			samples: commandMs
		});
		const checkInMs = list.map((sample) => sample.checkInMs);
		rows.push({
			id: `checkin-remote-${key}`,
			section: 'checkin',
			measurement: `remote ${COMMANDS[key].command}: ${COMMANDS[key].event} → check-in`,
			from: `${COMMANDS[key].event} event`,
			to: 'first check-in with the new state arrives',
			unit: 'ms',
			...summarise(checkInMs),
			beforeEvent: checkInMs.filter((ms) => ms < 0).length,
			samples: checkInMs
		});
	}
	return rows;
}
