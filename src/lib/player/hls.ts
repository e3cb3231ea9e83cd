/**
 * Plays an HLS playlist in the media element: natively where the browser can (Safari, and
 * Chromium with its built-in HLS player), otherwise through hls.js over Media Source Extensions.
 * hls.js is loaded with a dynamic import only when a stream needs it, so it stays out of the
 * initial bundle.
 */
import type { ErrorData } from 'hls.js';

import { readStorage } from '$lib/identity';
import { createLogger } from '$lib/log';

/** A stream put into the element; `destroy` takes it out again. */
export interface StreamHandle {
	destroy(): void;
}

/** localStorage key that, set to "1", makes Cue use hls.js even where HLS plays natively. */
export const FORCE_HLS_JS_KEY = 'cue.debug.forceHlsJs';

const HLS_MIME_TYPE = 'application/vnd.apple.mpegurl';

const log = createLogger('hls');

export function playsHlsNatively(media: HTMLMediaElement): boolean {
	return media.canPlayType(HLS_MIME_TYPE) !== '';
}

export function hlsJsForced(): boolean {
	return readStorage(FORCE_HLS_JS_KEY) === '1';
}

function describeError(data: ErrorData): string {
	const status = data.response?.code ? ` (HTTP ${data.response.code})` : '';
	return `the HLS stream failed: ${data.details}${status}`;
}

/**
 * Starts loading `url` into `media`. `onFatalError` receives errors hls.js cannot recover from;
 * a natively played stream reports its errors through the element's `error` event instead.
 * Throws when the browser can play HLS neither natively nor through hls.js.
 */
export async function attachHls(
	media: HTMLMediaElement,
	url: string,
	onFatalError: (message: string) => void,
	forceHlsJs = hlsJsForced()
): Promise<StreamHandle> {
	if (!forceHlsJs && playsHlsNatively(media)) {
		media.src = url;
		return { destroy: () => {} };
	}
	const { default: Hls } = await import('hls.js/light');
	if (!Hls.isSupported()) {
		throw new Error(
			'this browser can play HLS streams neither natively nor through hls.js (no Media Source Extensions)'
		);
	}
	log.info('playing the HLS stream through hls.js');
	const hls = new Hls();
	hls.on(Hls.Events.ERROR, (_event, data) => {
		if (data.fatal) onFatalError(describeError(data));
		else log.debug('hls.js recovered from an error', { details: data.details });
	});
	hls.loadSource(url);
	hls.attachMedia(media);
	return { destroy: () => hls.destroy() };
}
