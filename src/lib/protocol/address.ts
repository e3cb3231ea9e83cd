/** Normalisation of the server address a user types in. */

export type ServerAddressResult = { ok: true; url: string } | { ok: false; error: string };

/** `scheme://` at the start of the input. */
const SCHEME_WITH_SLASHES = /^([a-z][a-z0-9+.-]*):\/\//i;
/** `scheme:` that is not `host:port`, such as `javascript:` or `mailto:`. */
const SCHEME_WITHOUT_SLASHES = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;
const MAX_ECHOED_CHARACTERS = 60;

function quoteInput(text: string): string {
	return text.length > MAX_ECHOED_CHARACTERS
		? `"${text.slice(0, MAX_ECHOED_CHARACTERS)}…"`
		: `"${text}"`;
}

function failure(error: string): ServerAddressResult {
	return { ok: false, error };
}

/** Adds `http://` when the input names no scheme. Returns the scheme it rejects instead. */
function withScheme(text: string): { candidate: string } | { rejectedScheme: string } {
	const explicit = SCHEME_WITH_SLASHES.exec(text) ?? SCHEME_WITHOUT_SLASHES.exec(text);
	if (explicit === null) return { candidate: `http://${text}` };

	const scheme = explicit[1].toLowerCase();
	if (scheme === 'http' || scheme === 'https') return { candidate: text };
	return { rejectedScheme: scheme };
}

/**
 * Normalises a server address: trims it, adds "http://" when no scheme is given, rejects schemes
 * other than http and https, drops the query and hash, keeps host, port and base path (such as
 * /jellyfin), strips trailing slashes and a trailing /web of a copied web-client address.
 * "jf.local:8096/" becomes "http://jf.local:8096".
 */
export function normaliseServerAddress(input: string): ServerAddressResult {
	const text = typeof input === 'string' ? input.trim() : '';
	if (text === '') {
		return failure('Server address is empty. Enter an address such as http://192.168.1.20:8096.');
	}

	const scheme = withScheme(text);
	if ('rejectedScheme' in scheme) {
		return failure(
			`Unsupported scheme "${scheme.rejectedScheme}:" in the server address. Use http:// or https://.`
		);
	}

	let url: URL;
	try {
		url = new URL(scheme.candidate);
	} catch {
		return failure(`${quoteInput(text)} is not a valid server address.`);
	}
	if (url.hostname === '') {
		return failure(`${quoteInput(text)} has no host name.`);
	}
	if (url.username !== '' || url.password !== '') {
		// Browsers reject a fetch of a URL that contains credentials.
		return failure('Remove the user name and password from the server address.');
	}

	// A copied web-client address such as http://host:8096/web/#/home names the server it came from.
	const basePath = url.pathname.replace(/\/web(\/index\.html)?\/?$/i, '').replace(/\/+$/, '');
	return { ok: true, url: `${url.protocol}//${url.host}${basePath}` };
}
