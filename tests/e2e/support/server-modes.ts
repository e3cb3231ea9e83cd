import { expect, test, type Page } from '@playwright/test';

import { startServer, type RunningServer } from '../../server/index.ts';
import { DEMO_USER, Remote, type SessionDto } from './remote';
import { readLog, type LogEvent } from './server-log';

export type ServerMode = 'jellyfin' | 'jellyfin-12' | 'emby' | 'mediabrowser';

/** What the app must do differently for each mode of the test server. */
export interface ModeProfile {
	mode: ServerMode;
	/** The kind and version the sign-in page shows. */
	label: RegExp;
	/** The API prefix Cue must find by probing. */
	prefix: '' | '/emby' | '/mediabrowser';
	/** EventName of the progress report that follows a Pause. */
	pauseEventName: string;
	checkInsOverSocket: boolean;
}

export const MODE_PROFILES: ModeProfile[] = [
	{
		mode: 'jellyfin',
		label: /Jellyfin 10\.11\./,
		prefix: '',
		pauseEventName: 'pause',
		checkInsOverSocket: false
	},
	{
		mode: 'jellyfin-12',
		label: /Jellyfin 12\.0\.0/,
		prefix: '',
		pauseEventName: 'pause',
		checkInsOverSocket: false
	},
	{
		mode: 'emby',
		label: /Emby 4\.8\.11\.0/,
		prefix: '/emby',
		pauseEventName: 'Pause',
		checkInsOverSocket: false
	},
	{
		mode: 'mediabrowser',
		label: /MediaBrowser 3\./,
		prefix: '/mediabrowser',
		pauseEventName: 'Pause',
		checkInsOverSocket: true
	}
];

/** Ids of the demo library in the form of the server's mode (Emby's are decimal strings). */
export interface DemoLibraryIds {
	tracks: string[];
	longAudio: string;
	colorBars: string;
	twoVoices: string;
}

/** A test server of one mode, started for one spec file, with a controller signed in to it. */
export class ModeServer {
	readonly profile: ModeProfile;
	readonly running: RunningServer;
	readonly remote: Remote;

	private constructor(profile: ModeProfile, running: RunningServer, remote: Remote) {
		this.profile = profile;
		this.running = running;
		this.remote = remote;
	}

	static async start(profile: ModeProfile): Promise<ModeServer> {
		const running = await startServer({ mode: profile.mode, port: 0, quiet: true });
		const remote = new Remote(`${running.url}${profile.prefix}`, {
			hashedPassword: profile.mode === 'mediabrowser'
		});
		await remote.signIn();
		return new ModeServer(profile, running, remote);
	}

	get url(): string {
		return this.running.url;
	}

	async library(): Promise<DemoLibraryIds> {
		const response = await fetch(`${this.url}/__test/library`);
		if (!response.ok) throw new Error(`reading the test library failed: HTTP ${response.status}`);
		const body = (await response.json()) as { ids: DemoLibraryIds };
		return body.ids;
	}

	/** Sends message `type` with `data` to a session, in the mode's envelope style. */
	async send(sessionId: string, type: string, data?: unknown): Promise<void> {
		const url = `${this.url}/__test/sessions/${sessionId}/send?type=${encodeURIComponent(type)}`;
		const body = data === undefined ? undefined : JSON.stringify(data);
		const response = await fetch(url, { method: 'POST', body });
		if (!response.ok) throw new Error(`sending ${type} failed: HTTP ${response.status}`);
	}

	/** Calls a control route such as `/restart-required`. */
	async control(path: string): Promise<void> {
		const response = await fetch(`${this.url}/__test${path}`, { method: 'POST' });
		if (!response.ok) throw new Error(`${path} failed: HTTP ${response.status}`);
	}

	async events(since = 0): Promise<LogEvent[]> {
		return (await readLog(since, this.url)).events;
	}

	async cursor(): Promise<number> {
		return (await readLog(Number.MAX_SAFE_INTEGER, this.url)).next;
	}

