import type { KyInstance } from 'ky';

import { createLogger } from '$lib/log';
import { requestVoid } from './http';

/** Below the 64 KiB that browsers allow for the bodies of all pending keepalive requests. */
const MAX_KEEPALIVE_BODY_BYTES = 60_000;

const log = createLogger('api');

/** The playback check-in requests: `POST /Sessions/Playing`, `…/Progress` and `…/Stopped`. */
export class CheckInApi {
	#http: KyInstance;
	#baseUrl: string;
	#headers: () => Record<string, string>;

	constructor(http: KyInstance, baseUrl: string, headers: () => Record<string, string>) {
		this.#http = http;
		this.#baseUrl = baseUrl;
		this.#headers = headers;
	}

	start(body: Record<string, unknown>): Promise<void> {
		const options = { method: 'post', json: body };
		return requestVoid(this.#http, 'Sessions/Playing', options, 'Start check-in');
	}

	progress(body: Record<string, unknown>): Promise<void> {
		const options = { method: 'post', json: body };
		return requestVoid(this.#http, 'Sessions/Playing/Progress', options, 'Progress check-in');
	}

	stopped(body: Record<string, unknown>): Promise<void> {
		const options = { method: 'post', json: body };
		return requestVoid(this.#http, 'Sessions/Playing/Stopped', options, 'Stop check-in');
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
