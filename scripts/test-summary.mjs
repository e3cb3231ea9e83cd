// Prints one "N passed, N failed" line per test runner from the JSON reports that `npm test`
// writes, so a log reader sees the counts without scrolling through each runner's output.
import { existsSync, readFileSync } from 'node:fs';

function readJson(path) {
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const unit = readJson('test-results/unit.json');
if (unit) {
	const skipped = unit.numPendingTests + unit.numTodoTests;
	console.log(
		`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${skipped} skipped`
	);
}

const e2e = readJson('test-results/e2e.json');
if (e2e) {
	const { expected, unexpected, flaky, skipped } = e2e.stats;
	console.log(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
}
