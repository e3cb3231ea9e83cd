/**
 * An error that Jellyfin's exception middleware turns into a `text/plain` body reading
 * `Error processing request.`, with 400 for ArgumentException, 401 for AuthenticationException,
 * 403 for SecurityException and 404 for ResourceNotFoundException. The message is only logged.
 */
export class ApiError extends Error {
	override readonly name = 'ApiError';

	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

/**
 * A model-binding or validation failure. ASP.NET's `[ApiController]` reports these with a 400
 * `application/problem+json` ValidationProblemDetails body, not with the middleware's text.
 */
export class ValidationError extends Error {
	override readonly name = 'ValidationError';

	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}

/**
 * The authentication challenge of an `[Authorize]` endpoint: a 401 with an empty body, because
 * Jellyfin's authentication handler returns NoResult or Fail and ASP.NET writes no content.
 */
export class AuthenticationRequiredError extends Error {
	override readonly name = 'AuthenticationRequiredError';
}

export function badRequest(message: string): ApiError {
	return new ApiError(400, message);
}

export function forbidden(message: string): ApiError {
	return new ApiError(403, message);
}

export function notFound(message: string): ApiError {
	return new ApiError(404, message);
}
