/** Signing in and out over HTTP, loaded with the rest of the server code when first needed. */
import { MediaServerApi } from '$lib/api/media-server';
import { createLogger } from '$lib/log';
import type { ClientIdentity } from '$lib/protocol/authorization';
import type { AuthenticationResult } from '$lib/protocol/schemas';
import type { SavedSignIn } from '$lib/stores/session.svelte';
import { authenticate, probeServer, SignInError, type ProbedServer } from './sign-in';

const log = createLogger('app');

function apiFor(signIn: SavedSignIn, identity: ClientIdentity): MediaServerApi {
	return new MediaServerApi(signIn.serverUrl, identity, signIn.token, {
		kind: signIn.serverKind,
		userId: signIn.userId
	});
}

/** Finds the server behind `address` and signs in with a password. The token is not saved yet. */
export async function signInWithPassword(
	identity: ClientIdentity,
	address: string,
	username: string,
	password: string
): Promise<{ server: ProbedServer; result: AuthenticationResult }> {
	const server = await probeServer(address, identity);
	const api = new MediaServerApi(server.url, identity, undefined, { kind: server.kind });
	return { server, result: await authenticate(api, username, password) };
}

/** Ends the server session of a saved sign-in; a failure is logged, as the token goes anyway. */
export async function logOutOf(signIn: SavedSignIn, identity: ClientIdentity): Promise<void> {
	await apiFor(signIn, identity)
		.logout()
		.catch((error) => log.warn('server sign-out failed', { error }));
}

/** Reads MediaBrowser 3's `WebSocketPortNumber`, which the socket URL needs. */
export async function readSocketPort(
	signIn: SavedSignIn,
	identity: ClientIdentity
): Promise<number> {
	const info = await apiFor(signIn, identity).fetchSystemInfo();
	if (info.WebSocketPortNumber === undefined) {
		throw new SignInError(
			'server-error',
			'The server did not report its WebSocketPortNumber, so Cue cannot open its socket.'
		);
	}
	return info.WebSocketPortNumber;
}
