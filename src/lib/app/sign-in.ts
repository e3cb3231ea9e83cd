import { isApiError, type ApiError } from '$lib/api/errors';
import { createHttp } from '$lib/api/http';
import { MediaServerApi } from '$lib/api/media-server';
import { createQuickConnectApi, type QuickConnectApi } from '$lib/api/quick-connect';
import { normaliseServerAddress } from '$lib/protocol/address';
import { buildAuthorizationHeader, type ClientIdentity } from '$lib/protocol/authorization';
import type { AuthenticationResult, PublicSystemInfo } from '$lib/protocol/schemas';

export type SignInErrorKind =
	| 'invalid-address'
	| 'insecure-address'
	| 'unreachable'
	| 'not-jellyfin'
	| 'bad-credentials'
	| 'forbidden'
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
	url: string;
	info: PublicSystemInfo;
	/** True when the server offers Quick Connect sign-in. */
	quickConnect: boolean;
}

/** Returns the Quick Connect endpoints of a server, called with the identity but without a token. */
export function quickConnectFor(url: string, identity: ClientIdentity): QuickConnectApi {
	return createQuickConnectApi(createHttp(url, () => buildAuthorizationHeader(identity)));
}

/** Normalises the typed address and reads /System/Info/Public to check it is a Jellyfin server. */
export async function probeServer(
	address: string,
	identity: ClientIdentity
): Promise<ProbedServer> {
	const normalised = normaliseServerAddress(address);
	if (!normalised.ok) throw new SignInError('invalid-address', normalised.error);
	const url = normalised.url;
	if (location.protocol === 'https:' && url.startsWith('http:')) {
		throw new SignInError(
			'insecure-address',
			'This page was loaded over https, so the browser blocks a server at an http address. Use the https address of the server.'
		);
	}
	let info: PublicSystemInfo;
	try {
		info = await new MediaServerApi(url, identity).fetchPublicInfo();
	} catch (error) {
		throw explainProbeError(error, url);
	}
	if (!isJellyfin(info)) {
		const product = info.ProductName ? ` (it reports "${info.ProductName}")` : '';
		throw new SignInError('not-jellyfin', `${url} is not a Jellyfin server${product}.`);
	}
	const quickConnect = await quickConnectFor(url, identity).isEnabled();
	return { url, info, quickConnect };
}

function isJellyfin(info: PublicSystemInfo): boolean {
	if (info.ProductName) return info.ProductName === 'Jellyfin Server';
	const major = Number.parseInt(info.Version ?? '', 10);
	return major >= 10;
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
				`${url} answered, but not as a Jellyfin server does. Check the address, including any base path such as /jellyfin.`
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
