// Reads the test server's event log (`GET /__test/log`) and calls its control API.

export class ServerLog {
	#serverUrl;

	constructor(serverUrl) {
		this.#serverUrl = serverUrl;
	}

	/** Returns `{ next, events }`: the events after sequence number `since`. */
	async read(since) {
		const response = await fetch(`${this.#serverUrl}/__test/log?since=${since}`);
		if (!response.ok) throw new Error(`reading the server log failed: HTTP ${response.status}`);
		return response.json();
	}

	/** Returns the sequence number of the newest event, to pass as `since` later. */
	async cursor() {
		return (await this.read(Number.MAX_SAFE_INTEGER)).next;
	}

	/** Polls the log until an event after `since` matches, and returns it. */
	async waitFor(since, predicate, description, timeoutMs) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const found = (await this.read(since)).events.find(predicate);
			if (found) return found;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${description}`);
	}

	/** Sends a POST to the control API, such as `/restart?downMs=2000`. */
	async post(path, body) {
		const response = await fetch(`${this.#serverUrl}/__test${path}`, { method: 'POST', body });
		if (!response.ok) throw new Error(`POST /__test${path} failed: HTTP ${response.status}`);
	}

	/** Returns the demo item ids that `GET /__test/library` lists. */
	async libraryIds() {
		const response = await fetch(`${this.#serverUrl}/__test/library`);
		if (!response.ok) throw new Error(`GET /__test/library failed: HTTP ${response.status}`);
		return (await response.json()).ids;
	}

	/** Returns the id of the session of `deviceId` that has an open socket. */
	async sessionIdOf(deviceId) {
		const response = await fetch(`${this.#serverUrl}/__test/sessions`);
		if (!response.ok) throw new Error(`GET /__test/sessions failed: HTTP ${response.status}`);
		const summaries = await response.json();
		const found = summaries.find(
			(summary) => summary.session.DeviceId === deviceId && summary.openSocketCount > 0
		);
		if (!found) throw new Error(`no session with an open socket for device ${deviceId}`);
		return found.session.Id;
	}
}

/** Returns whether `event` is a check-in POST of `deviceId` to `path` that the server accepted. */
export function isCheckIn(event, deviceId, path) {
	return (
		event.kind === 'http' &&
		event.method === 'POST' &&
		event.path === path &&
		event.deviceId === deviceId &&
		event.status === 204
	);
}

export const START_PATH = '/Sessions/Playing';
export const PROGRESS_PATH = '/Sessions/Playing/Progress';

/**
 * Returns whether the server received a CORS preflight (OPTIONS) for `path` between two of its
 * times. Chromium keeps a preflight for 5 s, and Jellyfin sends no Access-Control-Max-Age, so a
 * check-in more than 5 s after the last one to its path waits for a round trip first.
 */
export function hadPreflight(events, path, fromHrTime, toHrTime) {
	return events.some(
		(entry) =>
			entry.kind === 'http' &&
			entry.method === 'OPTIONS' &&
			entry.path === path &&
			entry.receivedHrTime >= fromHrTime &&
			entry.receivedHrTime <= toHrTime
	);
}

/** Describes how many samples waited for a preflight, and the others' p50 and p95. */
export function preflightNote(label, results, formatMs, quantile) {
	const direct = results.filter((result) => !result.preflight).map((result) => result.ms);
	return (
		`${label}: ${results.length - direct.length} of ${results.length} samples waited for a ` +
		'CORS preflight (OPTIONS) first; the others alone: p50 ' +
		`${formatMs(quantile(direct, 0.5))}, p95 ${formatMs(quantile(direct, 0.95))}.`
	);
}
