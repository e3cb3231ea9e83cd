import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import type * as z from 'zod/mini';

import { describeFirstIssue } from '$lib/protocol/issues';

import { ApiError, kindForStatus } from './errors';

export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Creates the ky instance for one server. `getAuthorization` is called per request so a new token
 * takes effect at once. It returns the `Authorization` header value, or every authorization header
 * by name. Retries are off: the callers decide what a failure means.
 */
export function createHttp(
	baseUrl: string,
	getAuthorization: () => string | Record<string, string>
): KyInstance {
	return ky.create({
		prefixUrl: baseUrl,
		timeout: REQUEST_TIMEOUT_MS,
		retry: 0,
		headers: { Accept: 'application/json' },
		hooks: {
			beforeRequest: [
				(request) => {
					const authorization = getAuthorization();
					const headers =
						typeof authorization === 'string' ? { Authorization: authorization } : authorization;
					for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
				}
			]
		}
	});
}

/** Turns what ky throws into an ApiError that names the request but never the token. */
export function toApiError(error: unknown, what: string): ApiError {
	if (error instanceof ApiError) return error;
	if (error instanceof HTTPError) {
		const status = error.response.status;
		return new ApiError(kindForStatus(status), `${what} failed with HTTP ${status}`, status);
	}
	if (error instanceof TimeoutError) {
		return new ApiError('timeout', `${what} timed out after ${REQUEST_TIMEOUT_MS / 1000} s`);
	}
	// fetch rejects with a TypeError when the server cannot be reached or CORS blocks the reply.
	return new ApiError('unreachable', `${what} failed: the server could not be reached`);
}

/** Sends a request, reads the body as JSON and validates it against `schema`. */
export async function requestJson<T>(
	http: KyInstance,
	path: string,
	options: Options,
	schema: z.ZodMiniType<T>,
	what: string
): Promise<T> {
	let body: unknown;
	try {
		const response = await http(path, options);
		const text = await response.text();
		body = JSON.parse(text);
	} catch (error) {
		if (error instanceof SyntaxError) {
			throw new ApiError('bad-response', `${what} returned a body that is not JSON`);
		}
		throw toApiError(error, what);
	}
	const result = schema.safeParse(body, { reportInput: true });
	if (!result.success) {
		const reason = describeFirstIssue(`${what} returned an unexpected body`, result.error, 'body');
		throw new ApiError('bad-response', reason);
	}
	return result.data;
}

/** Sends a request whose reply body does not matter (check-ins, capabilities: 204). */
export async function requestVoid(
	http: KyInstance,
	path: string,
	options: Options,
	what: string
): Promise<void> {
	try {
		await http(path, options);
	} catch (error) {
		throw toApiError(error, what);
	}
}
