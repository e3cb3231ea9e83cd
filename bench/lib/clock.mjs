// Compares the test server's clock with a page's. Both sides read the same kind of time,
// `performance.timeOrigin + performance.now()` in epoch milliseconds, so a server log time and a
// page time can be subtracted directly once the offset between the two is known to be small.

/** Returns the current time as the server and the page stamp events: epoch ms, sub-millisecond. */
export function hrNow() {
	return performance.timeOrigin + performance.now();
}

let nextProbe = 1;

/**
 * Estimates `server clock - page clock` in ms the way NTP does: the page fetches a logged URL and
 * stamps the request and the response, and the server stamps the request in its log. The sample
 * with the shortest round trip wins, and half of that round trip bounds the error. The server's
 * `receivedHrTime` stamp falls between the two page stamps.
 */
export async function measureClockOffset(page, log, serverUrl, samples = 12) {
	const probe = `${process.pid}-${nextProbe++}`;
	const url = `${serverUrl}/System/Info/Public?benchClock=${probe}`;
	const since = await log.cursor();
	const stamps = await page.evaluate(
		async ({ url, samples }) => {
			const now = () => performance.timeOrigin + performance.now();
			const result = [];
			for (let index = 0; index < samples; index++) {
				const sent = now();
				const response = await fetch(`${url}&sample=${index}`, { cache: 'no-store' });
				await response.arrayBuffer();
				result.push({ sent, received: now() });
			}
			return result;
		},
		{ url, samples }
	);
	const { events } = await log.read(since);
	const serverTimes = new Map(
		events
			.filter((event) => event.kind === 'http' && event.query?.benchClock === probe)
			.map((event) => [Number(event.query.sample), event.receivedHrTime])
	);
	let best;
	stamps.forEach((stamp, index) => {
		const serverTime = serverTimes.get(index);
		if (serverTime === undefined) return;
		const roundTripMs = stamp.received - stamp.sent;
		const offsetMs = serverTime - (stamp.sent + stamp.received) / 2;
		if (!best || roundTripMs < best.roundTripMs) best = { offsetMs, roundTripMs };
	});
	if (!best) throw new Error('the server log has none of the clock probe requests');
	return { offsetMs: best.offsetMs, errorMs: best.roundTripMs / 2 };
}

/**
 * Estimates the same offset a second way: each side's `Date.now()` minus its high-resolution time,
 * averaged over many readings. Whole-millisecond truncation averages out, so this reaches
 * about 0.05 ms, provided both `Date.now()` values come from the system clock. The server's
 * readings are the `time` and `hrTime` of its recent log events.
 */
export async function measureRealtimeOffset(page, log) {
	const since = Math.max(0, (await log.cursor()) - 5000);
	const { events } = await log.read(since);
	const server = events.map((event) => event.time - event.hrTime);
	const pageDifferences = await page.evaluate(() => {
		const result = [];
		const end = performance.now() + 50;
		while (performance.now() < end) {
			result.push(Date.now() - (performance.timeOrigin + performance.now()));
			const spin = performance.now() + Math.random() * 0.05;
			while (performance.now() < spin);
		}
		return result;
	});
	const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
	if (server.length < 20) throw new Error('the server log has too few events to compare clocks');
	// server - page = (Date.now() - page hrTime) - (Date.now() - server hrTime).
	return { offsetMs: mean(pageDifferences) - mean(server), samples: server.length };
}

/** Formats an offset estimate for the console and BENCHMARKS.md. */
export function describeOffset({ offsetMs, errorMs }) {
	const sign = offsetMs >= 0 ? '+' : '−';
	return `${sign}${Math.abs(offsetMs).toFixed(3)} ms ± ${errorMs.toFixed(3)} ms`;
}
