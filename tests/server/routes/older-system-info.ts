import { MODE_FACTS } from '../modes/server-mode.ts';
import type { ServerState } from '../state.ts';

function localAddress(state: ServerState): string {
	return `http://127.0.0.1:${state.port}`;
}

/**
 * Builds Emby 4.8's `PublicSystemInfo`. The OpenAPI schema lists the address fields, ServerName,
 * Version and Id. ProductName, OperatingSystem and StartupWizardCompleted are what
 * third-party captures of live servers show. The server only listens on loopback, so every address is that one.
 */
export function embyPublicInfo(state: ServerState) {
	const address = localAddress(state);
	return {
		LocalAddress: address,
		LocalAddresses: [address],
		WanAddress: address,
		RemoteAddresses: [address],
		ServerName: state.options.serverName,
		Version: MODE_FACTS.emby.version,
		ProductName: 'Emby Server',
		OperatingSystem: 'Linux',
		Id: state.serverId,
		StartupWizardCompleted: true
	};
}

/** Builds Emby 4.8's `SystemInfo`: the public fields plus the state and path fields. */
export function embySystemInfo(state: ServerState) {
	const dataPath = '/var/lib/emby';
	return {
		...embyPublicInfo(state),
		OperatingSystemDisplayName: 'Linux',
		PackageName: 'emby-server-deb_4.8.11.0_amd64.deb',
		HasPendingRestart: state.pendingRestart,
		IsShuttingDown: false,
		SupportsLibraryMonitor: true,
		// The socket lives on the HTTP port at /embywebsocket.
		WebSocketPortNumber: state.port,
		CompletedInstallations: [],
		CanSelfRestart: true,
		CanSelfUpdate: false,
		CanLaunchWebBrowser: false,
		ProgramDataPath: dataPath,
		ItemsByNamePath: `${dataPath}/metadata`,
		CachePath: `${dataPath}/cache`,
		LogPath: `${dataPath}/logs`,
		InternalMetadataPath: `${dataPath}/metadata`,
		TranscodingTempPath: `${dataPath}/transcoding-temp`,
		HttpServerPortNumber: state.port,
		SupportsHttps: false,
		HttpsPortNumber: 8920,
		HasUpdateAvailable: false,
		SupportsAutoRunAtStartup: false
	};
}

/** Builds MediaBrowser 3's `PublicSystemInfo`, which had no ProductName. */
export function mediaBrowserPublicInfo(state: ServerState) {
	return {
		LocalAddress: localAddress(state),
		ServerName: state.options.serverName,
		Version: MODE_FACTS.mediabrowser.version,
		OperatingSystem: 'Linux',
		Id: state.serverId
	};
}

/**
 * Builds MediaBrowser 3's `SystemInfo`. `WebSocketPortNumber` is the port of the separate
 * WebSocket server, which clients had to read because it differed from the HTTP port whenever
 * the operating system had no native WebSocket support.
 */
export function mediaBrowserSystemInfo(state: ServerState) {
	const dataPath = '/var/lib/mediabrowser';
	return {
		...mediaBrowserPublicInfo(state),
		HasPendingRestart: state.pendingRestart,
		IsNetworkDeployed: false,
		InProgressInstallations: [],
		WebSocketPortNumber: state.legacySocketPort,
		CompletedInstallations: [],
		CanSelfRestart: true,
		CanSelfUpdate: false,
		FailedPluginAssemblies: [],
		ProgramDataPath: dataPath,
		ItemsByNamePath: `${dataPath}/ImagesByName`,
		CachePath: `${dataPath}/cache`,
		LogPath: `${dataPath}/logs`,
		TranscodingTempPath: `${dataPath}/transcoding-temp`,
		HttpServerPortNumber: state.port,
		HasUpdateAvailable: false,
		SupportsAutoRunAtStartup: false
	};
}
