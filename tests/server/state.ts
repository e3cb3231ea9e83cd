import { DeviceStore } from './auth/devices.ts';
import { QuickConnectStore } from './auth/quick-connect.ts';
import { createUsers, type User } from './auth/users.ts';
import { EventLog } from './core/event-log.ts';
import { createServerLogger, type ServerLogger } from './core/logger.ts';
import { ServerFaults } from './faults/server-faults.ts';
import { md5Guid } from './core/wire.ts';
import { EMBY_ITEM_IDS, type EmbyItemIds } from './library/emby-item-ids.ts';
import { toUserDataDto, UserDataStore } from './library/user-data.ts';
import type { ResolvedOptions } from './options.ts';
import { commandRulesFor, type CommandRules } from './sessions/command-rules.ts';
import { sendToSessions } from './sessions/messaging.ts';
import { defaultCapabilities } from './sessions/session.ts';
import { SessionStore } from './sessions/session-store.ts';
import { UserDataNotifier } from './sessions/user-data-notifier.ts';

/** Everything one running test server holds; all of it lives in memory. */
export interface ServerState {
	options: ResolvedOptions;
	/** Derived from the server name, so it stays the same across restarts like a real server's. */
	serverId: string;
	/** The bound HTTP port, known once the server listens. */
	port: number;
	/** MediaBrowser mode: the bound port of the separate WebSocket server; 0 in other modes. */
	legacySocketPort: number;
	/** Set by `/__test/restart-required` and cleared by a restart: `HasPendingRestart`. */
	pendingRestart: boolean;
	/** Emby mode: the decimal item ids clients see; undefined where clients see catalog ids. */
	embyItemIds: EmbyItemIds | undefined;
	/** The commands, playstate and play rules controllers are held to. */
	commandRules: CommandRules;
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

/**
 * Creates the session store. MediaBrowser 3 offered remote control of every session with an open
 * socket, so there a session starts with media control on.
 * NOTE: that rule is not confirmed against the 2014 source.
 */
function createSessionStore(options: ResolvedOptions, logger: ServerLogger): SessionStore {
	const onCreated = (session: { id: string; client: string; deviceName: string }) =>
		logger.info(`session started ${session.id} (${session.client}, ${session.deviceName})`);
	if (options.mode !== 'mediabrowser') return new SessionStore(onCreated);
	return new SessionStore(onCreated, () => ({
		...defaultCapabilities(),
		supportsMediaControl: true
	}));
}

export function createState(options: ResolvedOptions): ServerState {
	const logger = createServerLogger(options.quiet);
	const log = new EventLog(options.logCapacity);
	const sessions = createSessionStore(options, logger);
	const userData = new UserDataStore();
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
		legacySocketPort: 0,
		pendingRestart: false,
		embyItemIds: options.mode === 'emby' ? EMBY_ITEM_IDS : undefined,
		commandRules: commandRulesFor(options.mode),
		users: createUsers(),
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
