import type { KyInstance } from 'ky';
import * as z from 'zod/mini';

import {
	AuthenticationResultSchema,
	QuickConnectResultSchema,
	type AuthenticationResult,
	type QuickConnectResult
} from '$lib/protocol/schemas';
import { isApiError } from './errors';
import { requestJson } from './http';

/** Jellyfin's Quick Connect: a device shows a code that a signed-in app approves. */
export interface QuickConnectApi {
	isEnabled(): Promise<boolean>;
	initiate(): Promise<QuickConnectResult>;
	/** Returns the request's state, or 'expired' once the server has dropped the secret. */
	check(secret: string): Promise<QuickConnectResult | 'expired'>;
	authenticate(secret: string): Promise<AuthenticationResult>;
}

export function createQuickConnectApi(http: KyInstance): QuickConnectApi {
	return {
		async isEnabled() {
			try {
				return await requestJson(
					http,
					'QuickConnect/Enabled',
					{},
					z.boolean(),
					'Checking Quick Connect'
				);
			} catch {
				return false;
			}
		},
		async initiate() {
			const what = 'Starting Quick Connect';
			try {
				return await requestJson(
					http,
					'QuickConnect/Initiate',
					{ method: 'post' },
					QuickConnectResultSchema,
					what
				);
			} catch (error) {
				// Jellyfin 10.8 only has GET; 10.9 to 10.11 have both; 12.0 only POST.
				const oldServer =
					isApiError(error, 'not-found') || (isApiError(error) && error.status === 405);
				if (!oldServer) throw error;
				return requestJson(http, 'QuickConnect/Initiate', {}, QuickConnectResultSchema, what);
			}
		},
		async check(secret) {
			try {
				const searchParams = { secret };
				return await requestJson(
					http,
					'QuickConnect/Connect',
					{ searchParams },
					QuickConnectResultSchema,
					'Checking the Quick Connect code'
				);
			} catch (error) {
				if (isApiError(error, 'not-found')) return 'expired';
				throw error;
			}
		},
		authenticate(secret) {
			const options = { method: 'post', json: { Secret: secret } };
			return requestJson(
				http,
				'Users/AuthenticateWithQuickConnect',
				options,
				AuthenticationResultSchema,
				'Signing in with Quick Connect'
			);
		}
	};
}
