import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expectPaused, expectPlaying, signIn, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote, SERVER_URL } from './support/remote';
import { checkInBody, checkInKind, checkIns, logCursor } from './support/server-log';

const BUILD_DIR = fileURLToPath(new URL('../../build', import.meta.url));

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

/** Reads the width and height from a PNG file's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('ascii'), 'PNG signature').toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Waits until a service worker is active and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Lists the URLs in all of the page origin's caches. */
async function cachedUrls(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			const requests = await (await caches.open(name)).keys();
			urls.push(...requests.map((request) => request.url));
		}
		return urls;
	});
}

test('manifest has the fields installs need', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/manifest.webmanifest');
	const response = await request.get(href!);
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest.name).toBe('Cue');
	expect(manifest.short_name).toBe('Cue');
	expect(manifest.display).toBe('standalone');
	expect(manifest.start_url).toBe('./');
	expect(manifest.scope).toBe('./');
	expect(manifest.background_color).toBe('#0f1620');
	expect(manifest.theme_color).toBe('#0f1620');

	const icons = manifest.icons as ManifestIcon[];
	for (const purpose of ['any', 'maskable']) {
		for (const size of [192, 512]) {
			const icon = icons.find(
				(entry) => entry.purpose === purpose && entry.sizes === `${size}x${size}`
			);
			expect(icon, `${purpose} icon of ${size} px`).toBeDefined();
			expect(icon!.type).toBe('image/png');
			const file = await request.get(new URL(icon!.src, response.url()).href);
			expect(file.ok(), icon!.src).toBe(true);
			expect(pngSize(await file.body()), icon!.src).toEqual({ width: size, height: size });
		}
	}
});

test('service worker activates and caches the shell', async ({ page }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	const scriptUrl = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
	expect(new URL(scriptUrl).pathname).toBe('/service-worker.js');
	const urls = await cachedUrls(page);
	const paths = urls.map((url) => new URL(url).pathname);
	expect(paths).toContain('/');
	expect(paths).toContain('/manifest.webmanifest');
	expect(paths.some((path) => path.startsWith('/_app/immutable/entry/'))).toBe(true);
});

test('offline reload shows the sign-in form', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	try {
		await page.reload();
		await expect(page.getByLabel('Server address')).toBeVisible();
	} finally {
		await context.setOffline(false);
	}
});

test('offline reload while signed in shows Offline', async ({ page, context }) => {
	await signIn(page);
	await waitForServiceWorker(page);
	await context.setOffline(true);
	try {
		await page.reload();
		const status = page.getByTestId('connection-status');
		await expect(status).toHaveAttribute('data-state', 'offline');
		await expect(status).toContainText('Offline');
	} finally {
		await context.setOffline(false);
	}
	// The link retries on the browser's `online` event.
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-controllable', 'true');
});

test('caches nothing from the media server', async ({ page }) => {
	const remote = await new Remote().signIn();
	const { session } = await signInAndFindSession(page, remote);
	await waitForServiceWorker(page);
	await remote.play(session.Id, [library.tracks[0].Id]);
	await expectPlaying(page);
	const artwork = page.locator('img[src*="/Images/Primary"]').first();
	await expect(artwork).toBeVisible();
	await expect
		.poll(() => artwork.evaluate((image: HTMLImageElement) => image.naturalWidth))
		.toBeGreaterThan(0);
	const urls = await cachedUrls(page);
	expect(urls.length).toBeGreaterThan(0);
	expect(urls.filter((url) => url.startsWith(SERVER_URL))).toEqual([]);
	const appOrigin = new URL(page.url()).origin;
	expect(urls.filter((url) => !url.startsWith(appOrigin))).toEqual([]);
});

test('Chromium rates the app installable', async ({ browser, launchOptions, baseURL }) => {
	// Playwright's default contexts are incognito-like, which alone makes an app not installable.
	const profile = mkdtempSync(join(tmpdir(), 'cue-install-'));
	const context = await browser
		.browserType()
		.launchPersistentContext(profile, { ...launchOptions, baseURL });
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		expect(new URL(manifest.url).pathname).toBe('/manifest.webmanifest');
		await expect
			.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors)
			.toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml'
};

/**
 * Serves build/ like a static host with an index.html fallback. `publishNewBuild()` then serves
 * the service worker with another version string, as the next deployment would: a new cache name
 * and a byte change that makes the browser install it as a waiting worker.
 */
class StaticHost {
	readonly url: string;
	#port: number;
	#version: string;
	#nextVersion: string | null = null;
	#server = createServer((request, response) => this.#serve(request.url ?? '/', response));

	constructor(port: number) {
		if (!existsSync(join(BUILD_DIR, 'index.html'))) {
			throw new Error(`No build in ${BUILD_DIR}; run npm run build first.`);
		}
		this.#port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.#version = JSON.parse(readFileSync(join(BUILD_DIR, '_app/version.json'), 'utf8')).version;
	}

