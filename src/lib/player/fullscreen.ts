import { createLogger } from '$lib/log';
import { view } from '$lib/stores/view.svelte';

const log = createLogger('fullscreen');

/**
 * Toggles fullscreen. Browsers allow requestFullscreen() only during a user gesture, which a
 * remote command never is, so when the request is rejected the stage fills the window instead.
 */
export async function toggleFullscreen(): Promise<void> {
	if (document.fullscreenElement) {
		await document.exitFullscreen().catch((error) => log.warn('exitFullscreen failed', { error }));
		return;
	}
	if (view.expanded) {
		view.expanded = false;
		return;
	}
	try {
		await document.documentElement.requestFullscreen();
	} catch {
		log.info('requestFullscreen was rejected without a user gesture; filling the window instead');
		view.expanded = true;
	}
}
