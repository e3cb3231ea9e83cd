import { createHash, randomUUID } from 'node:crypto';

/** Address of the test server that playwright.config.ts starts. */
export const SERVER_URL = `http://127.0.0.1:${process.env.CUE_E2E_SERVER_PORT ?? 8097}`;
export const DEMO_USER = { username: 'demo', password: 'demo' };

const TICKS_PER_SECOND = 10_000_000;

export function ticks(seconds: number): number {
	return Math.round(seconds * TICKS_PER_SECOND);
}

export interface SessionDto {
	Id: string;
	DeviceId: string;
	DeviceName?: string;
	Client?: string;
	SupportsRemoteControl?: boolean;
	SupportsMediaControl?: boolean;
	SupportedCommands?: string[];
	NowPlayingItem?: { Id: string; Name: string; RunTimeTicks?: number };
	PlayState?: {
		PositionTicks?: number;
		IsPaused?: boolean;
		IsMuted?: boolean;
		VolumeLevel?: number;
		PlayMethod?: string;
		MediaSourceId?: string;
	};
	NowPlayingQueue?: { Id: string; PlaylistItemId: string }[];
	PlaylistItemId?: string;
}

/**
 * A controller, like a phone's Jellyfin app: it signs in with its own DeviceId and drives other
 * sessions through the server's controller endpoints.
 */
export class Remote {
	readonly deviceId = `remote-${randomUUID()}`;
	readonly serverUrl: string;
	#token = '';
	#hashedPassword: boolean;
	userId = '';

	/**
	 * `serverUrl` is the API base, with /emby or /mediabrowser for those servers. `hashedPassword`
	 * signs in as MediaBrowser 3 expects: `Password` is the SHA-1 hex of the password.
	 */
	constructor(serverUrl = SERVER_URL, options: { hashedPassword?: boolean } = {}) {
		this.serverUrl = serverUrl;
		this.#hashedPassword = options.hashedPassword ?? false;
	}

	#authorization(): string {
		const parts = [
			`Client="Cue Tests"`,
			`Device="Test Remote"`,
			`DeviceId="${this.deviceId}"`,
			`Version="1.0.0"`
		];
		if (this.#token) parts.push(`Token="${this.#token}"`);
		return `MediaBrowser ${parts.join(', ')}`;
	}

	async signIn(): Promise<this> {
		const response = await fetch(`${this.serverUrl}/Users/AuthenticateByName`, {
			method: 'POST',
			headers: { Authorization: this.#authorization(), 'Content-Type': 'application/json' },
			body: JSON.stringify(this.#loginBody())
		});
		if (!response.ok) throw new Error(`remote sign-in failed: HTTP ${response.status}`);
		const result = (await response.json()) as { AccessToken: string; User: { Id: string } };
		this.#token = result.AccessToken;
		this.userId = result.User.Id;
		return this;
	}

	#loginBody(): Record<string, string> {
		const { username, password } = DEMO_USER;
		if (!this.#hashedPassword) return { Username: username, Pw: password };
		return { Username: username, Password: createHash('sha1').update(password).digest('hex') };
	}

	async request(method: string, path: string, body?: unknown): Promise<Response> {
		const headers: Record<string, string> = { Authorization: this.#authorization() };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		return fetch(`${this.serverUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	}

	async controllableSessions(): Promise<SessionDto[]> {
		const response = await this.request('GET', `/Sessions?controllableByUserId=${this.userId}`);
		if (!response.ok) throw new Error(`GET /Sessions failed: HTTP ${response.status}`);
		return (await response.json()) as SessionDto[];
	}

	/** Returns the session of `deviceId` as GET /Sessions lists it, or undefined. */
	async session(deviceId: string): Promise<SessionDto | undefined> {
		const response = await this.request(
			'GET',
			`/Sessions?deviceId=${encodeURIComponent(deviceId)}`
		);
		const sessions = (await response.json()) as SessionDto[];
		return sessions.find((candidate) => candidate.DeviceId === deviceId);
	}

	async play(
		sessionId: string,
		itemIds: string[],
		options: { command?: string; startPositionTicks?: number; startIndex?: number } = {}
	): Promise<void> {
		const query = new URLSearchParams({
			playCommand: options.command ?? 'PlayNow',
			itemIds: itemIds.join(',')
		});
		if (options.startPositionTicks !== undefined) {
			query.set('startPositionTicks', String(options.startPositionTicks));
		}
		if (options.startIndex !== undefined) query.set('startIndex', String(options.startIndex));
		await this.#expectNoContent(this.request('POST', `/Sessions/${sessionId}/Playing?${query}`));
	}

	async playstate(sessionId: string, command: string, seekPositionTicks?: number): Promise<void> {
		const query = seekPositionTicks === undefined ? '' : `?seekPositionTicks=${seekPositionTicks}`;
		await this.#expectNoContent(
			this.request('POST', `/Sessions/${sessionId}/Playing/${command}${query}`)
		);
	}

	async command(
		sessionId: string,
		name: string,
		args: Record<string, unknown> = {}
	): Promise<void> {
		await this.#expectNoContent(
			this.request('POST', `/Sessions/${sessionId}/Command`, { Name: name, Arguments: args })
		);
	}

	async message(
		sessionId: string,
		header: string,
		text: string,
		timeoutMs?: number
	): Promise<void> {
		const body = { Header: header, Text: text, TimeoutMs: timeoutMs };
		await this.#expectNoContent(this.request('POST', `/Sessions/${sessionId}/Message`, body));
	}

	async #expectNoContent(pending: Promise<Response>): Promise<void> {
		const response = await pending;
		if (response.status !== 204) {
			throw new Error(`${response.url} returned HTTP ${response.status}: ${await response.text()}`);
		}
	}
}
