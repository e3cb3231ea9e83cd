// One Chromium page signed in to the test server, plus readers for the server's test log and
// the fault API. The same steps as the end-to-end helpers, written for plain Node.
import { existsSync } from 'node:fs';

import { chromium } from '@playwright/test';

const BROWSER_ARGS = [
	'--autoplay-policy=no-user-gesture-required',
	'--disable-gpu',
	'--disable-quic',
	'--disable-sync',
	// Keep Chromium from looking up Google's hosts; loopback addresses still resolve.
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'
];

function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', chromium.executablePath()];
	const found = candidates.find((path) => path && existsSync(path));
	if (!found) throw new Error('No Chromium found: install one or set CHROMIUM_PATH.');
	return found;
}

export class BenchPlayer {
	#browser;
	#serverUrl;
	page;
	deviceId = '';

	constructor(browser, page, serverUrl) {
		this.#browser = browser;
		this.page = page;
		this.#serverUrl = serverUrl;
	}

	static async launch({ serverUrl, appUrl }) {
		const browser = await chromium.launch({ executablePath: findChromium(), args: BROWSER_ARGS });
		const page = await browser.newPage({ baseURL: appUrl });
		return new BenchPlayer(browser, page, serverUrl);
	}

	get browserVersion() {
		return this.#browser.version();
	}

	async signIn() {
		const { page } = this;
		await page.goto('/');
		await page.getByLabel('Server address').fill(this.#serverUrl);
		await page.getByLabel('Username').fill('demo');
		await page.getByLabel('Password').fill('demo');
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await this.waitControllable(20_000);
		this.deviceId = await page.evaluate(() => localStorage.getItem('cue.deviceId'));
	}

	async waitControllable(timeoutMs) {
		const selector = '[data-testid="connection-status"][data-controllable="true"]';
		await this.page.locator(selector).waitFor({ timeout: timeoutMs });
	}

	async fault(path) {
		const response = await fetch(`${this.#serverUrl}/__test${path}`, { method: 'POST' });
		if (!response.ok) throw new Error(`POST /__test${path} failed: HTTP ${response.status}`);
	}

	async readLog(since) {
		const response = await fetch(`${this.#serverUrl}/__test/log?since=${since}`);
		if (!response.ok) throw new Error(`reading the server log failed: HTTP ${response.status}`);
		return response.json();
	}

	async cursor() {
		return (await this.readLog(Number.MAX_SAFE_INTEGER)).next;
	}

	/** Polls the server log until an event after `since` matches, and returns it. */
	async waitForEvent(since, predicate, description, timeoutMs) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const found = (await this.readLog(since)).events.find(predicate);
			if (found) return found;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${description}`);
	}

	/** Returns the ws-open of this device's next socket after `since`. */
	waitForOpen(since, timeoutMs) {
		return this.waitForEvent(
			since,
			(event) => event.kind === 'ws-open' && event.deviceId === this.deviceId,
			'a new socket',
			timeoutMs
		);
	}

	/** Returns this device's first capabilities POST after `since`. */
	waitForCapabilities(since, timeoutMs) {
		return this.waitForEvent(
			since,
			(event) =>
				event.kind === 'http' &&
				event.deviceId === this.deviceId &&
				event.path === '/Sessions/Capabilities/Full' &&
				event.status === 204,
			'the capabilities POST',
			timeoutMs
		);
	}

	async close() {
		await this.#browser.close();
	}
}
