// Sends commands to Cue the two ways a benchmark needs: as a controller (a phone app) through the
// server's session endpoints, and as raw socket frames through the test API.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';

export const TICKS_PER_SECOND = 10_000_000;

/** A controller with its own DeviceId, signed in as the demo user like a phone's Jellyfin app. */
export class BenchRemote {
	#serverUrl;
	#deviceId = `bench-remote-${randomUUID()}`;
	#token = '';

	constructor(serverUrl) {
		this.#serverUrl = serverUrl;
	}

	#authorization() {
		const fields = [
			'Client="Cue Bench"',
			'Device="Bench Remote"',
			`DeviceId="${this.#deviceId}"`,
			'Version="1.0.0"'
		];
		if (this.#token) fields.push(`Token="${this.#token}"`);
		return `MediaBrowser ${fields.join(', ')}`;
	}

	async signIn() {
		const response = await fetch(`${this.#serverUrl}/Users/AuthenticateByName`, {
			method: 'POST',
			headers: { Authorization: this.#authorization(), 'Content-Type': 'application/json' },
			body: JSON.stringify({ Username: 'demo', Pw: 'demo' })
		});
		if (!response.ok) throw new Error(`the bench remote's sign-in failed: HTTP ${response.status}`);
		this.#token = (await response.json()).AccessToken;
		return this;
	}

	async #post(path, body) {
		const headers = { Authorization: this.#authorization() };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(`${this.#serverUrl}${path}`, {
			method: 'POST',
			headers,
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (response.status !== 204) {
			throw new Error(`POST ${path} returned HTTP ${response.status}: ${await response.text()}`);
		}
	}

	/** Sends Play with `playCommand` (PlayNow by default) for `itemIds`. */
	play(sessionId, itemIds, playCommand = 'PlayNow') {
		const query = new URLSearchParams({ playCommand, itemIds: itemIds.join(',') });
		return this.#post(`/Sessions/${sessionId}/Playing?${query}`);
	}

	/** Sends a Playstate command such as Pause, Unpause or Seek (with `seekSeconds`). */
	playstate(sessionId, command, seekSeconds) {
		const query =
			seekSeconds === undefined
				? ''
				: `?seekPositionTicks=${Math.round(seekSeconds * TICKS_PER_SECOND)}`;
		return this.#post(`/Sessions/${sessionId}/Playing/${command}${query}`);
	}

	/** Sends a GeneralCommand, such as SetVolume with `{ Volume: 40 }`. */
	command(sessionId, name, args = {}) {
		return this.#post(`/Sessions/${sessionId}/Command`, { Name: name, Arguments: args });
	}
}

/**
 * Sends each text in `frames` as its own socket frame to the session, through
 * `POST /__test/sessions/{id}/raw`. The requests are pipelined on one HTTP/1.1 connection, and
 * the server handles them in order, so thousands of frames leave in about a second.
 * Resolves once every request has its response, and rejects when a response is not 204.
 */
export function sendRawFrames(serverUrl, sessionId, frames) {
	const { hostname, port } = new URL(serverUrl);
	const path = `/__test/sessions/${sessionId}/raw`;
	const requests = frames.map((frame) => {
		const length = Buffer.byteLength(frame);
		return `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Length: ${length}\r\n\r\n${frame}`;
	});
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname);
		let responses = 0;
		let pending = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk) => {
			pending += chunk;
			const statusLine = /HTTP\/1\.1 (\d{3})/g;
			let consumed = 0;
			for (let match = statusLine.exec(pending); match; match = statusLine.exec(pending)) {
				if (match[1] !== '204') {
					socket.destroy();
					reject(new Error(`POST ${path} failed with HTTP ${match[1]}; 404 means no open socket`));
					return;
				}
				responses += 1;
				consumed = statusLine.lastIndex;
			}
			// Keeps the text after the last whole status line, which may be the start of the next.
			pending = pending.slice(consumed);
			if (responses >= frames.length) {
				socket.end();
				resolve();
			}
		});
		socket.on('error', reject);
		socket.on('close', () => {
			if (responses < frames.length) {
				reject(
					new Error(
						`the server closed the connection after ${responses} of ${frames.length} raw frame responses`
					)
				);
			}
		});
		socket.write(requests.join(''));
	});
}
