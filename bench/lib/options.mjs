// Reads the command line of scripts/bench.mjs and sizes each measurement from it.
import { parseArgs } from 'node:util';

/** Measurement groups in the order they run; `--only` picks some of them. */
export const GROUPS = [
	'size',
	'command',
	'checkin',
	'play',
	'breakdown',
	'cold-start',
	'burst',
	'memory',
	'idle',
	'reconnect',
	'dead-link',
	'fuzz'
];

const HELP = `Usage: npm run bench -- [options]

  --repeats N      repeats of the slow scenarios (reconnect, dead link, cold start); the fast
                   latency figures take 12 × N samples, PlayNow 5 × N (default 8)
  --smoke          one tiny pass of everything, to check that the benchmark runs; writes no
                   results and checks no timings
  --skip-build     use the newer of the existing builds in build-bench/ (build-bench-PORT/
                   with CUE_BENCH_APP_PORT=PORT) and build/
  --only A,B       run only these groups: ${GROUPS.join(', ')}
  --help           print this text`;

export function readOptions() {
	const { values } = parseArgs({
		options: {
			repeats: { type: 'string', default: '8' },
			smoke: { type: 'boolean', default: false },
			'skip-build': { type: 'boolean', default: false },
			only: { type: 'string' },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(HELP);
		process.exit(0);
	}
	const repeats = values.smoke ? 1 : Number(values.repeats);
	if (!Number.isInteger(repeats) || repeats < 1) {
		throw new Error(`Invalid --repeats value "${values.repeats}": expected a positive integer.`);
	}
	const only = values.only?.split(',').map((group) => group.trim());
	const unknown = only?.filter((group) => !GROUPS.includes(group)) ?? [];
	if (unknown.length > 0) {
		throw new Error(`Invalid --only group "${unknown[0]}": expected some of ${GROUPS.join(', ')}.`);
	}
	return {
		repeats,
		smoke: values.smoke,
		skipBuild: values['skip-build'],
		groups: only ?? GROUPS,
		complete: only === undefined
	};
}

/** Returns how many samples, messages and fake hours each measurement uses. */
export function planFor({ repeats, smoke }) {
	if (smoke) {
		return {
			repeats: 1,
			latencySamples: 2,
			playSamples: 1,
			breakdownSamples: 2,
			coldStartRuns: 1,
			burstFrames: 1000,
			memoryMessages: 2000,
			idleHours: 1,
			fuzzRuns: 20,
			quietMs: 200
		};
	}
	return {
		repeats,
		latencySamples: 12 * repeats,
		playSamples: 5 * repeats,
		breakdownSamples: 2 * repeats,
		coldStartRuns: repeats,
		burstFrames: 10_000,
		memoryMessages: 100_000,
		idleHours: 24,
		// parseFrame alone gets five times this many cases, so the suite runs over 100,000.
		fuzzRuns: 20_000,
		/** Wait for check-ins and the mix's 2 s message toasts to end before a heap reading. */
		quietMs: 3000
	};
}
