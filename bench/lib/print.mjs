// Prints the results to the console: one table per section, the notes and the goals.
import { describeOffset } from './clock.mjs';
import { goalLines, SECTIONS, sectionLines } from './tables.mjs';

/** Returns the sentences about the two clocks, for the console and BENCHMARKS.md. */
export function clockLines(clock) {
	const describe = (check) =>
		`${describeOffset(check.roundTrip)} by round trip, ` +
		`${check.realtime.offsetMs >= 0 ? '+' : '−'}${Math.abs(check.realtime.offsetMs).toFixed(3)} ms ` +
		`by Date.now() over ${check.realtime.samples} server events`;
	return [
		`Server clock minus page clock, at the start: ${describe(clock.start)}; at the end: ${describe(clock.end)}.`
	];
}

export function printResults(rows, notes, clock) {
	const lines = [];
	for (const [section, title] of SECTIONS) {
		const table = sectionLines(section, rows);
		if (table.length > 0) lines.push('', `${title}:`, ...table);
	}
	lines.push('', ...clockLines(clock), '', ...notes, '', 'Goals:', ...goalLines(rows));
	console.log(lines.join('\n'));
}
