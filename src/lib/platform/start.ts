import { createLogger } from '$lib/log';
import type { MediaSessionDeps } from './media-session.svelte';

export interface PlatformDeps extends MediaSessionDeps {
	/** Reports Stopped for what is loaded and waits for pending reports, before an update reloads. */
	beforeReload(): Promise<void>;
}

const log = createLogger('platform');

/**
 * Starts what Cue does for tablets and installed apps: the system's media controls, the screen
 * wake lock and the check for new versions. Call it once per page. None of them is needed to show
 * the first screen, so their code loads on its own and they start a moment after this returns.
 */
export function startPlatformFeatures(deps: PlatformDeps): void {
	import('./features').then(
		(features) => features.startAll(deps),
		(error: unknown) => log.error('loading the platform features failed', { error })
	);
}
