// Measures PlayNow → playing: from the server writing the Play frame to the page's `playing` event
// for the new item, which includes fetching the item, PlaybackInfo and the first media bytes. The
// same runs give playing → start check-in: from that event to the arrival at the server of
// `POST /Sessions/Playing` for the item.
import { mediaEventCount, waitForMediaEvent } from './lib/media-probe.mjs';
import { playAndWait, settle, sleep } from './lib/playback.mjs';
import { requestSteps, waitForStream } from './lib/play-requests.mjs';
import { hadPreflight, isCheckIn, preflightNote, START_PATH } from './lib/server-log.mjs';
import { formatMs } from './lib/format.mjs';
import { quantile, summarise } from './lib/stats.mjs';

/** How long each item plays before the next PlayNow, as a person skipping through would. */
const PLAY_MS = 150;

function isStartCheckIn(request) {
	return request.method() === 'POST' && new URL(request.url()).pathname === START_PATH;
}

async function measureOnce(bench, itemId) {
	const { page } = bench.player;
	const since = await bench.log.cursor();
	const afterIndex = await mediaEventCount(page);
	const playing = waitForMediaEvent(page, 'playing', afterIndex, {
		srcPart: itemId,
		timeoutMs: 15_000
	});
	const startRequest = page.waitForEvent('requestfinished', {
		predicate: isStartCheckIn,
		timeout: 15_000
	});
	await bench.remote.play(bench.sessionId, [itemId]);
	const media = await playing;

	const frame = await bench.log.waitFor(
		since,
		(entry) =>
			entry.kind === 'ws-out' &&
			entry.sessionId === bench.sessionId &&
			entry.frame.includes('"MessageType":"Play"') &&
			entry.frame.includes(itemId),
		'the Play frame',
		2000
	);
	const start = await bench.log.waitFor(
		since,
		(entry) =>
			isCheckIn(entry, bench.player.deviceId, START_PATH) &&
			String(entry.body?.ItemId).replaceAll('-', '') === itemId,
		'the start check-in',
		5000
	);

	// Playwright's request timing: startTime is epoch ms, requestStart is relative to it.
	const timing = (await startRequest).timing();
	const { events } = await bench.log.read(since);
	const preflight = hadPreflight(events, START_PATH, media.time - 1, start.receivedHrTime);
	await waitForStream(bench, since, itemId);
	return {
		playMs: media.time - frame.hrTime,
		startCheckInMs: start.receivedHrTime - media.time,
		startSentMs: timing.startTime + timing.requestStart - media.time,
		preflight,
		playMethod: start.body.PlayMethod,
		steps: await requestSteps(bench, since, frame, itemId)
	};
}

async function measureKind(bench, itemIds, samples) {
	// The first PlayNow of each item loads code and warms caches; it is not a sample.
	for (const itemId of itemIds) {
		const since = await bench.log.cursor();
		await playAndWait(bench, itemId);
		await waitForStream(bench, since, itemId);
		await sleep(PLAY_MS);
	}
	const results = [];
	for (let index = 0; index < samples; index++) {
		await settle();
		results.push(await measureOnce(bench, itemIds[index % itemIds.length]));
		await sleep(PLAY_MS);
		process.stdout.write('.');
	}
	return results;
}

function rowsFor(kind, results, itemCount) {
	const playMethods = [...new Set(results.map((result) => result.playMethod))].join(', ');
	const playMs = results.map((result) => result.playMs);
	const median = (key) =>
		quantile(results.map((result) => result.steps[key]).filter(Number.isFinite), 0.5);
	const playNote =
		`PlayNow, ${kind}, medians after the Play frame: the server receives the item request at ` +
		`${formatMs(median('items'))}, PlaybackInfo at ${formatMs(median('playbackInfo'))} and ` +
		`the stream request at ${formatMs(median('stream'))}; playing follows at ` +
		`${formatMs(quantile(playMs, 0.5))}.`;
	const startMs = results.map((result) => result.startCheckInMs);
	const startNote = preflightNote(
		`playing → start check-in, ${kind}`,
		results.map((result) => ({ ms: result.startCheckInMs, preflight: result.preflight })),
		formatMs,
		quantile
	);
	const sentMs = results.map((result) => result.startSentMs);
	return [
		{
			id: `play-${kind}`,
			section: 'command',
			measurement: `PlayNow → playing, ${kind} (${itemCount} items in turn, ${playMethods})`,
			from: 'Play frame written',
			to: 'playing event of the new item',
			unit: 'ms',
			...summarise(playMs),
			note: playNote,
			samples: playMs
		},
		{
			id: `start-checkin-${kind}`,
			section: 'checkin',
			measurement: `playing → start check-in, ${kind}`,
			from: 'playing event',
			to: 'POST /Sessions/Playing arrives',
			unit: 'ms',
			...summarise(startMs),
			note: startNote,
			samples: startMs
		},
		{
			id: `start-sent-${kind}`,
			section: 'checkin',
			measurement: `playing → start check-in sent, ${kind}`,
			from: 'playing event',
			to: "the page sends POST /Sessions/Playing (Playwright's request timing)",
			unit: 'ms',
			...summarise(sentMs),
			samples: sentMs
		}
	];
}

/** Runs `samples` PlayNow commands for audio items and as many for video items. */
export async function run(bench, { samples }) {
	const audio = bench.ids.tracks;
	const video = [bench.ids.colorBars, bench.ids.countingPattern];
	const audioResults = await measureKind(bench, audio, samples);
	const videoResults = await measureKind(bench, video, samples);
	process.stdout.write('\n');
	return [
		...rowsFor('audio', audioResults, audio.length),
		...rowsFor('video', videoResults, video.length)
	];
}
