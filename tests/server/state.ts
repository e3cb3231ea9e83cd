import { DeviceStore } from './auth/devices.ts';
import { QuickConnectStore } from './auth/quick-connect.ts';
import { createUsers, type User } from './auth/users.ts';
import { EventLog } from './core/event-log.ts';
import { createServerLogger, type ServerLogger } from './core/logger.ts';
import { ServerFaults } from './faults/server-faults.ts';
import { md5Guid } from './core/wire.ts';
import { toUserDataDto, UserDataStore } from './library/user-data.ts';
import type { ResolvedOptions } from './options.ts';
import { sendToSessions } from './sessions/messaging.ts';
import { SessionStore } from './sessions/session-store.ts';
import { UserDataNotifier } from './sessions/user-data-notifier.ts';

/** The Jellyfin version this server imitates, as `/System/Info/Public` reports it. */
export const SERVER_VERSION = '10.11.11';

/** Everything one running test server holds; all of it lives in memory. */
export interface ServerState {
	options: ResolvedOptions;
	/** Derived from the server name, so it stays the same across restarts like a real server's. */
	serverId: string;
	/** The bound HTTP port, known once the server listens. */
	port: number;
	users: User[];
	devices: DeviceStore;
	sessions: SessionStore;
	userData: UserDataStore;
	userDataNotifier: UserDataNotifier;
	quickConnect: QuickConnectStore;
	log: EventLog;
	logger: ServerLogger;
	/** Downtime, black holes and other faults that tests switch on through `/__test/`. */
	faults: ServerFaults;
	/** The options the server started with, which `/__test/faults/reset` restores. */
	startOptions: Readonly<ResolvedOptions>;
}

export function createState(options: ResolvedOptions): ServerState {
	const logger = createServerLogger(options.quiet);
	const log = new EventLog(options.logCapacity);
	const sessions = new SessionStore((session) =>
		logger.info(`session started ${session.id} (${session.client}, ${session.deviceName})`)
	);
	const userData = new UserDataStore();
	const users = createUsers();
	const userDataNotifier = new UserDataNotifier(options.userDataDebounceMs, (userId, items) => {
		const userSessions = sessions.list().filter((session) => session.userId === userId);
		const change = {
			UserId: userId,
			UserDataList: items.map((item) => toUserDataDto(userData, userId, item))
		};
		sendToSessions(userSessions, 'UserDataChanged', change);
	});
	return {
		options,
		serverId: md5Guid(`cue-demo-server:${options.serverName}`),
		port: 0,
		users,
		devices: new DeviceStore(),
		sessions,
		userData,
		userDataNotifier,
		quickConnect: new QuickConnectStore(),
		log,
		logger,
		faults: new ServerFaults(log, logger),
		startOptions: { ...options }
	};
}
