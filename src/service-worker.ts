/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Caches Cue's app shell so that it starts offline. SvelteKit builds this file and registers it.
// Each build has its own cache, and a new build waits until the page sends it a message to take over
// (see src/lib/pwa/updates.svelte.ts), so a page never mixes files of two builds.
import { base, build, files, version } from '$service-worker';

import { isSkipWaitingMessage } from '$lib/pwa/messages';
import { chooseResponseSource } from '$lib/pwa/request-routing';

const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'cue-shell-';
const CACHE_NAME = `${CACHE_PREFIX}${version}`;
/** The page that the static host serves for the app's root: the single-page app's shell. */
const SHELL_URL = `${base}/`;
/** Audio and video files in static/ stay out of the precache, because they can be large. */
const MEDIA_FILE = /\.(?:mp4|m4v|webm|mkv|mov|mp3|m4a|aac|flac|ogg|opus|wav)$/i;
const PRECACHED_PATHS: ReadonlySet<string> = new Set([
	...build,
	...files.filter((path) => !MEDIA_FILE.test(path))
]);

worker.addEventListener('install', (event) => {
	event.waitUntil(Promise.all([cacheAppShell(), routeServerRequestsToNetwork(event)]));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(deleteOldCaches().then(() => worker.clients.claim()));
});

worker.addEventListener('message', (event) => {
	if (isSkipWaitingMessage(event.data)) void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
	const source = chooseResponseSource(event.request, worker.location.origin, PRECACHED_PATHS);
	if (source === 'network') return;
	event.respondWith(respondFromCache(event.request, source === 'shell'));
});

interface RouterRule {
	condition: Record<string, unknown>;
	source: 'network';
}

/**
 * Sends every request to another origin (the media server: API calls, check-ins, streams) and
 * every non-GET straight to the network, without a fetch event, where the browser has static
 * routes (Chromium). Waking the worker for each request would add milliseconds to every check-in
 * and command, and the worker only ever passes them on. Elsewhere the fetch handler passes them on.
 */
async function routeServerRequestsToNetwork(event: ExtendableEvent): Promise<void> {
	const install = event as ExtendableEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> };
	if (!install.addRoutes || typeof URLPattern === 'undefined') return;
	const own = new URL(worker.location.origin);
	const ownOrigin = new URLPattern({
		protocol: own.protocol.slice(0, -1),
		hostname: own.hostname,
		port: own.port
	});
	try {
		await install.addRoutes([
			{ condition: { not: { urlPattern: ownOrigin } }, source: 'network' },
			{ condition: { not: { requestMethod: 'GET' } }, source: 'network' }
		]);
	} catch (error) {
		console.warn(
			'[cue:worker] static routes were refused; the fetch handler routes instead',
			error
		);
	}
}

async function cacheAppShell(): Promise<void> {
	const cache = await caches.open(CACHE_NAME);
	await cache.addAll([...PRECACHED_PATHS, SHELL_URL]);
}

async function deleteOldCaches(): Promise<void> {
	const names = await caches.keys();
	const old = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME);
	await Promise.all(old.map((name) => caches.delete(name)));
}

/**
 * Responds from this build's cache, and from the network when the entry is missing. Navigations
 * get the cached shell even online: the shell belongs to this worker's build, and a newer build
 * arrives as a waiting worker that the person chooses to activate.
 */
async function respondFromCache(request: Request, asShell: boolean): Promise<Response> {
	const cache = await caches.open(CACHE_NAME);
	const cached = await cache.match(asShell ? SHELL_URL : new URL(request.url).pathname);
	return cached ?? fetch(request);
}
