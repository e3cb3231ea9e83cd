import { createLogger } from '$lib/log';
import { ApiError, kindForStatus } from './errors';
import { REQUEST_TIMEOUT_MS } from './http';

/** Below the 64 KiB that browsers allow for the bodies of all pending keepalive requests. */
const MAX_KEEPALIVE_BODY_BYTES = 60_000;

const log = createLogger('api');

/**
 * The playback check-in requests: `POST /Sessions/Playing`, `…/Progress` and `…/Stopped`. They
 * call `fetch` directly in the caller's task, because controllers wait for each check-in. The
 * other requests go through ky.
 */
export class CheckInApi {
	#baseUrl: string;
	#headers: () => Record<string, string>;

	constructor(baseUrl: string, headers: () => Record<string, string>) {
		this.#baseUrl = baseUrl;
		this.#headers = headers;
	}

	start(body: Record<string, unknown>): Promise<void> {
		return this.#post('Sessions/Playing', body, 'Start check-in');
	}

	progress(body: Record<string, unknown>): Promise<void> {
		return this.#post('Sessions/Playing/Progress', body, 'Progress check-in');
	}

	stopped(body: Record<string, unknown>): Promise<void> {
		return this.#post('Sessions/Playing/Stopped', body, 'Stop check-in');
	}

	async #post(path: string, body: Record<string, unknown>, what: string): Promise<void> {
		let response: Response;
		try {
			response = await fetch(`${this.#baseUrl}/${path}`, {
				method: 'POST',
				headers: { ...this.#headers(), 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
			});
		} catch (error) {
			if (error instanceof DOMException && error.name === 'TimeoutError') {
				throw new ApiError('timeout', `${what} timed out after ${REQUEST_TIMEOUT_MS / 1000} s`);
			}
			throw new ApiError('unreachable', `${what} failed: the server could not be reached`);
		}
		void response.body?.cancel().catch(() => undefined);
		if (!response.ok) {
			const status = response.status;
			throw new ApiError(kindForStatus(status), `${what} failed with HTTP ${status}`, status);
		}
	}

	/**
	 * Sends a Stopped report with `fetch(…, { keepalive: true })`, which the browser completes
	 * after the page is gone. sendBeacon cannot carry the authorization headers. Browsers cap the
	 * bodies of pending keepalive requests at 64 KiB in total, so a long NowPlayingQueue is left out.
	 */
	stoppedOnExit(body: Record<string, unknown>): void {
		let text = JSON.stringify(body);
		if (new TextEncoder().encode(text).length > MAX_KEEPALIVE_BODY_BYTES) {
			text = JSON.stringify({ ...body, NowPlayingQueue: undefined });
		}
		const headers = { ...this.#headers(), 'Content-Type': 'application/json' };
		fetch(`${this.#baseUrl}/Sessions/Playing/Stopped`, {
			method: 'POST',
			keepalive: true,
			headers,
			body: text
		}).catch((error) => log.warn('the Stopped report on exit failed', { error }));
	}
}
