import { isApiError, type ApiError } from '$lib/api/errors';
import { createHttp } from '$lib/api/http';
import { MediaServerApi } from '$lib/api/media-server';
import { createQuickConnectApi, type QuickConnectApi } from '$lib/api/quick-connect';
import { normaliseServerAddress } from '$lib/protocol/address';
import { buildAuthorizationHeader, type ClientIdentity } from '$lib/protocol/authorization';
import type { AuthenticationResult, PublicSystemInfo } from '$lib/protocol/schemas';
import {
	API_PREFIXES,
	type ApiPrefix,
	describeServer,
	detectServerKind,
	type ServerKind
} from '$lib/protocol/server-kind';

export type SignInErrorKind =
	| 'invalid-address'
	| 'insecure-address'
	| 'unreachable'
	| 'not-jellyfin'
	| 'bad-credentials'
	| 'forbidden'
	| 'rejected-request'
	| 'server-error';

/** A sign-in failure with a message meant for the person signing in. */
export class SignInError extends Error {
	readonly kind: SignInErrorKind;

	constructor(kind: SignInErrorKind, message: string) {
		super(message);
		this.name = 'SignInError';
		this.kind = kind;
	}
}

export interface ProbedServer {
	/** The API base: the typed address plus the /emby or /mediabrowser prefix that responded. */
	url: string;
	info: PublicSystemInfo;
	kind: ServerKind;
	/** The kind and version for the sign-in page, such as "Emby 4.8.11.0". */
	description: string;
	/** True when the server offers Quick Connect sign-in (Jellyfin only). */
	quickConnect: boolean;
}

/** An address the person typed with the API prefix already in it. */
const ENDS_WITH_PREFIX = /\/(emby|mediabrowser)$/i;

/** Returns the Quick Connect endpoints of a server, called with the identity but without a token. */
export function quickConnectFor(url: string, identity: ClientIdentity): QuickConnectApi {
	return createQuickConnectApi(createHttp(url, () => buildAuthorizationHeader(identity)));
}

/**
 * Normalises the typed address and finds the server behind it: /System/Info/Public at the address,
 * then under /emby, then under /mediabrowser. The first prefix that returns the information of a
 * Jellyfin, Emby or MediaBrowser server becomes part of the API base.
 */
export async function probeServer(
	address: string,
	identity: ClientIdentity
): Promise<ProbedServer> {
	const normalised = normaliseServerAddress(address);
	if (!normalised.ok) throw new SignInError('invalid-address', normalised.error);
	const base = normalised.url;
	if (location.protocol === 'https:' && base.startsWith('http:')) {
		throw new SignInError(
			'insecure-address',
			'This page was loaded over https, so the browser blocks a server at an http address. Use the https address of the server.'
		);
	}
	const { url, info, kind } = await findServer(base, identity);
	const quickConnect = kind.startsWith('jellyfin')
		? await quickConnectFor(url, identity).isEnabled()
		: false;
	return { url, info, kind, description: describeServer(kind, info), quickConnect };
}

async function findServer(base: string, identity: ClientIdentity) {
	// An address typed with its prefix is tried as it is, and the prefix still decides the kind.
	const typedPrefix = ENDS_WITH_PREFIX.exec(base)?.[0].toLowerCase() as ApiPrefix | undefined;
	const prefixes: readonly ApiPrefix[] = typedPrefix ? [''] : API_PREFIXES;
	let failure: unknown;
	let foreign: PublicSystemInfo | undefined;
	for (const prefix of prefixes) {
		const url = `${base}${prefix}`;
		try {
			const info = await new MediaServerApi(url, identity).fetchPublicInfo();
			const kind = detectServerKind(info, typedPrefix ?? prefix);
			if (kind) return { url, info, kind };
			foreign ??= info;
		} catch (error) {
			failure = error;
			// Nothing responds at this address at all, so the other prefixes cannot either.
			if (isApiError(error) && (error.kind === 'unreachable' || error.kind === 'timeout')) break;
		}
	}
	if (foreign) {
		const product = foreign.ProductName ? ` (it reports "${foreign.ProductName}")` : '';
		throw new SignInError(
			'not-jellyfin',
			`${base} is not a Jellyfin, Emby or MediaBrowser server${product}.`
		);
	}
	throw explainProbeError(failure, base);
}

function explainProbeError(error: unknown, url: string): SignInError {
	if (!isApiError(error)) return new SignInError('unreachable', `Could not reach ${url}.`);
	switch (error.kind) {
		case 'unreachable':
		case 'timeout':
			return new SignInError(
				'unreachable',
				`Could not reach ${url}. Check the address and that the server is running and reachable from this device.`
			);
		case 'server-error':
			return serverError(error);
		default:
			return new SignInError(
				'not-jellyfin',
				`${url} answered, but not as a Jellyfin or Emby server does. Check the address, including any base path such as /jellyfin.`
			);
	}
}

/** Signs in with a username and password; the returned token is not yet saved anywhere. */
export async function authenticate(
	api: MediaServerApi,
	username: string,
	password: string
): Promise<AuthenticationResult> {
	try {
		return await api.authenticateByName(username, password);
	} catch (error) {
		if (!isApiError(error)) throw error;
		if (error.kind === 'unauthorized') {
			throw new SignInError('bad-credentials', 'Wrong username or password.');
		}
		if (error.kind === 'forbidden') {
			throw new SignInError(
				'forbidden',
				'The server refused this sign-in (HTTP 403). The user may be at the maximum number of sessions, or this device may not be allowed. Ask the server administrator.'
			);
		}
		if (error.kind === 'unreachable' || error.kind === 'timeout') {
			throw new SignInError('unreachable', `The server stopped responding: ${error.message}.`);
		}
		if (error.status === 400) {
			throw new SignInError(
				'rejected-request',
				'The server rejected the sign-in request as malformed (HTTP 400) before checking the password. It may expect another server version or client identification; check the address and the server version.'
			);
		}
		throw serverError(error);
	}
}

function serverError(error: ApiError): SignInError {
	const status = error.status ? ` (HTTP ${error.status})` : '';
	return new SignInError(
		'server-error',
		`The server had an error${status}: ${error.message}. Try again in a moment.`
	);
}
