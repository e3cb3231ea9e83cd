// Records the results in bench/results.json and BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem, type, version } from 'node:os';

import { format, resolveConfig } from 'prettier';

import { METHOD } from './method.mjs';
import { clockLines } from './print.mjs';
import { goalLines, SECTIONS, sectionLines } from './tables.mjs';

/** Returns the distribution's name from /etc/os-release, or the kernel's where there is none. */
function operatingSystem() {
	const kernel = `${type()} ${release()}`;
	if (!existsSync('/etc/os-release')) return `${kernel} (${version()})`;
	const name = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
	return name ? `${name}, ${kernel}` : kernel;
}

/** Returns the 1-minute load average, to show whether other work shared the machine. */
export function loadAverage() {
	return Math.round(loadavg()[0] * 100) / 100;
}

/** Describes the machine the figures come from; `load` contains the load averages of the run. */
export function describeMachine(chromiumVersion, load) {
	const processors = cpus();
	return {
		cpuModel: processors[0]?.model ?? 'unknown',
		cores: processors.length,
		memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		os: operatingSystem(),
		platform: `${platform()} ${process.arch}`,
		node: process.version,
		chromium: chromiumVersion,
		load
	};
}

function headerLines(results) {
	const { machine } = results;
	return [
		'# Benchmarks',
		'',
		`Measured ${results.date} with \`${results.command}\` on ${machine.cpuModel}, ` +
			`${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}, ` +
			`Node ${machine.node} and Chromium ${machine.chromium} (headless, software rendering). ` +
			`The 1-minute load average was ${machine.load.start} at the start and ${machine.load.end} ` +
			`at the end.`,
		'The test server (tests/server, Jellyfin 10.11-compatible) and the built app run on',
		'127.0.0.1 of the same machine. Raw samples are in `bench/results.json`. Percentiles use the',
		'nearest-rank method. KB and MB are 1024 and 1024² bytes.',
		''
	];
}

function goalSection(results) {
	return [
		'## Goals',
		'',
		...goalLines(results.rows),
		'',
		'The jellyfin-web figures were measured with the same method (server-stamped frames,',
		'page-stamped media events) against a Jellyfin 10.11-compatible server; this script quotes',
		'them and does not measure jellyfin-web. A goal without a percentile is read at p95. A miss',
		'is reported here and does not fail the run.',
		''
	];
}

function markdown(results) {
	const lines = [...headerLines(results), ...goalSection(results)];
	for (const [section, title] of SECTIONS) {
		const table = sectionLines(section, results.rows);
		if (table.length === 0) continue;
		lines.push(`## ${title}`, '');
		if (METHOD[section]) lines.push(...METHOD[section], '');
		if (section === 'command') lines.push(...clockLines(results.clock), '');
		lines.push(...table, '');
		if (section === 'dead-link') lines.push(results.notes.join(' '), '');
	}
	return lines.join('\n');
}

/** Writes a file formatted as `npm run lint` expects. */
async function writeFormatted(path, text) {
	const options = (await resolveConfig(path)) ?? {};
	writeFileSync(path, await format(text, { ...options, filepath: path }));
}

/** Writes bench/results.json and BENCHMARKS.md. */
export async function writeResults(results) {
	await writeFormatted('bench/results.json', JSON.stringify(results, null, '\t'));
	await writeFormatted('BENCHMARKS.md', markdown(results));
}