	/** Waits until a logged event after `since` matches, and returns it. */
	async waitFor(
		since: number,
		predicate: (event: LogEvent) => boolean,
		description: string,
		timeoutMs = 10_000
	): Promise<LogEvent> {
		let found: LogEvent | undefined;
		await expect
			.poll(
				async () => {
					found = (await this.events(since)).find(predicate);
					return found !== undefined;
				},
				{ message: `waiting for ${description}`, timeout: timeoutMs }
			)
			.toBe(true);
		return found!;
	}

	/**
	 * Signs the page in with the demo user, checking the server description on the way. The
	 * address is the server's root unless given.
	 */
	async signIn(page: Page, address = this.url): Promise<void> {
		await page.goto('/');
		await page.getByLabel('Server address').fill(address);
		await page.getByLabel('Server address').blur();
		await expect(page.getByTestId('server-found')).toHaveText(this.profile.label);
		await page.getByLabel('Username').fill(DEMO_USER.username);
		await page.getByLabel('Password').fill(DEMO_USER.password);
		await page.getByRole('button', { name: 'Sign in', exact: true }).click();
		await expect(page.getByTestId('connection-status')).toHaveAttribute(
			'data-controllable',
			'true'
		);
	}

	/** Returns the page's session as a controller lists it, once it is controllable. */
	async controllableSession(deviceId: string): Promise<SessionDto> {
		let session: SessionDto | undefined;
		await expect
			.poll(async () => {
				const sessions = await this.remote.controllableSessions();
				session = sessions.find((entry) => entry.DeviceId === deviceId);
				return session?.SupportsRemoteControl === true;
			})
			.toBe(true);
		return session!;
	}

	async close(): Promise<void> {
		await this.running.close();
	}
}

export interface CheckIn {
	kind: 'start' | 'progress' | 'stopped';
	body: Record<string, unknown>;
}

const HTTP_CHECK_IN = /^(?:\/emby|\/mediabrowser)?\/Sessions\/Playing(\/Progress|\/Stopped)?$/i;

const SOCKET_CHECK_IN_KINDS: Record<string, CheckIn['kind']> = {
	ReportPlaybackStart: 'start',
	ReportPlaybackProgress: 'progress',
	ReportPlaybackStopped: 'stopped'
};

/**
 * Returns the check-ins of one device among logged events, in order: HTTP requests to
 * /Sessions/Playing… and, for MediaBrowser 3, ReportPlayback… messages on its session's socket.
 */
export function checkInsOf(events: LogEvent[], deviceId: string, sessionId: string): CheckIn[] {
	return events.flatMap((event): CheckIn[] => {
		if (event.kind === 'http' && event.method === 'POST' && event.deviceId === deviceId) {
			const match = HTTP_CHECK_IN.exec(event.path ?? '');
			if (!match || (event.status ?? 0) >= 300) return [];
			let kind: CheckIn['kind'] = 'start';
			if (match[1]) kind = match[1].endsWith('Progress') ? 'progress' : 'stopped';
			return [{ kind, body: (event.body ?? {}) as Record<string, unknown> }];
		}
		if (event.kind === 'ws-in' && event.sessionId === sessionId && event.frame) {
			const message = JSON.parse(event.frame) as { MessageType?: string; Data?: unknown };
			const kind = SOCKET_CHECK_IN_KINDS[message.MessageType ?? ''];
			if (!kind) return [];
			const data = typeof message.Data === 'string' ? JSON.parse(message.Data) : message.Data;
			return [{ kind, body: data as Record<string, unknown> }];
		}
		return [];
	});
}

/**
 * Starts a test server of `mode` before the tests of the calling file and stops it after them.
 * Returns a getter, because the server exists only once the tests run.
 */
export function useModeServer(mode: ServerMode): () => ModeServer {
	const profile = MODE_PROFILES.find((candidate) => candidate.mode === mode);
	if (!profile) throw new Error(`no profile for server mode ${mode}`);
	let server: ModeServer | undefined;
	test.beforeAll(async () => {
		server = await ModeServer.start(profile);
	});
	test.afterAll(async () => {
		await server?.close();
	});
	return () => {
		if (!server) throw new Error(`the ${mode} server has not started`);
		return server;
	};
}
