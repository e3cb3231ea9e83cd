import type { RetryReason } from './link-scheduler';

export interface RetryTriggerHandlers {
	retry(reason: RetryReason): void;
	networkChanged(online: boolean): void;
}

/**
 * Listens for the browser events after which a failed link deserves an attempt at once: the
 * network coming back, the page becoming visible, and the page being shown again from the
 * back-forward cache. Returns the function that removes the listeners.
 */
export function listenForRetryTriggers(handlers: RetryTriggerHandlers): () => void {
	const onOnline = () => {
		handlers.networkChanged(true);
		handlers.retry('online');
	};
	const onOffline = () => handlers.networkChanged(false);
	const onPageShow = () => handlers.retry('pageshow');
	const onVisibilityChange = () => {
		if (document.visibilityState === 'visible') handlers.retry('visible');
	};
	window.addEventListener('online', onOnline);
	window.addEventListener('offline', onOffline);
	window.addEventListener('pageshow', onPageShow);
	document.addEventListener('visibilitychange', onVisibilityChange);
	return () => {
		window.removeEventListener('online', onOnline);
		window.removeEventListener('offline', onOffline);
		window.removeEventListener('pageshow', onPageShow);
		document.removeEventListener('visibilitychange', onVisibilityChange);
	};
}
