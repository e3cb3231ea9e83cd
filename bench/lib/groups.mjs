// Runs the measurement groups in order and collects their rows and notes.
import * as burst from '../burst.mjs';
import * as checkInLatency from '../checkin-latency.mjs';
import * as coldStart from '../cold-start.mjs';
import * as breakdown from '../command-breakdown.mjs';
import * as commandLatency from '../command-latency.mjs';
import * as deadLink from '../dead-link.mjs';
import * as fuzz from '../fuzz.mjs';
import * as idle from '../idle.mjs';
import * as memory from '../memory.mjs';
import * as playLatency from '../play-latency.mjs';
import * as reconnect from '../reconnect-after-restart.mjs';
import * as size from '../size.mjs';
import { measureClockOffset, measureRealtimeOffset } from './clock.mjs';
import { GROUPS } from './options.mjs';

const RUNNERS = {
	size: {
		title: 'Size of the bench build',
		run: (bench) => size.run(bench.stack.build)
	},
	command: {
		title: 'Command to action: Pause, Unpause, Seek',
		run: (bench, plan) => commandLatency.run(bench, { samples: plan.latencySamples })
	},
	checkin: {
		title: 'Action to check-in: local pause() and play()',
		run: (bench, plan) => checkInLatency.run(bench, { samples: plan.latencySamples })
	},
	play: {
		title: 'PlayNow → playing and playing → start check-in',
		run: (bench, plan) => playLatency.run(bench, { samples: plan.playSamples })
	},
	breakdown: {
		title: 'Steps of command to action, on a second instrumented page',
		run: (bench, plan) => breakdown.run(bench, { samples: plan.breakdownSamples })
	},
	'cold-start': {
		title: 'Cold start with a saved sign-in',
		run: (bench, plan) => coldStart.run(bench, { runs: plan.coldStartRuns })
	},
	burst: {
		title: 'Burst of frames with commands among them',
		run: (bench, plan) => burst.run(bench, { frames: plan.burstFrames })
	},
	memory: {
		title: 'JS heap before and after mixed messages',
		run: (bench, plan) =>
			memory.run(bench, { messages: plan.memoryMessages, quietMs: plan.quietMs })
	},
	idle: {
		title: 'JS heap after a simulated idle day',
		run: (bench, plan) => idle.run(bench, { hours: plan.idleHours })
	},
	fuzz: {
		title: 'Fuzzing the message layer and the command handlers',
		run: (bench, plan) => fuzz.run({ runs: plan.fuzzRuns })
	},
	reconnect: {
		title: 'Reconnect after a restart',
		run: (bench, plan) => reconnect.run(bench.player, plan)
	},
	'dead-link': {
		title: 'Dead-link detection',
		run: async (bench, plan) => ({
			rows: await deadLink.run(bench.player, plan),
			notes: deadLink.explain(plan.keepAliveSeconds)
		})
	}
};

async function checkClock(bench) {
	const { page } = bench.player;
	return {
		roundTrip: await measureClockOffset(page, bench.log, bench.stack.serverUrl, 30),
		realtime: await measureRealtimeOffset(page, bench.log)
	};
}

async function runGroup(bench, plan, group) {
	const runner = RUNNERS[group];
	const started = Date.now();
	console.log(`${runner.title} …`);
	const result = await runner.run(bench, plan);
	console.log(`  ${group} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return Array.isArray(result) ? { rows: result, notes: [] } : result;
}

/**
 * Runs the groups that `options.groups` names; returns `{ rows, notes, clock }`. Fuzzing needs
 * no browser, so it runs alongside the dead-link detection, which mostly waits.
 */
export async function runGroups(bench, options, plan) {
	const rows = [];
	const notes = [];
	const clock = { start: await checkClock(bench) };
	const selected = GROUPS.filter((group) => options.groups.includes(group));
	const alongside = selected.includes('dead-link') ? 'fuzz' : undefined;
	for (const group of selected) {
		if (group === alongside) continue;
		// A smaller log keeps the server's garbage collections short. The dead-link measurement
		// reads the open of the current socket from the log, so it keeps the log.
		if (group !== 'dead-link') await bench.log.post('/reset-log');
		const results = await Promise.all([
			runGroup(bench, plan, group),
			...(group === 'dead-link' && selected.includes(alongside)
				? [runGroup(bench, plan, alongside)]
				: [])
		]);
		for (const result of results) {
			rows.push(...result.rows);
			notes.push(...result.notes);
		}
		// A restart gives the device a new session.
		await bench.player.waitControllable(30_000);
		bench.sessionId = await bench.player.sessionId();
	}
	clock.end = await checkClock(bench);
	return { rows, notes, clock };
}
