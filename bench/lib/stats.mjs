/** Returns the value at quantile `q` (0–1) of `values` by the nearest-rank method. */
export function quantile(values, q) {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[rank - 1];
}

/** Summarises samples in milliseconds as count, p50, p95, p99 and max. */
export function summarise(values) {
	return {
		count: values.length,
		p50: quantile(values, 0.5),
		p95: quantile(values, 0.95),
		p99: quantile(values, 0.99),
		max: values.length === 0 ? Number.NaN : Math.max(...values)
	};
}
