import { parseServerMode, type ServerMode } from './modes/server-mode.ts';

/** Settings of a test server. Every field is optional, and behaviour defaults follow Jellyfin 10.11. */
export interface ServerOptions {
	/**
	 * The server to imitate: `jellyfin` (10.11, the default), `jellyfin-12`, `emby` (4.8) or
	 * `mediabrowser` (MediaBrowser 3, late 2014). See the README for what each one changes.
	 */
	mode?: ServerMode;
	/** TCP port on 127.0.0.1; 0 picks a free one. Default 0. */
	port?: number;
	/** Seconds without a client KeepAlive before a socket counts as lost; sent as ForceKeepAlive Data. Default 60. */
	keepAliveSeconds?: number;
	/** `ServerName` in the system info. Default "Cue Demo Server". */
	serverName?: string;
	/**
	 * Accept the legacy auth sources (`X-Emby-Authorization`, `X-Emby-Token`,
	 * `X-MediaBrowser-Token`, the `Emby` scheme, `api_key`). Default true as in 10.11; false is 12.0.
	 * In `jellyfin-12` mode the default is false. Emby and MediaBrowser modes have their own
	 * rules and ignore it.
	 */
	legacyAuthorization?: boolean;
	/**
	 * Abort a socket once it is lost, as 12.0 does; 10.11 only stops watching it. Default false,
	 * true in `jellyfin-12` mode.
	 */
	closeLostSockets?: boolean;
	/** Silence the stdout event lines. Default false, or true when CUE_SERVER_QUIET=1. */
	quiet?: boolean;
	/** Stop a playing session after this many seconds without a check-in. Default 300. */
	idlePlaybackTimeoutSeconds?: number;
	/** Delay before UserDataChanged is sent, restarted by each change, in ms. Default 500. */
	userDataDebounceMs?: number;
	/** Whether Quick Connect is available. Default true. */
	quickConnectEnabled?: boolean;
	/** Number of events the test log keeps. Default 20000. */
	logCapacity?: number;
	/**
	 * Emby mode: seconds without any frame from the client after which a socket stays open but
	 * the server stops delivering messages to it. Default 300.
	 */
	embyIdleSocketSeconds?: number;
	/**
	 * MediaBrowser mode: TCP port of the separate WebSocket server that `/System/Info` reports as
	 * `WebSocketPortNumber`; 0 picks a free one. Default 0.
	 */
	legacySocketPort?: number;
}

export type ResolvedOptions = Required<ServerOptions>;

export function resolveOptions(options: ServerOptions): ResolvedOptions {
	const mode = parseServerMode(options.mode ?? 'jellyfin');
	return {
		mode,
		port: options.port ?? 0,
		keepAliveSeconds: options.keepAliveSeconds ?? 60,
		serverName: options.serverName ?? 'Cue Demo Server',
		legacyAuthorization: options.legacyAuthorization ?? mode !== 'jellyfin-12',
		closeLostSockets: options.closeLostSockets ?? mode === 'jellyfin-12',
		quiet: options.quiet ?? process.env.CUE_SERVER_QUIET === '1',
		idlePlaybackTimeoutSeconds: options.idlePlaybackTimeoutSeconds ?? 300,
		userDataDebounceMs: options.userDataDebounceMs ?? 500,
		quickConnectEnabled: options.quickConnectEnabled ?? true,
		logCapacity: options.logCapacity ?? 20_000,
		embyIdleSocketSeconds: options.embyIdleSocketSeconds ?? 300,
		legacySocketPort: options.legacySocketPort ?? 0
	};
}
