// Reads the server log for the requests a PlayNow causes.
import { sleep } from './playback.mjs';

/**
 * Waits until the server has written the item's stream, at most 3 s. The test server renders WAV
 * audio on its event loop (only once per range, then from its cache), and the next PlayNow should
 * not wait behind the previous item's stream.
 */
export async function waitForStream(bench, since, itemId) {
	const deadline = Date.now() + 3000;
	while (Date.now() < deadline) {
		const { events } = await bench.log.read(since);
		const done = events.some(
			(entry) => entry.kind === 'http' && entry.path.includes(`/${itemId}/stream`)
		);
		if (done) return;
		await sleep(20);
	}
}

/**
 * Returns when the server received the requests of a PlayNow, in ms after the Play frame: the
 * item fetch, PlaybackInfo and the stream.
 */
export async function requestSteps(bench, since, frame, itemId) {
	const { events } = await bench.log.read(since);
	const requests = events.filter(
		(entry) =>
			entry.kind === 'http' &&
			entry.deviceId === bench.player.deviceId &&
			entry.method !== 'OPTIONS' &&
			entry.receivedHrTime > frame.hrTime
	);
	const after = (test) => {
		const found = requests.find((entry) => test(entry.path));
		return found ? found.receivedHrTime - frame.hrTime : Number.NaN;
	};
	return {
		items: after((path) => path.endsWith('/Items')),
		playbackInfo: after((path) => path.endsWith(`/${itemId}/PlaybackInfo`)),
		stream: after((path) => path.includes(`/${itemId}/stream`))
	};
}
