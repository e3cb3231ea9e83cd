// Sends a burst of frames within about a second, with numbered commands among the noise: SetVolume
// 1, 2, … 100 and Seek to 1 s, 2 s, … 100 s, interleaved. The command log panel lists every
// command Cue received, in order, with its outcome. A command that is missing there or not
// applied counts as lost. The applied ones, compared with the order on the wire, give the
// commands out of order. The check-ins back this up: their VolumeLevel and position may never go
// back, because every command raises one of them.
import { markerFrame, readCommandLog, waitForMarker } from './lib/command-log.mjs';
import { formatCount } from './lib/format.mjs';
import { MessageMix } from './lib/message-mix.mjs';
import { compareOrder } from './lib/order.mjs';
import { pauseAndWait, playAndWait, sleep } from './lib/playback.mjs';
import { sendRawFrames, TICKS_PER_SECOND } from './lib/remote.mjs';
import { isCheckIn, PROGRESS_PATH } from './lib/server-log.mjs';

const STEPS = 100;
/**
 * Malformed frames in the burst. Each takes a line of the command log, which keeps 300, as each
 * command does, so commands and malformed frames together must stay under 300.
 */
const MALFORMED_FRAMES = 40;

/** Returns the numbered commands, each with its MessageId and a key that names it. */
function commandFrames(mix) {
	const frames = [];
	for (let step = 1; step <= STEPS; step++) {
		const volume = { Name: 'SetVolume', Arguments: { Volume: String(step) } };
		const seek = { Command: 'Seek', SeekPositionTicks: step * TICKS_PER_SECOND };
		for (const [key, type, data] of [
			[`volume ${step}`, 'GeneralCommand', volume],
			[`seek ${step}`, 'Playstate', seek]
		]) {
			const id = mix.messageId();
			frames.push({
				key,
				id,
				text: JSON.stringify({ MessageType: type, MessageId: id, Data: data })
			});
		}
	}
	return frames;
}

/** Reads a command log summary back into the key of its command, or null for other entries. */
function keyOf(summary) {
	const volume = /^SetVolume \(Volume=(\d+)\)$/.exec(summary);
	if (volume) return `volume ${Number(volume[1])}`;
	const seek = /^Seek to (\d+):(\d\d)$/.exec(summary);
	if (seek) return `seek ${Number(seek[1]) * 60 + Number(seek[2])}`;
	return null;
}

/** Counts check-ins whose volume or position is lower than that of an earlier one. */
function countStepsBack(checkIns) {
	let back = 0;
	for (let index = 1; index < checkIns.length; index++) {
		const previous = checkIns[index - 1].body;
		const current = checkIns[index].body;
		if (current.VolumeLevel < previous.VolumeLevel) back += 1;
		if (current.PositionTicks < previous.PositionTicks - TICKS_PER_SECOND / 2) back += 1;
	}
	return back;
}

function buildFrames(mix, commands, total, startMarker, endMarker) {
	commands = [...commands];
	const noiseCount = total - commands.length - 2;
	const spacing = Math.floor(noiseCount / commands.length);
	const malformedEvery = Math.floor(noiseCount / MALFORMED_FRAMES);
	const frames = [markerFrame(mix, startMarker)];
	for (let index = 0; index < noiseCount; index++) {
		frames.push(index % malformedEvery === 0 ? mix.malformed() : mix.noise());
		if (index % spacing === spacing - 1 && commands.length > 0) frames.push(commands.shift().text);
	}
	frames.push(...commands.map((command) => command.text), markerFrame(mix, endMarker));
	return frames;
}

/** Loads the three-hour track, paused at 0 s with the volume at 0, so that every command raises one. */
async function prepare(bench) {
	await playAndWait(bench, bench.ids.longAudio);
	await pauseAndWait(bench);
	await bench.remote.command(bench.sessionId, 'SetVolume', { Volume: 0 });
	await bench.remote.playstate(bench.sessionId, 'Seek', 0);
	await sleep(1000);
}

/** Returns the keys of the commands the command log shows as applied between the markers. */
async function appliedKeys(page, startMarker, endMarker) {
	const log = await readCommandLog(page);
	const start = log.findIndex((entry) => entry.summary.includes(startMarker));
	const end = log.findIndex((entry) => entry.summary.includes(endMarker));
	return log
		.slice(start + 1, end)
		.filter((entry) => entry.outcome === 'applied')
		.map((entry) => keyOf(entry.summary))
		.filter(Boolean);
}

function row(id, measurement, unit, value, detail) {
	return { id, section: 'burst', measurement, unit, value, detail };
}

/** Sends `total` frames with 200 numbered commands among them and counts lost and reordered ones. */
export async function run(bench, { frames: total }) {
	const { page } = bench.player;
	await prepare(bench);
	const mix = new MessageMix(bench.ids.tracks, Date.now());
	const startMarker = `bench-burst-start-${Date.now()}`;
	const endMarker = `bench-burst-end-${Date.now()}`;
	const commands = commandFrames(mix);
	const keyById = new Map(commands.map((command) => [command.id, command.key]));
	const frames = buildFrames(mix, commands, total, startMarker, endMarker);
	const since = await bench.log.cursor();
	await sendRawFrames(bench.stack.serverUrl, bench.sessionId, frames);
	await waitForMarker(page, endMarker, 60_000);
	await sleep(1500);

	const { events } = await bench.log.read(since);
	const written = events.filter(
		(event) => event.kind === 'ws-out' && event.sessionId === bench.sessionId
	);
	const first = written.find((event) => event.frame.includes(startMarker));
	const last = written.find((event) => event.frame.includes(endMarker));
	// The order on the wire: the server's writes of the command frames, found by MessageId.
	const wireOrder = written
		.map((event) => keyById.get(/"MessageId":"([^"]*)"/.exec(event.frame)?.[1]))
		.filter(Boolean);
	const applied = await appliedKeys(page, startMarker, endMarker);
	const { outOfOrder } = compareOrder(wireOrder, applied);
	const { lost } = compareOrder(
		commands.map((command) => command.key),
		applied
	);
	const checkIns = events.filter(
		(event) => isCheckIn(event, bench.player.deviceId, PROGRESS_PATH) && event.seq > first.seq
	);
	const final = checkIns.at(-1)?.body;
	const spanMs = last.hrTime - first.hrTime;
	const sent =
		`${formatCount(frames.length)} frames written in ${spanMs.toFixed(0)} ms, ` +
		`${wireOrder.length} of them the ${commands.length} commands`;
	const finalState =
		`${checkIns.length} check-ins; the last reports volume ${final?.VolumeLevel} and position ` +
		`${(final?.PositionTicks ?? 0) / TICKS_PER_SECOND} s (100 and 100 s expected)`;
	return [
		row('burst-lost', 'commands lost', 'count', lost, sent),
		row(
			'burst-out-of-order',
			'commands applied out of order',
			'count',
			outOfOrder,
			`${applied.length} applied, in the command log's order`
		),
		row(
			'burst-checkins-back',
			'check-ins that went back',
			'count',
			countStepsBack(checkIns),
			finalState
		),
		row('burst-span', 'burst duration on the wire', 'ms', spanMs, sent)
	];
}
