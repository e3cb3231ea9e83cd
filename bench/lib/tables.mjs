// Builds the Markdown tables that the console and BENCHMARKS.md show.
import { formatBytes, formatMs, formatValue, markdownTable } from './format.mjs';
import { evaluateGoals } from './goals.mjs';

/** Sections in print order, with their headings. */
export const SECTIONS = [
	['command', 'Command to action'],
	['checkin', 'Action to check-in'],
	['breakdown', 'Where command to action goes (medians, second instrumented page)'],
	['cold-start', 'Cold start'],
	['size', 'Size'],
	['memory', 'Memory'],
	['burst', 'Burst'],
	['fuzz', 'Fuzzing'],
	['reconnect', 'Reconnection'],
	['dead-link', 'Dead-link detection']
];

function timingTable(rows) {
	return markdownTable(
		['measurement', 'from → to', 'n', 'p50', 'p95', 'p99', 'max'],
		['---', '---', '--:', '--:', '--:', '--:', '--:'],
		rows.map((row) => [
			row.measurement,
			`${row.from} → ${row.to}`,
			String(row.count),
			formatMs(row.p50),
			formatMs(row.p95),
			formatMs(row.p99),
			formatMs(row.max)
		])
	);
}

function valueTable(rows) {
	return markdownTable(
		['measurement', 'value', 'detail'],
		['---', '--:', '---'],
		rows.map((row) => [row.measurement, formatValue(row.value, row.unit), row.detail ?? ''])
	);
}

function breakdownTable(rows) {
	return markdownTable(
		['step', 'n', 'frame → socket message', 'message → media call', 'media call → event'],
		['---', '--:', '--:', '--:', '--:'],
		rows.map((row) => [
			row.measurement,
			String(row.count),
			formatMs(row.toMessage),
			Number.isFinite(row.toCall) ? `${formatMs(row.toCall)} (${row.call})` : '–',
			formatMs(row.toEvent)
		])
	);
}

function sizeTable(rows) {
	return markdownTable(
		['measurement', 'gzipped', 'raw', 'detail'],
		['---', '--:', '--:', '---'],
		rows.map((row) => [row.measurement, formatBytes(row.gzip), formatBytes(row.raw), row.detail])
	);
}

function requestLines(rows) {
	const amount = ({ count, bytes }) => `${count} (${formatBytes(bytes)})`;
	return rows
		.filter((row) => row.requests)
		.map((row) => {
			const { beforeReady, total, page, serviceWorker, servedByWorker } = row.requests;
			return (
				`${row.measurement}, last run: ${amount(beforeReady)} page requests before ready; ` +
				`${amount(total)} over the network until it settles, of which ${amount(page)} from the ` +
				`page and ${amount(serviceWorker)} from the service worker's precache, and ` +
				`${servedByWorker} more page requests served by the service worker. Medians: ` +
				`DOMContentLoaded at ${formatMs(row.domContentLoaded.p50)}, socket open at ` +
				`${formatMs(row.socketOpen.p50)}. Measured CPU slowdown ×${row.measuredSlowdown.toFixed(1)}.`
			);
		});
}

/** Returns the lines of one section's table, or none when it has no rows. */
export function sectionLines(section, rows) {
	const inSection = rows.filter((row) => row.section === section);
	if (inSection.length === 0) return [];
	if (section === 'breakdown') return breakdownTable(inSection);
	if (section === 'size') return sizeTable(inSection);
	const timed = inSection.filter((row) => row.unit === 'ms' && row.count !== undefined);
	const valued = inSection.filter((row) => row.value !== undefined);
	const lines = [];
	if (timed.length > 0) lines.push(...timingTable(timed));
	if (timed.length > 0 && valued.length > 0) lines.push('');
	if (valued.length > 0) lines.push(...valueTable(valued));
	if (section === 'cold-start') lines.push('', ...requestLines(inSection));
	const notes = inSection.filter((row) => row.note).map((row) => row.note);
	if (notes.length > 0) lines.push('', ...notes);
	return lines;
}

/** Returns the goals table: each goal, Cue's figure, jellyfin-web's and pass or miss. */
export function goalLines(rows) {
	const goals = evaluateGoals(rows);
	return markdownTable(
		['goal', 'Cue', 'target', 'jellyfin-web', 'result'],
		['---', '--:', '--:', '--:', ':-:'],
		goals.map((goal) => {
			const stat = ['p95', 'max'].includes(goal.stat) ? `${goal.stat} ` : '';
			const bound = goal.atMost ? '≤' : '≥';
			return [
				goal.label,
				`${stat}${formatValue(goal.value, goal.unit)}`,
				`${bound} ${formatValue(goal.limit, goal.unit)}`,
				goal.reference,
				goal.met ? 'pass' : 'MISS'
			];
		})
	);
}
