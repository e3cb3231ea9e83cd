import type { User } from '../auth/users.ts';
import { badRequest } from '../core/errors.ts';
import { md5Guid } from '../core/wire.ts';
import {
	defaultCapabilities,
	emptyPlayState,
	openSockets,
	type Capabilities,
	type Session
} from './session.ts';

/** The caller's identity as the session manager receives it (`LogSessionActivity`). */
export interface ActivityInput {
	client?: string;
	version?: string;
	deviceId?: string;
	deviceName?: string;
	remoteEndPoint: string;
	user?: User;
}

/** Derives a session id as Jellyfin does: the .NET MD5 Guid of Client + DeviceId. */
export function sessionIdFor(client: string, deviceId: string): string {
	return md5Guid(client + deviceId);
}

/**
 * The active sessions, keyed by Client + DeviceId, and the capabilities each DeviceId last
 * posted. Both live in memory only, as on the real server.
 */
export class SessionStore {
	private readonly sessions = new Map<string, Session>();
	private readonly capabilitiesByDevice = new Map<string, Capabilities>();

	constructor(
		private readonly onCreated: (session: Session) => void = () => {},
		/** Capabilities of a session whose device has posted none. */
		readonly initialCapabilities: () => Capabilities = defaultCapabilities
	) {}

	/** Finds or creates the caller's session and refreshes it. Missing client fields are a 400. */
	logActivity(input: ActivityInput): Session {
		if (!input.client) throw badRequest('Value cannot be null or empty: appName');
		if (!input.version) throw badRequest('Value cannot be null or empty: appVersion');
		if (!input.deviceId) throw badRequest('Value cannot be null or empty: deviceId');

		const key = input.client + input.deviceId;
		const session = this.sessions.get(key) ?? this.create(key, input.client, input.deviceId, input);
		const now = Date.now();
		session.userId = input.user?.id ?? '';
		session.userName = input.user?.name ?? '';
		session.remoteEndPoint = input.remoteEndPoint;
		session.deviceName = input.deviceName ?? '';
		session.applicationVersion = input.version;
		session.lastActivityDate = now;
		if (input.user && now - (input.user.lastActivityDate ?? 0) > 60_000) {
			input.user.lastActivityDate = now;
		}
		return session;
	}

	/** Returns the sessions, most recently active first, as the server lists them. */
	list(): Session[] {
		return [...this.sessions.values()].sort((a, b) => b.lastActivityDate - a.lastActivityDate);
	}

	/** Finds a session by its exact id (the server compares ordinally). */
	findById(id: string): Session | undefined {
		return this.list().find((session) => session.id === id);
	}

	/** Sessions of a DeviceId, matched case-insensitively as logout does. */
	findByDeviceId(deviceId: string): Session[] {
		const wanted = deviceId.toLowerCase();
		return this.list().filter((session) => session.deviceId.toLowerCase() === wanted);
	}

	has(session: Session): boolean {
		return this.sessions.get(session.key) === session;
	}

	reportCapabilities(session: Session, capabilities: Capabilities): void {
		session.capabilities = capabilities;
		this.capabilitiesByDevice.set(session.deviceId, capabilities);
	}

	/** Removes a session. The caller closes its sockets. */
	remove(session: Session): void {
		if (this.has(session)) this.sessions.delete(session.key);
	}

	/** Removes the session when its last socket has closed (`CloseIfNeededAsync`). */
	removeIfNoOpenSocket(session: Session): boolean {
		if (!this.has(session) || openSockets(session).length > 0) return false;
		this.sessions.delete(session.key);
		return true;
	}

	/** Forgets all sessions and posted capabilities, as a restart does. */
	clear(): void {
		this.sessions.clear();
		this.capabilitiesByDevice.clear();
	}

	private create(key: string, client: string, deviceId: string, input: ActivityInput): Session {
		const session: Session = {
			id: sessionIdFor(client, deviceId),
			key,
			client,
			deviceId,
			deviceName: input.deviceName || 'Network Device',
			applicationVersion: input.version ?? '',
			userId: '',
			userName: '',
			remoteEndPoint: input.remoteEndPoint,
			lastActivityDate: Date.now(),
			capabilities: this.capabilitiesByDevice.get(deviceId) ?? this.initialCapabilities(),
			playState: emptyPlayState(),
			nowPlayingQueue: [],
			nowPlayingQueueFullItems: [],
			hasSocketController: false,
			sockets: new Set()
		};
		this.sessions.set(key, session);
		this.onCreated(session);
		return session;
	}
}
