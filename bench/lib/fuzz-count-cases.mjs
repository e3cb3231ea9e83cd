// Vitest setup file for the benchmark's fuzzing run. It replaces fast-check's reporter with one
// that adds up the cases of every fc.assert per test and writes the totals to the JSON file that
// CUE_FUZZ_COUNT_FILE names. A failed property still throws fast-check's usual report.
import { writeFileSync } from 'node:fs';

import fc from 'fast-check';
import { expect } from 'vitest';

const countFile = process.env.CUE_FUZZ_COUNT_FILE;
const casesByTest = {};

function report(details) {
	const test = expect.getState().currentTestName ?? 'outside a test';
	casesByTest[test] = (casesByTest[test] ?? 0) + details.numRuns;
	if (countFile) writeFileSync(countFile, JSON.stringify(casesByTest));
	if (details.failed) throw new Error(fc.defaultReportMessage(details));
}

// fast-check uses `reporter` for asynchronous properties too when no `asyncReporter` is set.
fc.configureGlobal({ reporter: report });
