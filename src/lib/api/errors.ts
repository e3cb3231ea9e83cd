/** The reason an HTTP call to the media server failed, in terms the UI can explain. */
export type ApiErrorKind =
	| 'unreachable'
	| 'timeout'
	| 'unauthorized'
	| 'forbidden'
	| 'not-found'
	| 'server-error'
	| 'bad-response'
	| 'http-error';

export class ApiError extends Error {
	readonly kind: ApiErrorKind;
	readonly status?: number;

	constructor(kind: ApiErrorKind, message: string, status?: number) {
		super(message);
		this.name = 'ApiError';
		this.kind = kind;
		this.status = status;
	}
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
	return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

/** Maps an HTTP status to the error kind the rest of Cue reacts to. */
export function kindForStatus(status: number): ApiErrorKind {
	if (status === 401) return 'unauthorized';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'not-found';
	if (status >= 500) return 'server-error';
	return 'http-error';
}
