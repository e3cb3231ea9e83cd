import { createHash } from 'node:crypto';

import { readString, type JsonObject } from '../core/json-input.ts';
import type { ServerMode } from '../modes/server-mode.ts';
import type { User } from './users.ts';

/** The user name of a sign-in request and a check of its password. */
export interface LoginCredentials {
	username: string;
	matches(user: User): boolean;
}

function sha1Hex(text: string): string {
	return createHash('sha1').update(text, 'utf8').digest('hex');
}

/**
 * Reads the credentials of `POST /Users/AuthenticateByName`. Jellyfin and Emby 4.8 take
 * `{Username, Pw}` with the password in clear text. MediaBrowser 3 took `{Username, Password}`
 * with Password the SHA-1 hex digest of the password, in either case. There a body with only
 * `Pw` never matches, because that field did not exist yet.
 */
export function readLoginCredentials(mode: ServerMode, body: JsonObject): LoginCredentials {
	const username = readString(body, 'Username') ?? '';
	if (mode === 'mediabrowser') {
		const digest = (readString(body, 'Password') ?? '').toLowerCase();
		return { username, matches: (user) => digest !== '' && digest === sha1Hex(user.password) };
	}
	const password = readString(body, 'Pw') ?? '';
	return { username, matches: (user) => user.password === password };
}
