// Stamps the events of Cue's media element in the page. Media events do not bubble, but a
// capture-phase listener on `document` receives them on their way down to an element in the
// document, so the probe needs no hook in the app. The listener stamps before it does anything
// else, with `performance.timeOrigin + performance.now()`, the clock the test server logs with.

const EVENT_TYPES = [
	'play',
	'playing',
	'pause',
	'seeking',
	'seeked',
	'volumechange',
	'waiting',
	'ended',
	'error',
	'emptied'
];
/** Records kept in the page; older ones are dropped so that the probe's memory stays bounded. */
const MAX_RECORDS = 500;
/**
 * How long after an event the probe hands it to a waiting benchmark. Resolving at once would
 * send the DevTools reply (and wake the benchmark, which then reads the server's log) between
 * the event and Cue's own listener, while the check-in being measured is on its way.
 */
const HAND_OVER_DELAY_MS = 30;

function installProbe({ types, maxRecords, handOverDelayMs }) {
	const records = [];
	const waiters = new Set();
	let count = 0;
	const record = (event) => {
		const time = performance.timeOrigin + performance.now();
		const media = event.target;
		if (!(media instanceof HTMLMediaElement)) return;
		const entry = {
			index: count++,
			type: event.type,
			time,
			src: media.currentSrc,
			currentTime: media.currentTime,
			paused: media.paused
		};
		records.push(entry);
		if (records.length > maxRecords) records.shift();
		for (const waiter of waiters) {
			if (waiter.matches(entry)) {
				waiters.delete(waiter);
				setTimeout(() => waiter.resolve(entry), handOverDelayMs);
			}
		}
	};
	for (const type of types) document.addEventListener(type, record, { capture: true });
	const matcher = (type, afterIndex, srcPart) => (entry) =>
		entry.type === type && entry.index >= afterIndex && entry.src.includes(srcPart);
	window.__cueBenchProbe = {
		count: () => count,
		/** Resolves with the first `type` event at or after `afterIndex` whose source contains `srcPart`. */
		waitFor(type, afterIndex, srcPart, timeoutMs) {
			const matches = matcher(type, afterIndex, srcPart);
			const found = records.find(matches);
			if (found) return Promise.resolve(found);
			return new Promise((resolve, reject) => {
				const waiter = { matches, resolve };
				waiters.add(waiter);
				setTimeout(() => {
					if (!waiters.delete(waiter)) return;
					reject(new Error(`no "${type}" media event within ${timeoutMs} ms`));
				}, timeoutMs);
			});
		}
	};
}

/** Adds the probe to every document the page loads; call before the first navigation. */
export async function addMediaProbe(page) {
	await page.addInitScript(installProbe, {
		types: EVENT_TYPES,
		maxRecords: MAX_RECORDS,
		handOverDelayMs: HAND_OVER_DELAY_MS
	});
}

/** Returns the number of media events recorded so far, the `afterIndex` for the next wait. */
export function mediaEventCount(page) {
	return page.evaluate(() => window.__cueBenchProbe.count());
}

/**
 * Returns the first media event of `type` at or after `afterIndex` (optionally with `srcPart` in
 * the element's source), waiting for it up to `timeoutMs`.
 */
export function waitForMediaEvent(
	page,
	type,
	afterIndex,
	{ srcPart = '', timeoutMs = 10_000 } = {}
) {
	return page.evaluate(
		({ type, afterIndex, srcPart, timeoutMs }) =>
			window.__cueBenchProbe.waitFor(type, afterIndex, srcPart, timeoutMs),
		{ type, afterIndex, srcPart, timeoutMs }
	);
}

/** Returns the state of Cue's media element: source, time, paused, buffered ranges. */
export function readMediaState(page) {
	return page.evaluate(() => {
		const media = document.querySelector('video, audio');
		if (!media) throw new Error('Cue has no media element in the document');
		const buffered = [];
		for (let index = 0; index < media.buffered.length; index++) {
			buffered.push([media.buffered.start(index), media.buffered.end(index)]);
		}
		return {
			src: media.currentSrc,
			currentTime: media.currentTime,
			duration: media.duration,
			paused: media.paused,
			volume: media.volume,
			buffered
		};
	});
}
