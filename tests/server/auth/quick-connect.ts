import { randomBytes, randomInt } from 'node:crypto';

import { formatDate } from '../core/wire.ts';

/** Requests expire this long after `DateAdded`. Authorising moves DateAdded a minute ahead. */
const TIMEOUT_MS = 10 * 60 * 1000;
const AUTHORIZED_GRACE_MS = 60 * 1000;

export interface QuickConnectRequest {
	authenticated: boolean;
	secret: string;
	code: string;
	deviceId: string;
	deviceName: string;
	appName: string;
	appVersion: string;
	dateAdded: number;
}

/** Pending Quick Connect requests and the login results of authorised ones. */
export class QuickConnectStore {
	private readonly requests = new Map<string, QuickConnectRequest>();
	private readonly authorized = new Map<string, { at: number; result: unknown }>();

	initiate(fields: Omit<QuickConnectRequest, 'authenticated' | 'secret' | 'code' | 'dateAdded'>) {
		this.expire();
		const request: QuickConnectRequest = {
			...fields,
			authenticated: false,
			// 32 random bytes as upper-case hex, and six decimal digits, as the server makes them.
			secret: randomBytes(32).toString('hex').toUpperCase(),
			code: String(randomInt(100_000, 1_000_000)),
			dateAdded: Date.now()
		};
		this.requests.set(request.code, request);
		return request;
	}

	findBySecret(secret: string): QuickConnectRequest | undefined {
		this.expire();
		return [...this.requests.values()].find((request) => request.secret === secret);
	}

	findByCode(code: string): QuickConnectRequest | undefined {
		this.expire();
		return this.requests.get(code);
	}

	markAuthorized(request: QuickConnectRequest, result: unknown): void {
		request.authenticated = true;
		request.dateAdded = Date.now() + AUTHORIZED_GRACE_MS;
		this.authorized.set(request.secret, { at: Date.now(), result });
	}

	authorizedResult(secret: string): unknown {
		this.expire();
		return this.authorized.get(secret)?.result;
	}

	/** Removes every request, as a restart does. */
	clear(): void {
		this.requests.clear();
		this.authorized.clear();
	}

	private expire(): void {
		const oldest = Date.now() - TIMEOUT_MS;
		for (const [code, request] of this.requests) {
			if (request.dateAdded < oldest) this.requests.delete(code);
		}
		for (const [secret, entry] of this.authorized) {
			if (entry.at < oldest) this.authorized.delete(secret);
		}
	}
}

export function toQuickConnectResult(request: QuickConnectRequest) {
	return {
		Authenticated: request.authenticated,
		Secret: request.secret,
		Code: request.code,
		DeviceId: request.deviceId,
		DeviceName: request.deviceName,
		AppName: request.appName,
		AppVersion: request.appVersion,
		DateAdded: formatDate(request.dateAdded)
	};
}
