// Runs src/lib/fuzz.test.ts with many more fast-check cases than the test suite does: hostile and
// mutated frames through the message parser, and sequences of them through the server-event and
// remote-command handlers of a player harness. Reports the cases run, the failures and the time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { formatCount } from './lib/format.mjs';

const TEST_FILE = 'src/lib/fuzz.test.ts';

function runVitest(args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn('npx', ['vitest', 'run', ...args], {
			stdio: ['ignore', 'ignore', 'pipe'],
			env: { ...process.env, ...env }
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
		child.on('error', reject);
		child.on('exit', (code) => resolve({ code, stderr }));
	});
}

/** Runs the fuzz tests with CUE_FUZZ_RUNS = `runs` and returns the fuzzing rows. */
export async function run({ runs }) {
	const folder = mkdtempSync(join(tmpdir(), 'cue-bench-fuzz-'));
	try {
		const countFile = join(folder, 'cases.json');
		const resultFile = join(folder, 'results.json');
		const started = Date.now();
		const { code, stderr } = await runVitest(
			[
				'--config',
				'bench/lib/fuzz-vitest.config.mjs',
				'--reporter=json',
				`--outputFile=${resultFile}`,
				TEST_FILE
			],
			{ CUE_FUZZ_RUNS: String(runs), CUE_FUZZ_COUNT_FILE: countFile }
		);
		const seconds = (Date.now() - started) / 1000;
		let results;
		try {
			results = JSON.parse(readFileSync(resultFile, 'utf8'));
		} catch {
			throw new Error(`vitest wrote no results (exit code ${code}):\n${stderr}`);
		}
		// The setup file writes the counts after each property; none means no property ran.
		const cases = existsSync(countFile) ? JSON.parse(readFileSync(countFile, 'utf8')) : {};
		const total = Object.values(cases).reduce((sum, count) => sum + count, 0);
		const perTest = Object.entries(cases)
			.map(([test, count]) => `${test.replace(/^.*> /, '')}: ${formatCount(count)}`)
			.join('; ');
		// A file that fails to load fails no test, but fails its suite.
		const failed = results.numFailedTests || (results.success ? 0 : results.numFailedTestSuites);
		const failures = results.testResults
			.flatMap((file) => file.assertionResults)
			.filter((test) => test.status === 'failed')
			.map((test) => `${test.title}: ${test.failureMessages[0]?.split('\n')[0] ?? 'failed'}`);
		return [
			{
				id: 'fuzz-cases',
				section: 'fuzz',
				measurement: `fast-check cases (${TEST_FILE}, CUE_FUZZ_RUNS=${runs})`,
				unit: 'count',
				value: total,
				detail: perTest,
				cases
			},
			{
				id: 'fuzz-failures',
				section: 'fuzz',
				measurement: 'failed tests',
				unit: 'count',
				value: failed,
				detail: [
					`${results.numPassedTests} of ${results.numTotalTests} tests passed in ${seconds.toFixed(1)} s`,
					...failures
				].join('; '),
				seconds
			}
		];
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
