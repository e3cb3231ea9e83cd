/**
 * Keeps a server stream (a transcode or a remux) alive. Jellyfin ends a transcoding job that gets
 * no report or ping for about a minute (60 s measured on a paused client), so Cue keeps its
 * 10-second progress reports going while paused and also pings the job. If the job ended anyway,
 * unpausing finds out with a HEAD request for the stream and requests a new stream at the paused
 * position.
 */
import type { MediaServerApi } from '$lib/api/media-server';
import { createLogger } from '$lib/log';
import type { LoadedMedia } from '$lib/stores/player.svelte';

/** Unpausing after a pause at least this long checks that the server still has the stream. */
export const STREAM_CHECK_AFTER_PAUSE_MS = 10_000;

const log = createLogger('player');

/** True when the server makes the stream (Transcode or DirectStream), not a file played as it is. */
export function isServerStream(loaded: LoadedMedia): boolean {
	return loaded.playMethod !== 'DirectPlay';
}

/** Pings the transcoding job of a paused server stream, as `Sessions/Playing/Ping` expects. */
export function pingPausedTranscode(
	api: MediaServerApi | null,
	loaded: LoadedMedia | null,
	media: HTMLMediaElement
): void {
	if (!api || !loaded || !isServerStream(loaded) || !media.paused || !loaded.playSessionId) {
		return;
	}
	api
		.pingPlaySession(loaded.playSessionId)
		.catch((error) => log.warn('pinging the paused transcode failed', { error }));
}

/** Tells the server that the transcode of a server stream Cue leaves is no longer needed. */
export function stopServerStream(api: MediaServerApi | null, loaded: LoadedMedia | null): void {
	if (!api || !loaded || !isServerStream(loaded) || !loaded.playSessionId) return;
	api
		.stopTranscode(loaded.playSessionId)
		.catch((error) => log.info('stopping the transcode failed', { error }));
}

/** Returns whether a server stream paused for `pausedMs` has to be checked before it resumes. */
export function needsStreamCheck(
	api: MediaServerApi | null,
	loaded: LoadedMedia | null,
	pausedMs: number
): api is MediaServerApi {
	return !!api && !!loaded && isServerStream(loaded) && pausedMs >= STREAM_CHECK_AFTER_PAUSE_MS;
}

/** Returns false when the server no longer has the stream of `loaded`. */
export async function serverStreamSurvived(
	api: MediaServerApi,
	loaded: LoadedMedia | null
): Promise<boolean> {
	if (!loaded) return true;
	const available = await api.isStreamAvailable(loaded.url);
	if (!available) log.info('the paused stream is gone from the server', { itemId: loaded.item.Id });
	return available;
}
