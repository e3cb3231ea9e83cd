// Measures how long Cue takes to be back once a restarted server accepts connections again: to
// the new socket's open and to the capabilities POST that follows it. Both times come from the
// server's own log, so one clock measures them.
import { summarise } from './lib/stats.mjs';

/** The reconnect cap of src/lib/connection/reconnect-policy.ts, the target without a notice. */
const RECONNECT_CAP_MS = 30_000;

const SCENARIOS = [
	{
		key: 'announced',
		label: 'restart with ServerRestarting',
		fault: (downMs) => `/restart?downMs=${downMs}`,
		downMs: 2000,
		targetMs: 1000
	},
	{
		key: 'unannounced',
		label: 'crash without notice (1006)',
		fault: (downMs) => `/crash?downMs=${downMs}`,
		downMs: 5000,
		targetMs: RECONNECT_CAP_MS
	}
];

async function measureOnce(player, scenario) {
	const since = await player.cursor();
	await player.fault(scenario.fault(scenario.downMs));
	const up = await player.waitForEvent(
		since,
		(event) => event.kind === 'server-up',
		'the server to accept connections again',
		scenario.downMs + 5000
	);
	const open = await player.waitForOpen(up.seq, RECONNECT_CAP_MS + 10_000);
	const capabilities = await player.waitForCapabilities(open.seq, 10_000);
	await player.waitControllable(10_000);
	return { openMs: open.time - up.time, capabilitiesMs: capabilities.time - up.time };
}

/** Runs every scenario `repeats` times and returns one result row per scenario. */
export async function run(player, { repeats }) {
	const rows = [];
	for (const scenario of SCENARIOS) {
		const samples = [];
		for (let repeat = 0; repeat < repeats; repeat++) {
			samples.push(await measureOnce(player, scenario));
			process.stdout.write('.');
		}
		const capabilities = summarise(samples.map((sample) => sample.capabilitiesMs));
		rows.push({
			id: `reconnect-${scenario.key}`,
			section: 'reconnect',
			unit: 'ms',
			measurement: `reconnect after ${scenario.label}, down ${scenario.downMs / 1000} s`,
			from: 'server accepts connections',
			to: 'capabilities POST (socket open first)',
			downtimeMs: scenario.downMs,
			...capabilities,
			targetMs: scenario.targetMs,
			met: capabilities.max <= scenario.targetMs,
			socketOpen: summarise(samples.map((sample) => sample.openMs)),
			samples
		});
	}
	process.stdout.write('\n');
	return rows;
}
