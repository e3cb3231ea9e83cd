/** Source of a service worker response. */
export type ResponseSource = 'shell' | 'precached' | 'network';

/** The parts of a `Request` that decide its route. */
export interface RoutedRequest {
	method: string;
	mode: RequestMode;
	url: string;
}

/**
 * Chooses how the service worker responds to a request. Only same-origin GETs get responses from
 * the cache: files of the build and of `static/` by their path, and page navigations with the cached
 * app shell, so Cue starts offline. Everything else, above all the media server's API, streams
 * and images on another origin, goes to the network untouched and is never cached.
 */
export function chooseResponseSource(
	request: RoutedRequest,
	workerOrigin: string,
	precachedPaths: ReadonlySet<string>
): ResponseSource {
	if (request.method !== 'GET') return 'network';
	const url = new URL(request.url);
	if (url.origin !== workerOrigin) return 'network';
	if (precachedPaths.has(url.pathname)) return 'precached';
	if (request.mode === 'navigate') return 'shell';
	return 'network';
}
