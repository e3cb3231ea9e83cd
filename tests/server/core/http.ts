import type { IncomingMessage, ServerResponse } from 'node:http';

import { newGuid } from './wire.ts';

/** The only body Jellyfin's exception middleware writes outside development mode. */
export const ERROR_TEXT = 'Error processing request.';

const MAX_BODY_BYTES = 1024 * 1024;

const jsonRewriters = new WeakMap<ServerResponse, (text: string) => string>();

/** Makes `sendJson` pass the JSON text of this response through `rewrite`, e.g. to translate ids. */
export function rewriteJsonOf(res: ServerResponse, rewrite: (text: string) => string): void {
	jsonRewriters.set(res, rewrite);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
	const text = JSON.stringify(value);
	const rewrite = jsonRewriters.get(res);
	const body = Buffer.from(rewrite === undefined ? text : rewrite(text), 'utf8');
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': body.length
	});
	res.end(body);
}

export function sendNoContent(res: ServerResponse): void {
	res.writeHead(204);
	res.end();
}

export function sendText(
	res: ServerResponse,
	status: number,
	text: string,
	type = 'text/plain'
): void {
	const body = Buffer.from(text, 'utf8');
	res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
	res.end(body);
}

/** Writes what Jellyfin's exception middleware writes for a mapped exception. */
export function sendErrorText(res: ServerResponse, status: number): void {
	sendText(res, status, ERROR_TEXT);
}

/** Writes the ValidationProblemDetails body that ASP.NET returns when model binding fails. */
export function sendProblem(res: ServerResponse, field: string, message: string): void {
	const problem = {
		type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
		title: 'One or more validation errors occurred.',
		status: 400,
		errors: { [field]: [message] },
		traceId: `00-${newGuid()}-${newGuid().slice(0, 16)}-00`
	};
	const body = Buffer.from(JSON.stringify(problem), 'utf8');
	res.writeHead(400, {
		'Content-Type': 'application/problem+json; charset=utf-8',
		'Content-Length': body.length
	});
	res.end(body);
}

/**
 * Writes the ProblemDetails body that `[ApiController]` maps a bare status result to, such as
 * `return NotFound()` in a controller.
 */
export function sendStatusProblem(res: ServerResponse, status: 404, title = 'Not Found'): void {
	const problem = {
		type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
		title,
		status,
		traceId: `00-${newGuid()}-${newGuid().slice(0, 16)}-00`
	};
	const body = Buffer.from(JSON.stringify(problem), 'utf8');
	res.writeHead(status, {
		'Content-Type': 'application/problem+json; charset=utf-8',
		'Content-Length': body.length
	});
	res.end(body);
}

/** Returns the client address without the IPv4-mapped IPv6 prefix Node reports. */
export function normalizeAddress(address: string | undefined): string {
	return (address ?? '').replace(/^::ffff:/, '');
}

/** Reads the whole request body as UTF-8 text, rejecting bodies over 1 MiB. */
export async function readBodyText(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new Error(`request body exceeds ${MAX_BODY_BYTES} bytes`);
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Applies Jellyfin's default CORS policy (any origin, any method, any header, no credentials)
 * and responds to a preflight request. Returns true when the response is complete.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
	if (req.headers.origin === undefined) return false;
	res.setHeader('Access-Control-Allow-Origin', '*');
	const requestedMethod = req.headers['access-control-request-method'];
	if (req.method !== 'OPTIONS' || requestedMethod === undefined) return false;

	res.setHeader('Access-Control-Allow-Methods', requestedMethod);
	const requestedHeaders = req.headers['access-control-request-headers'];
	if (requestedHeaders !== undefined)
		res.setHeader('Access-Control-Allow-Headers', requestedHeaders);
	res.writeHead(204);
	res.end();
	return true;
}
