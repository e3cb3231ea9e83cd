// Measures Cue in Chromium against the test server. The figures: command and check-in latency,
// PlayNow, cold start, bundle size, and the JS heap after many messages and after a simulated day.
// Then a burst of frames, fuzzing, the reconnect after a server restart and the detection of a
// black-holed socket. Each measurement lives in its own module under bench/, and
// `npm run bench -- --help` lists the options.
// Ports: CUE_BENCH_SERVER_PORT (default 8398) and CUE_BENCH_APP_PORT (default 4474).
import { runGroups } from '../bench/lib/groups.mjs';
import { printResults } from '../bench/lib/print.mjs';
import { planFor, readOptions } from '../bench/lib/options.mjs';
import { BenchPlayer } from '../bench/lib/player.mjs';
import { BenchRemote } from '../bench/lib/remote.mjs';
import { describeMachine, loadAverage, writeResults } from '../bench/lib/report.mjs';
import { checkPortsFree, prepareBuild, startStack } from '../bench/lib/stack.mjs';

/** ForceKeepAlive period of the bench server, short so that a dead link shows within seconds. */
const KEEP_ALIVE_SECONDS = 4;

function commandLine(options) {
	const flags = options.repeats === 8 ? '' : ` -- --repeats ${options.repeats}`;
	return `npm run bench${flags}`;
}

async function main() {
	const options = readOptions();
	const startLoad = loadAverage();
	const plan = { ...planFor(options), keepAliveSeconds: KEEP_ALIVE_SECONDS };
	const serverPort = Number(process.env.CUE_BENCH_SERVER_PORT ?? 8398);
	const appPort = Number(process.env.CUE_BENCH_APP_PORT ?? 4474);
	// Checked before the build too, because a second run would rebuild under a running one.
	await checkPortsFree(serverPort, appPort);
	const build = prepareBuild(options.skipBuild, appPort);
	const stack = await startStack({
		build,
		serverPort,
		appPort,
		keepAliveSeconds: KEEP_ALIVE_SECONDS
	});
	let player;
	try {
		player = await BenchPlayer.launch(stack);
		await player.signIn();
		const bench = {
			player,
			stack,
			log: player.log,
			remote: await new BenchRemote(stack.serverUrl).signIn(),
			ids: await player.log.libraryIds(),
			sessionId: await player.sessionId()
		};
		const { rows, notes, clock } = await runGroups(bench, options, plan);
		printResults(rows, notes, clock);
		if (!options.complete || options.smoke) {
			console.log('\nSmoke or partial run: bench/results.json and BENCHMARKS.md left unchanged.');
			return;
		}
		await writeResults({
			date: new Date().toISOString(),
			command: commandLine(options),
			machine: describeMachine(player.browserVersion, { start: startLoad, end: loadAverage() }),
			plan,
			clock,
			rows,
			notes
		});
		console.log('\nWrote bench/results.json and BENCHMARKS.md.');
	} finally {
		await player?.close();
		stack.stop();
	}
}

main().catch((error) => {
	console.error(`The benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
	process.exit(1);
});
