// One Chromium page signed in to the test server, plus readers for the server's test log and
// the fault API. The same steps as the end-to-end helpers, written for plain Node.
import { existsSync } from 'node:fs';

import { chromium } from '@playwright/test';

import { addMediaProbe } from './media-probe.mjs';
import { ServerLog } from './server-log.mjs';

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

/** Signs in to the test server as the demo user on a page that shows Cue's sign-in form. */
export async function signInOnPage(page, serverUrl) {
	await page.goto('/');
	await page.getByLabel('Server address').fill(serverUrl);
	await page.getByLabel('Username').fill('demo');
	await page.getByLabel('Password').fill('demo');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await waitControllable(page, 20_000);
	return page.evaluate(() => localStorage.getItem('cue.deviceId'));
}

/** Waits until Cue's status shows that controllers can reach it. */
export async function waitControllable(page, timeoutMs) {
	const selector = '[data-testid="connection-status"][data-controllable="true"]';
	await page.locator(selector).waitFor({ timeout: timeoutMs });
}

export class BenchPlayer {
	browser;
	serverUrl;
	appUrl;
	log;
	page;
	deviceId = '';

	constructor(browser, page, { serverUrl, appUrl }) {
		this.browser = browser;
		this.page = page;
		this.serverUrl = serverUrl;
		this.appUrl = appUrl;
		this.log = new ServerLog(serverUrl);
	}

	static async launch({ serverUrl, appUrl }) {
		const browser = await chromium.launch({ executablePath: findChromium(), args: BROWSER_ARGS });
		const page = await browser.newPage({ baseURL: appUrl });
		await addMediaProbe(page);
		return new BenchPlayer(browser, page, { serverUrl, appUrl });
	}

	get browserVersion() {
		return this.browser.version();
	}

	async signIn() {
		this.deviceId = await signInOnPage(this.page, this.serverUrl);
	}

	waitControllable(timeoutMs) {
		return waitControllable(this.page, timeoutMs);
	}

	/** Returns the server's session id for this page's device. */
	sessionId() {
		return this.log.sessionIdOf(this.deviceId);
	}

	fault(path) {
		return this.log.post(path);
	}

	readLog(since) {
		return this.log.read(since);
	}

	cursor() {
		return this.log.cursor();
	}

	waitForEvent(since, predicate, description, timeoutMs) {
		return this.log.waitFor(since, predicate, description, timeoutMs);
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
		await this.browser.close();
	}
}
