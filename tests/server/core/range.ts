/** A byte range [start, end] with an inclusive end, as in `Content-Range`. */
export interface ByteRange {
	start: number;
	end: number;
}

export type RangeResult =
	{ kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

/**
 * Interprets a `Range` header for a resource of `size` bytes like ASP.NET Core's static files.
 * One `bytes=` range is served as 206. A header it cannot parse, or one with several ranges, is
 * ignored (200 with the whole body). A range that starts past the end is a 416.
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
	if (header === undefined) return { kind: 'full' };
	const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
	if (match === null) return { kind: 'full' };
	const [, first = '', last = ''] = match;
	if (first === '' && last === '') return { kind: 'full' };

	if (first === '') {
		const suffix = Number(last);
		if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
		return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } };
	}
	const start = Number(first);
	const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
	if (last !== '' && Number(last) < start) return { kind: 'full' };
	if (start >= size) return { kind: 'unsatisfiable' };
	return { kind: 'partial', range: { start, end } };
}
