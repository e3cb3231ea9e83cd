import type { PlaybackEngine } from '$lib/player/engine';
import type { CheckInReporter } from '$lib/player/reporter';
import { takeSnapshot } from '$lib/player/snapshot';
import { player } from '$lib/stores/player.svelte';
import type { ResumeKeeper } from './resume.svelte';

export interface PageLifecycleDeps {
	resumer: ResumeKeeper;
	engine: PlaybackEngine;
	sendStoppedOnExit(): boolean;
}

/**
 * Reports Stopped for what the engine has loaded with a request that outlives the page, through
 * the reporter, which sends it once per play session. Returns whether it sent one.
 */
export function sendStoppedOnExit(engine: PlaybackEngine, reporter: CheckInReporter): boolean {
	const loaded = player.loaded;
	if (!loaded) return false;
	const media = engine.media;
	const shuffled = player.sortedOrder !== null;
	const snapshot = takeSnapshot(media, loaded, player.queue, player.repeatMode, shuffled);
	// Before its metadata the element reads 0, but the store has the position it is about to seek to.
	if (media.readyState < HTMLMediaElement.HAVE_METADATA) {
		snapshot.positionSeconds = player.positionSeconds;
	}
	return reporter.stoppedOnExit(snapshot);
}

/**
 * Saves the resume state whenever the page is hidden or frozen, because a tablet may discard such
 * a tab without any further event, and reports Stopped when the page goes away. The resume state
 * stays after pagehide, so the next load comes back paused where this one was. When the page is
 * shown again, as after unlocking a tablet, a progress report brings the server's position up to
 * date at once, in case the browser throttled the periodic reports in the background.
 */
export function watchPageLifecycle(deps: PageLifecycleDeps): void {
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') deps.resumer.saveNow();
		else deps.engine.reportProgress('timeupdate');
	});
	document.addEventListener('freeze', () => deps.resumer.saveNow());
	document.addEventListener('resume', () => deps.engine.reportProgress('timeupdate'));
	window.addEventListener('pagehide', () => deps.resumer.saveNow(deps.sendStoppedOnExit()));
	window.addEventListener('pageshow', (event) => {
		// A page restored from the back-forward cache has reported Stopped: load it again, paused.
		if (event.persisted && player.loaded) {
			void deps.engine.loadCurrent(player.positionSeconds, { startPaused: true });
		}
	});
}
