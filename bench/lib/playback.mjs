// Steps that put Cue's player into a known state before a measurement.
import { mediaEventCount, readMediaState, waitForMediaEvent } from './media-probe.mjs';

export function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits a random 60–100 ms, so that a command reaches the page at a random point of its
 * rendering cycle, as a command from a phone does, and the previous check-in is done.
 */
export function settle() {
	return sleep(60 + Math.random() * 40);
}

/** Sends PlayNow for `itemId` as a controller and returns the page's `playing` event. */
export async function playAndWait(bench, itemId, timeoutMs = 15_000) {
	const { page } = bench.player;
	const afterIndex = await mediaEventCount(page);
	const playing = waitForMediaEvent(page, 'playing', afterIndex, { srcPart: itemId, timeoutMs });
	await bench.remote.play(bench.sessionId, [itemId]);
	return playing;
}

/** Pauses through a controller, unless the element is paused already. */
export async function pauseAndWait(bench) {
	const { page } = bench.player;
	if ((await readMediaState(page)).paused) return;
	const afterIndex = await mediaEventCount(page);
	const paused = waitForMediaEvent(page, 'pause', afterIndex);
	await bench.remote.playstate(bench.sessionId, 'Pause');
	await paused;
}

/** Waits until the element has buffered `seconds` from the start, or the whole item (Infinity). */
export async function waitBuffered(page, seconds, timeoutMs = 15_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const state = await readMediaState(page);
		const end = state.buffered.find(([start]) => start <= 0.5)?.[1] ?? 0;
		if (end >= Math.min(seconds, state.duration - 0.5)) return state;
		await sleep(100);
	}
	throw new Error(`the media element did not buffer ${seconds} s within ${timeoutMs / 1000} s`);
}
