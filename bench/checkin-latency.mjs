// Measures action to check-in for local actions. The page itself calls pause() or play() on Cue's
// media element, as a person using the page's own controls or the keyboard would. The time runs
// from the media event to the arrival at the server of the check-in that reports it.
import { mediaEventCount, waitForMediaEvent } from './lib/media-probe.mjs';
import { playAndWait, settle, waitBuffered } from './lib/playback.mjs';
import { formatMs } from './lib/format.mjs';
import { hadPreflight, isCheckIn, preflightNote, PROGRESS_PATH } from './lib/server-log.mjs';
import { quantile, summarise } from './lib/stats.mjs';

const ACTIONS = {
	pause: {
		event: 'pause',
		call: () => document.querySelector('video, audio').pause(),
		reports: (body) => body.IsPaused === true
	},
	play: {
		event: 'playing',
		call: () => void document.querySelector('video, audio').play(),
		reports: (body) => body.IsPaused === false
	}
};

async function measureOnce(bench, action) {
	const { page } = bench.player;
	const since = await bench.log.cursor();
	const afterIndex = await mediaEventCount(page);
	const event = waitForMediaEvent(page, action.event, afterIndex, { timeoutMs: 5000 });
	await page.evaluate(action.call);
	const media = await event;
	const checkIn = await bench.log.waitFor(
		since,
		(entry) => isCheckIn(entry, bench.player.deviceId, PROGRESS_PATH) && action.reports(entry.body),
		`a check-in after a local ${action.event}`,
		3000
	);
	const { events } = await bench.log.read(since);
	return {
		ms: checkIn.receivedHrTime - media.time,
		preflight: hadPreflight(events, PROGRESS_PATH, media.time - 1, checkIn.receivedHrTime)
	};
}

/**
 * Runs `samples` rounds of a local pause() and play() on the 24 s audio track, buffered whole
 * first for the reason given in command-latency.mjs.
 */
export async function run(bench, { samples }) {
	const { page } = bench.player;
	await playAndWait(bench, bench.ids.tracks[0]);
	await waitBuffered(page, Infinity);
	const results = { pause: [], play: [] };
	for (let round = 0; round < samples; round++) {
		// Keeps the track from ending, which would load the next one.
		await page.evaluate(() => {
			const media = document.querySelector('video, audio');
			if (media.currentTime > 15) media.currentTime = 2;
		});
		for (const key of ['pause', 'play']) {
			await settle();
			results[key].push(await measureOnce(bench, ACTIONS[key]));
		}
		process.stdout.write('.');
	}
	process.stdout.write('\n');
	return Object.entries(results).map(([key, measured]) => {
		const measurement = `local ${key}(): ${ACTIONS[key].event} → check-in`;
		const samplesMs = measured.map((result) => result.ms);
		return {
			id: `checkin-local-${key}`,
			section: 'checkin',
			measurement,
			from: `${ACTIONS[key].event} event`,
			to: 'check-in with the new state arrives',
			unit: 'ms',
			...summarise(samplesMs),
			note: preflightNote(measurement, measured, formatMs, quantile),
			samples: samplesMs
		};
	});
}
