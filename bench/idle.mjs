// Measures the JS heap of an idle Cue page before and after a simulated day. Playwright's fake
// clock (installed before the page loads) jumps 30 s at a time, so Cue's timers fire as they would
// over the day while the socket stays open and the keep-alives flow. Between jumps the benchmark
// waits in real time for the server's reply and for the page's requests. The page gets
// ForceKeepAlive 60, Jellyfin's default, so it sends KeepAlive every 30 s: 2,880 times a day.
import { formatBytes, formatCount } from './lib/format.mjs';
import { measureHeap } from './lib/heap.mjs';
import { trackActivity } from './lib/page-activity.mjs';
import { signInOnPage, waitControllable } from './lib/player.mjs';
import { sleep } from './lib/playback.mjs';
import { sendRawFrames } from './lib/remote.mjs';

const KEEP_ALIVE_PERIOD_SECONDS = 60;
/**
 * Fake time per jump. `fastForward` fires each due timer at most once per jump, so one jump is
 * one keep-alive interval. Cue's 1 s dead-link watchdog then runs once per jump, which is enough
 * because the link counts as dead only after 65 s without a frame.
 */
const JUMP_MS = 30_000;
const JUMPS_PER_HOUR = 3_600_000 / JUMP_MS;

/** Adds the socket events of the idle device in `events` to `totals`. */
function countSocketEvents(totals, events, deviceId, socketId) {
	for (const event of events) {
		const ofSocket = event.socketId === socketId;
		if (event.kind === 'ws-in' && ofSocket && event.frame.includes('KeepAlive')) {
			totals.keepAlives += 1;
		}
		if (event.kind === 'ws-out' && ofSocket && event.frame.includes('KeepAlive'))
			totals.replies += 1;
		if (event.kind === 'ws-open' && event.deviceId === deviceId) totals.opens += 1;
		if (event.kind === 'ws-close' && ofSocket) totals.closes += 1;
	}
}

/**
 * After a jump, waits in real time until the server has replied to the jump's KeepAlive and the
 * page has nothing in flight, at most 2 s, then a few milliseconds more for the page to read the
 * reply. Returns the new log cursor.
 */
async function waitForQuiet(bench, activity, cursor, totals, ids) {
	const deadline = Date.now() + 2000;
	const repliesBefore = totals.replies;
	let next = cursor;
	while (Date.now() < deadline) {
		const read = await bench.log.read(next);
		next = read.next;
		countSocketEvents(totals, read.events, ids.deviceId, ids.socketId);
		if (totals.replies > repliesBefore && activity.isQuiet()) break;
		await sleep(2);
	}
	await sleep(3);
	return next;
}

/** Keeps a fresh Cue page idle for `hours` of fake time and returns the heap growth row. */
export async function run(bench, { hours }) {
	const context = await bench.player.browser.newContext({ baseURL: bench.stack.appUrl });
	try {
		const page = await context.newPage();
		const activity = trackActivity(page);
		await page.clock.install();
		const deviceId = await signInOnPage(page, bench.stack.serverUrl);
		const sessionId = await bench.log.sessionIdOf(deviceId);
		const forceKeepAlive = JSON.stringify({
			MessageType: 'ForceKeepAlive',
			MessageId: 'f'.repeat(32),
			Data: KEEP_ALIVE_PERIOD_SECONDS
		});
		await sendRawFrames(bench.stack.serverUrl, sessionId, [forceKeepAlive]);
		await sleep(500);
		const { events: opened } = await bench.log.read(0);
		const socket = opened.filter((e) => e.kind === 'ws-open' && e.deviceId === deviceId).at(-1);
		await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
		const cdp = await context.newCDPSession(page);
		const before = await measureHeap(cdp);
		let cursor = await bench.log.cursor();
		const totals = { keepAlives: 0, replies: 0, opens: 0, closes: 0 };
		const ids = { deviceId, socketId: socket.socketId };
		const jumps = Math.round(hours * JUMPS_PER_HOUR);
		for (let jump = 1; jump <= jumps; jump++) {
			await page.clock.fastForward(JUMP_MS);
			cursor = await waitForQuiet(bench, activity, cursor, totals, ids);
			if (jump % JUMPS_PER_HOUR === 0) process.stdout.write('.');
		}
		process.stdout.write('\n');
		const after = await measureHeap(cdp);
		await waitControllable(page, 5000);
		const growth = after.usedSize - before.usedSize;
		const socketNote =
			totals.opens === 0 && totals.closes === 0
				? 'the socket stayed open'
				: `the socket closed ${totals.closes} and reopened ${totals.opens} times`;
		return [
			{
				id: 'heap-idle',
				section: 'memory',
				measurement: `JS heap growth after ${hours} h idle (fake clock)`,
				unit: 'bytes',
				value: growth,
				detail:
					`used ${formatBytes(before.usedSize)} → ${formatBytes(after.usedSize)}; ` +
					`${formatCount(totals.keepAlives)} KeepAlive frames sent, ${socketNote}`,
				before,
				after,
				socket: totals
			}
		];
	} finally {
		await context.close();
	}
}
