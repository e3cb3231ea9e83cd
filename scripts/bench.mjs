// Measures Cue's recovery from server faults in Chromium: the reconnect after a server restart,
// with and without a ServerRestarting notice, and the detection of a black-holed socket. Each
// measurement lives in its own module under bench/. Usage:
//   npm run bench [-- --repeats 8] [-- --smoke] [-- --skip-build]
// Ports: CUE_BENCH_SERVER_PORT (default 8398) and CUE_BENCH_APP_PORT (default 4474).
import { parseArgs } from 'node:util';

import * as deadLink from '../bench/dead-link.mjs';
import { BenchPlayer } from '../bench/lib/player.mjs';
import { describeMachine, tableLines, writeResults } from '../bench/lib/report.mjs';
import { buildApp, startStack } from '../bench/lib/stack.mjs';
import * as reconnect from '../bench/reconnect-after-restart.mjs';

/** ForceKeepAlive period of the bench server, short so that a dead link shows within seconds. */
const KEEP_ALIVE_SECONDS = 4;

function readOptions() {
	const { values } = parseArgs({
		options: {
			repeats: { type: 'string', default: '8' },
			smoke: { type: 'boolean', default: false },
			'skip-build': { type: 'boolean', default: false }
		}
	});
	const repeats = values.smoke ? 1 : Number(values.repeats);
	if (!Number.isInteger(repeats) || repeats < 1) {
		throw new Error(`Invalid --repeats value "${values.repeats}": expected a positive integer.`);
	}
	return { repeats, smoke: values.smoke, skipBuild: values['skip-build'] };
}

async function measure(player, options) {
	const rows = [];
	console.log(`Reconnect after a restart (${options.repeats} repeats per scenario)`);
	rows.push(...(await reconnect.run(player, options)));
	console.log(`Dead-link detection (${options.repeats} repeats)`);
	rows.push(...(await deadLink.run(player, options)));
	return rows;
}

async function main() {
	const options = { ...readOptions(), keepAliveSeconds: KEEP_ALIVE_SECONDS };
	if (!options.skipBuild) buildApp();
	const stack = await startStack({
		serverPort: Number(process.env.CUE_BENCH_SERVER_PORT ?? 8398),
		appPort: Number(process.env.CUE_BENCH_APP_PORT ?? 4474),
		keepAliveSeconds: KEEP_ALIVE_SECONDS
	});
	let player;
	try {
		player = await BenchPlayer.launch(stack);
		await player.signIn();
		const rows = await measure(player, options);
		const notes = deadLink.explain(KEEP_ALIVE_SECONDS);
		console.log(['', ...tableLines(rows), '', ...notes].join('\n'));
		if (options.smoke) {
			console.log('\nSmoke run: bench/results.json and BENCHMARKS.md left unchanged.');
		} else {
			await writeResults({
				date: new Date().toISOString(),
				command: `npm run bench -- --repeats ${options.repeats}`,
				machine: describeMachine(player.browserVersion),
				keepAliveSeconds: KEEP_ALIVE_SECONDS,
				rows,
				notes
			});
			console.log('\nWrote bench/results.json and the section in BENCHMARKS.md.');
		}
		if (rows.some((row) => !row.met)) process.exitCode = 1;
	} finally {
		await player?.close();
		stack.stop();
	}
}

main().catch((error) => {
	console.error(`The benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
