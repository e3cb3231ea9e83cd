// Measures a cold start with a saved sign-in in a new browser context (empty HTTP cache, no service
// worker) that has only Cue's localStorage. The time runs from navigation start (the page's
// timeOrigin) to "ready for remote control": the socket open and the capabilities POST accepted,
// both stamped by the server. Each run goes once normally and once with the CPU throttled 4×.
import { signInOnPage, waitControllable } from './lib/player.mjs';
import { countRequests } from './lib/requests.mjs';
import { summarise } from './lib/stats.mjs';

const CAPABILITIES_PATH = '/Sessions/Capabilities/Full';
const THROTTLE_RATE = 4;

/** Times a fixed loop on the page's main thread; the ratio of two runs shows the throttling. */
function timeBusyLoop(page) {
	return page.evaluate(() => {
		let best = Infinity;
		for (let run = 0; run < 3; run++) {
			const start = performance.now();
			let sum = 0;
			for (let index = 0; index < 5_000_000; index++) sum += index % 7;
			best = Math.min(best, performance.now() - start + sum * 0);
		}
		return best;
	});
}

async function measureOnce(bench, storageState, deviceId, rate) {
	const context = await bench.player.browser.newContext({
		baseURL: bench.stack.appUrl,
		storageState
	});
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate });
		const requests = countRequests(context);
		const since = await bench.log.cursor();
		await page.goto('/', { waitUntil: 'commit' });
		const ofDevice = (entry) => entry.deviceId === deviceId;
		const open = await bench.log.waitFor(
			since,
			(entry) => entry.kind === 'ws-open' && ofDevice(entry),
			'the socket of the cold start',
			20_000
		);
		const capabilities = await bench.log.waitFor(
			since,
			(entry) =>
				entry.kind === 'http' &&
				ofDevice(entry) &&
				entry.path === CAPABILITIES_PATH &&
				entry.status === 204,
			'the capabilities POST of the cold start',
			20_000
		);
		await waitControllable(page, 20_000);
		const { navigationStart, domContentLoaded } = await page.evaluate(() => ({
			navigationStart: performance.timeOrigin,
			domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd
		}));
		const ready = Math.max(open.hrTime, capabilities.hrTime);
		const busyThrottled = await timeBusyLoop(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		const busyNormal = await timeBusyLoop(page);
		return {
			readyMs: ready - navigationStart,
			domContentLoadedMs: domContentLoaded,
			socketOpenMs: open.hrTime - navigationStart,
			slowdown: busyThrottled / busyNormal,
			requests: await requests.summary(ready)
		};
	} finally {
		await context.close();
	}
}

function rowFor(id, measurement, samples) {
	const readyMs = samples.map((sample) => sample.readyMs);
	const last = samples.at(-1);
	return {
		id,
		section: 'cold-start',
		measurement,
		from: 'navigation start',
		to: 'socket open and capabilities posted',
		unit: 'ms',
		...summarise(readyMs),
		domContentLoaded: summarise(samples.map((sample) => sample.domContentLoadedMs)),
		socketOpen: summarise(samples.map((sample) => sample.socketOpenMs)),
		measuredSlowdown: summarise(samples.map((sample) => sample.slowdown)).p50,
		requests: last.requests,
		samples
	};
}

/** Signs a device in once, then cold-starts it `runs` times normally and `runs` times throttled. */
export async function run(bench, { runs }) {
	const context = await bench.player.browser.newContext({ baseURL: bench.stack.appUrl });
	const page = await context.newPage();
	const deviceId = await signInOnPage(page, bench.stack.serverUrl);
	const storageState = await context.storageState();
	await context.close();
	const normal = [];
	const throttled = [];
	for (let index = 0; index < runs; index++) {
		normal.push(await measureOnce(bench, storageState, deviceId, 1));
		throttled.push(await measureOnce(bench, storageState, deviceId, THROTTLE_RATE));
		process.stdout.write('.');
	}
	process.stdout.write('\n');
	return [
		rowFor('cold-start', 'cold start, saved sign-in', normal),
		rowFor('cold-start-throttled', `cold start, CPU throttled ${THROTTLE_RATE}×`, throttled)
	];
}
