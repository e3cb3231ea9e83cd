import { dev } from '$app/environment';
import { base } from '$app/paths';
import { createLogger } from '$lib/log';

/** Delay after which Cue registers the worker anyway, as when the server is down and Cue never becomes ready. */
const FALLBACK_MS = 10_000;

const log = createLogger('pwa');

/**
 * Registers the service worker once `isReady` turns true, or after 10 s. The first install
 * downloads the whole app for offline use, so registering at page load would compete with the
 * start (loading the player, opening the socket) for the network and the processor.
 */
export function registerServiceWorkerWhenReady(isReady: () => boolean): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	let registered = false;
	const register = () => {
		if (registered) return;
		registered = true;
		clearTimeout(fallback);
		queueMicrotask(() => stopWatching());
		const options: RegistrationOptions = { type: dev ? 'module' : 'classic' };
		navigator.serviceWorker
			.register(`${base}/service-worker.js`, options)
			.catch((error: unknown) => log.warn('registering the service worker failed', { error }));
	};
	const fallback = setTimeout(register, FALLBACK_MS);
	const stopWatching = $effect.root(() => {
		$effect(() => {
			if (isReady()) register();
		});
	});
}
