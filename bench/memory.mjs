// Measures the JS heap of a fresh Cue page (a device of its own) before and after a long run of
// mixed socket messages. Every reading follows the same state (the same audio item loaded and
// paused), the end of the page's check-ins and forced garbage collection. A reading after the
// first fifth of the messages, once Cue's bounded stores (such as the 300-line command log) are
// full, separates a steady climb from stores filling up to their cap.
import { formatBytes, formatCount } from './lib/format.mjs';
import { markerFrame, waitForMarker } from './lib/command-log.mjs';
import { measureHeap } from './lib/heap.mjs';
import { addMediaProbe } from './lib/media-probe.mjs';
import { MessageMix } from './lib/message-mix.mjs';
import { pauseAndWait, playAndWait, sleep } from './lib/playback.mjs';
import { signInOnPage } from './lib/player.mjs';
import { sendRawFrames } from './lib/remote.mjs';

/** Frames per pipelined batch; the next batch waits until Cue has applied this one. */
const BATCH_SIZE = 5000;

/**
 * Waits until the server has received no check-in from the page for `quietMs` (at most 2 s),
 * at most `maxMs` in all. Cue sends check-ins one at a time, so a flood of commands can leave a
 * queue of them, each holding a snapshot of the player, that drains after the messages stop.
 */
async function waitForCheckInsToStop(bench, quietMs, maxMs) {
	const started = Date.now();
	let cursor = await bench.log.cursor();
	let lastSeen = Date.now();
	while (Date.now() - lastSeen < Math.min(quietMs, 2000) && Date.now() - started < maxMs) {
		await sleep(250);
		const { next, events } = await bench.log.read(cursor);
		cursor = next;
		const checkIn = (event) =>
			event.kind === 'http' &&
			event.deviceId === bench.player.deviceId &&
			event.path.startsWith('/Sessions/Playing');
		if (events.some(checkIn)) lastSeen = Date.now();
	}
}

/**
 * Makes Playwright inject its main-world helper script (for waitForFunction and $$eval) before
 * the first reading. The script is a 320 KB source plus its compiled code in the page's heap, and
 * the growth should count Cue's memory, not the benchmark's own tools.
 */
async function loadPlaywrightHelpers(page) {
	await page.waitForFunction(() => true);
	await page.$$eval('body', (elements) => elements.length);
}

/** Brings the player into the state of every reading, then reads the heap. */
async function readHeap(bench, cdp, quietMs) {
	const { remote, sessionId } = bench;
	await playAndWait(bench, bench.ids.tracks[0]);
	await pauseAndWait(bench);
	await remote.command(sessionId, 'SetVolume', { Volume: 100 });
	await remote.command(sessionId, 'Unmute');
	await remote.command(sessionId, 'SetRepeatMode', { RepeatMode: 'RepeatNone' });
	await remote.command(sessionId, 'SetShuffleQueue', { ShuffleMode: 'Sorted' });
	// Lets the 2 s DisplayMessage toasts of the mix expire.
	await sleep(quietMs);
	await waitForCheckInsToStop(bench, quietMs, quietMs * 60);
	return measureHeap(cdp);
}

async function sendMix(bench, mix, messages) {
	for (let sent = 0, batch = 0; sent < messages; batch++) {
		const size = Math.min(BATCH_SIZE, messages - sent);
		const frames = Array.from({ length: size }, () => mix.next());
		const marker = `bench-memory-batch-${batch}-${Date.now()}`;
		await sendRawFrames(bench.stack.serverUrl, bench.sessionId, [
			...frames,
			markerFrame(mix, marker)
		]);
		await waitForMarker(bench.player.page, marker, 180_000);
		sent += size;
		process.stdout.write('.');
	}
}

function rows(messages, readings, seconds) {
	const [before, filled, after] = readings;
	const fifth = formatCount(Math.round(messages / 5));
	return [
		{
			id: 'heap-messages',
			section: 'memory',
			measurement: `JS heap growth after ${formatCount(messages)} mixed messages`,
			unit: 'bytes',
			value: after.usedSize - before.usedSize,
			detail:
				`used ${formatBytes(before.usedSize)} → ${formatBytes(after.usedSize)}; ` +
				`${formatCount(Math.round(messages / seconds))} messages/s; DOM nodes ` +
				`${before.nodes} → ${after.nodes}, listeners ${before.listeners} → ${after.listeners}`,
			readings
		},
		{
			id: 'heap-messages-after-fill',
			section: 'memory',
			measurement: `JS heap growth from ${fifth} to ${formatCount(messages)} messages`,
			unit: 'bytes',
			value: after.usedSize - filled.usedSize,
			detail: `used ${formatBytes(filled.usedSize)} after ${fifth}, once the bounded stores are full`
		}
	];
}

/** Sends `messages` mixed frames to a fresh page and returns the heap growth rows. */
export async function run(bench, { messages, quietMs }) {
	const context = await bench.player.browser.newContext({ baseURL: bench.stack.appUrl });
	try {
		const page = await context.newPage();
		await addMediaProbe(page);
		const deviceId = await signInOnPage(page, bench.stack.serverUrl);
		const fresh = {
			...bench,
			player: { page, deviceId },
			sessionId: await bench.log.sessionIdOf(deviceId)
		};
		const cdp = await context.newCDPSession(page);
		await loadPlaywrightHelpers(page);
		const mix = new MessageMix(bench.ids.tracks);
		const readings = [await readHeap(fresh, cdp, quietMs)];
		const started = Date.now();
		const first = Math.round(messages / 5);
		await sendMix(fresh, mix, first);
		readings.push(await readHeap(fresh, cdp, quietMs));
		await sendMix(fresh, mix, messages - first);
		const seconds = (Date.now() - started) / 1000;
		readings.push(await readHeap(fresh, cdp, quietMs));
		process.stdout.write('\n');
		return rows(messages, readings, seconds);
	} finally {
		await context.close();
	}
}
