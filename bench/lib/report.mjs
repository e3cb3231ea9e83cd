// Prints the results as a table and records them in bench/results.json and BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

import { format, resolveConfig } from 'prettier';

const SECTION_START = '<!-- reconnect-bench:start -->';
const SECTION_END = '<!-- reconnect-bench:end -->';

function formatMs(ms) {
	if (!Number.isFinite(ms)) return '–';
	return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Describes the machine the figures come from. */
export function describeMachine(chromiumVersion) {
	return {
		cpus: availableParallelism(),
		cpuModel: cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		chromium: chromiumVersion,
		platform: `${process.platform} ${process.arch}`
	};
}

export function tableLines(rows) {
	const header = '| measurement | from → to | n | p50 | p95 | max | target | met |';
	const rule = '| --- | --- | --: | --: | --: | --: | --: | :-: |';
	const lines = rows.map(
		(row) =>
			`| ${row.measurement} | ${row.from} → ${row.to} | ${row.count} | ${formatMs(row.p50)} | ` +
			`${formatMs(row.p95)} | ${formatMs(row.max)} | ≤ ${formatMs(row.targetMs)} | ${row.met ? 'yes' : 'NO'} |`
	);
	return [header, rule, ...lines];
}

function sectionText(results) {
	const { machine } = results;
	return [
		SECTION_START,
		'## Reconnection and dead-link detection',
		'',
		`Measured ${results.date} with \`${results.command}\` on ${machine.cpus} CPUs (${machine.cpuModel}),`,
		`${machine.memoryGiB} GiB memory, Node ${machine.node}, Chromium ${machine.chromium}, ${machine.platform}.`,
		'The test server and Cue run on 127.0.0.1, and all times come from the test server log.',
		'Raw samples are in `bench/results.json`.',
		'',
		'Targets: within 1 s after an announced restart, because Cue polls the server at most',
		'750 ms apart then. Without a notice, within the 30 s backoff cap, and how long it takes',
		'depends on how far the backoff grew during the downtime. A dead link: within the',
		'threshold (two keep-alive intervals plus 5 s) plus 2 s.',
		'',
		...tableLines(results.rows),
		'',
		results.notes.join(' '),
		SECTION_END
	].join('\n');
}

/** Writes a file formatted as `npm run lint` expects. */
async function writeFormatted(path, text) {
	const options = (await resolveConfig(path)) ?? {};
	writeFileSync(path, await format(text, { ...options, filepath: path }));
}

/** Writes bench/results.json and replaces this benchmark's section of BENCHMARKS.md. */
export async function writeResults(results) {
	await writeFormatted('bench/results.json', JSON.stringify(results, null, '\t'));
	const path = 'BENCHMARKS.md';
	const existing = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
	const start = existing.indexOf(SECTION_START);
	const end = existing.indexOf(SECTION_END);
	const section = sectionText(results);
	const updated =
		start !== -1 && end > start
			? existing.slice(0, start) + section + existing.slice(end + SECTION_END.length)
			: `${existing.trimEnd()}\n\n${section}\n`;
	await writeFormatted(path, updated);
}
