import { serviceWorkerUpdates } from '$lib/pwa/updates.svelte';
import { player } from '$lib/stores/player.svelte';
import { startMediaSession } from './media-session.svelte';
import type { PlatformDeps } from './start';
import { startScreenWakeLock } from './wake-lock.svelte';

/** Starts the system's media controls, the screen wake lock and the check for new versions. */
export function startAll(deps: PlatformDeps): void {
	startMediaSession(deps);
	startScreenWakeLock();
	serviceWorkerUpdates.start({ status: () => player.status, beforeReload: deps.beforeReload });
}
