// Compares the order in which Cue applied commands with the order in which they were sent.

/** Returns the length of the longest strictly increasing subsequence of `values`. */
export function longestIncreasing(values) {
	const tails = [];
	for (const value of values) {
		let low = 0;
		let high = tails.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (tails[middle] < value) low = middle + 1;
			else high = middle;
		}
		tails[low] = value;
	}
	return tails.length;
}

/**
 * Returns `{ lost, outOfOrder }` for the keys in `applied` against `sent`: the sent keys never
 * applied, and the applied keys that would have to move to restore the sent order.
 */
export function compareOrder(sent, applied) {
	const appliedKeys = new Set(applied);
	const lost = sent.filter((key) => !appliedKeys.has(key)).length;
	const positions = applied.map((key) => sent.indexOf(key)).filter((index) => index !== -1);
	return { lost, outOfOrder: positions.length - longestIncreasing(positions) };
}
