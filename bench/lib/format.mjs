// Formats figures for the console and BENCHMARKS.md. KB and MB are binary (1024 and 1024²
// bytes), as in scripts/bundle-size.mjs.

export function formatMs(ms) {
	if (!Number.isFinite(ms)) return '–';
	if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
	if (Math.abs(ms) >= 100) return `${Math.round(ms)} ms`;
	return `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes) {
	if (!Number.isFinite(bytes)) return '–';
	const sign = bytes < 0 ? '−' : '';
	const size = Math.abs(bytes);
	if (size >= 1024 * 1024) return `${sign}${(size / (1024 * 1024)).toFixed(2)} MB`;
	if (size >= 1024) return `${sign}${(size / 1024).toFixed(1)} KB`;
	return `${sign}${size} B`;
}

export function formatCount(count) {
	return Number.isFinite(count) ? count.toLocaleString('en-US') : '–';
}

/** Formats `value` in `unit`: 'ms', 'bytes' or 'count'. */
export function formatValue(value, unit) {
	if (unit === 'ms') return formatMs(value);
	if (unit === 'bytes') return formatBytes(value);
	return formatCount(value);
}

/** Renders a Markdown table; prettier aligns the columns when the file is written. */
export function markdownTable(header, alignments, rows) {
	const line = (cells) => `| ${cells.join(' | ')} |`;
	return [line(header), line(alignments), ...rows.map(line)];
}