	async listen(): Promise<this> {
		await new Promise<void>((resolve) => this.#server.listen(this.#port, '127.0.0.1', resolve));
		return this;
	}

	publishNewBuild(): string {
		this.#nextVersion = `${this.#version}-next`;
		return this.#nextVersion;
	}

	async close(): Promise<void> {
		await new Promise((resolve) => this.#server.close(resolve));
	}

	#serve(requestUrl: string, response: ServerResponse): void {
		const path = normalize(decodeURIComponent(new URL(requestUrl, this.url).pathname));
		let file = join(BUILD_DIR, path);
		if (!file.startsWith(BUILD_DIR) || !existsSync(file) || path.endsWith('/')) {
			file = join(BUILD_DIR, 'index.html');
		}
		let body: Buffer | string = readFileSync(file);
		if (path === '/service-worker.js' && this.#nextVersion) {
			body = body.toString('utf8').replaceAll(this.#version, this.#nextVersion);
		}
		response.writeHead(200, {
			'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
			'Cache-Control': 'no-cache'
		});
		response.end(body);
	}
}

/** Port of the static host for the update tests; the app's own server uses 4173. */
const UPDATE_HOST_PORT = 4183;

test.describe('update banner', () => {
	let host: StaticHost;

	test.use({ baseURL: `http://127.0.0.1:${UPDATE_HOST_PORT}` });

	test.beforeEach(async () => {
		host = await new StaticHost(UPDATE_HOST_PORT).listen();
	});

	test.afterEach(async () => {
		await host.close();
	});

	/** Publishes a new build, has the browser find it, and returns the new cache name. */
	async function publishAndCheck(page: Page): Promise<string> {
		const version = host.publishNewBuild();
		await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
		return `cue-shell-${version}`;
	}

	/** Marks the current document, so that a reload shows as the marker's absence. */
	async function markPage(page: Page): Promise<void> {
		await page.evaluate(() => Object.assign(window, { loadMarker: true }));
	}

	async function sameDocument(page: Page): Promise<boolean> {
		return page.evaluate(() => 'loadMarker' in window);
	}

	test('reloads into the new version on request', async ({ page }) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await markPage(page);
		const cacheName = await publishAndCheck(page);

		const banner = page.getByTestId('update-banner');
		await expect(banner).toContainText('A new version of Cue is ready.');
		expect(await sameDocument(page), 'no reload before the person agrees').toBe(true);

		await Promise.all([
			page.waitForEvent('load'),
			banner.getByRole('button', { name: 'Reload', exact: true }).click()
		]);
		expect(await sameDocument(page)).toBe(false);
		await expect(banner).toHaveCount(0);
		await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([cacheName]);
	});

	test('Later hides the banner without reloading', async ({ page }) => {
		await page.goto('/');
		await waitForServiceWorker(page);
		await markPage(page);
		await publishAndCheck(page);
		const banner = page.getByTestId('update-banner');
		await banner.getByRole('button', { name: 'Later' }).click();
		await expect(banner).toHaveCount(0);
		expect(await sameDocument(page)).toBe(true);
	});

	test('waits for playback to end before reloading', async ({ page }) => {
		const remote = await new Remote().signIn();
		const { session } = await signInAndFindSession(page, remote);
		await waitForServiceWorker(page);
		await remote.play(session.Id, [library.longAudio.Id]);
		await expectPlaying(page);
		await markPage(page);
		const cacheName = await publishAndCheck(page);

		const banner = page.getByTestId('update-banner');
		await expect(banner).toContainText('does not reload while something plays');
		await banner.getByRole('button', { name: 'Reload after playback' }).click();
		await expect(banner).toContainText('when playback ends');
		await expect(banner.getByRole('button', { name: /Reload/ })).toHaveCount(0);
		await expectPlaying(page);
		expect(await sameDocument(page), 'no reload while playing').toBe(true);

		await Promise.all([page.waitForEvent('load'), remote.playstate(session.Id, 'Stop')]);
		expect(await sameDocument(page)).toBe(false);
		await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([cacheName]);
	});

	test('reload while paused reports Stopped first', async ({ page }) => {
		const remote = await new Remote().signIn();
		const { deviceId, session } = await signInAndFindSession(page, remote);
		await waitForServiceWorker(page);
		const track = library.tracks[0];
		await remote.play(session.Id, [track.Id]);
		await expectPlaying(page);
		await remote.playstate(session.Id, 'Pause');
		await expectPaused(page);
		await publishAndCheck(page);

		const since = await logCursor();
		const banner = page.getByTestId('update-banner');
		await Promise.all([
			page.waitForEvent('load'),
			banner.getByRole('button', { name: 'Reload', exact: true }).click()
		]);
		const stopped = (await checkIns(since, deviceId)).filter(
			(event) => checkInKind(event) === 'stopped'
		);
		expect(stopped).toHaveLength(1);
		expect(checkInBody(stopped[0]).ItemId).toBe(track.Id);
		await expect.poll(async () => (await remote.session(deviceId))?.NowPlayingItem).toBeUndefined();
	});
});
