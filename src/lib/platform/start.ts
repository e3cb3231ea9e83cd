import { serviceWorkerUpdates } from '$lib/pwa/updates.svelte';
import { startMediaSession, type MediaSessionDeps } from './media-session.svelte';
import { startScreenWakeLock } from './wake-lock.svelte';

export interface PlatformDeps extends MediaSessionDeps {
	/** Reports Stopped for what is loaded and waits for pending reports, before an update reloads. */
	beforeReload(): Promise<void>;
}

/**
 * Starts what Cue does for tablets and installed apps: the system's media controls, the screen
 * wake lock and the check for new versions. Call it once per page.
 */
export function startPlatformFeatures(deps: PlatformDeps): void {
	startMediaSession(deps);
	startScreenWakeLock();
	serviceWorkerUpdates.start(deps.beforeReload);
}
