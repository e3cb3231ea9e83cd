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
	event.waitUntil(cacheAppShell());
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
