/** Settings of a test server. Every field is optional, and behaviour defaults follow Jellyfin 10.11. */
export interface ServerOptions {
	/** TCP port on 127.0.0.1; 0 picks a free one. Default 0. */
	port?: number;
	/** Seconds without a client KeepAlive before a socket counts as lost; sent as ForceKeepAlive Data. Default 60. */
	keepAliveSeconds?: number;
	/** `ServerName` in the system info. Default "Cue Demo Server". */
	serverName?: string;
	/**
	 * Accept the legacy auth sources (`X-Emby-Authorization`, `X-Emby-Token`,
	 * `X-MediaBrowser-Token`, the `Emby` scheme, `api_key`). Default true as in 10.11; false is 12.0.
	 */
	legacyAuthorization?: boolean;
	/** Abort a socket once it is lost, as 12.0 does; 10.11 only stops watching it. Default false. */
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
}

export type ResolvedOptions = Required<ServerOptions>;

export function resolveOptions(options: ServerOptions): ResolvedOptions {
	return {
		port: options.port ?? 0,
		keepAliveSeconds: options.keepAliveSeconds ?? 60,
		serverName: options.serverName ?? 'Cue Demo Server',
		legacyAuthorization: options.legacyAuthorization ?? true,
		closeLostSockets: options.closeLostSockets ?? false,
		quiet: options.quiet ?? process.env.CUE_SERVER_QUIET === '1',
		idlePlaybackTimeoutSeconds: options.idlePlaybackTimeoutSeconds ?? 300,
		userDataDebounceMs: options.userDataDebounceMs ?? 500,
		quickConnectEnabled: options.quickConnectEnabled ?? true,
		logCapacity: options.logCapacity ?? 20_000
	};
}
