/**
 * Query parameters read the way ASP.NET Core binds them: names are matched case-insensitively
 * and the first value wins.
 */
export class QueryParams {
	private readonly values = new Map<string, string[]>();

	constructor(search: URLSearchParams) {
		for (const [name, value] of search) {
			const key = name.toLowerCase();
			const list = this.values.get(key) ?? [];
			list.push(value);
			this.values.set(key, list);
		}
	}

	get(name: string): string | undefined {
		return this.values.get(name.toLowerCase())?.[0];
	}

	/** Returns every value given for `name`, e.g. `itemIds=a&itemIds=b`. */
	getAll(name: string): string[] {
		return this.values.get(name.toLowerCase()) ?? [];
	}

	has(name: string): boolean {
		return this.values.has(name.toLowerCase());
	}
}

/** Returns the query as a plain object for the event log, with token values replaced. */
export function queryForLog(search: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const [name, rawValue] of search) {
		const value = /^(api_?key)$/i.test(name) ? '[token]' : rawValue;
		const existing = result[name];
		if (existing === undefined) result[name] = value;
		else result[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return result;
}
