import { sendJson } from '../core/http.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { MODE_FACTS } from '../modes/server-mode.ts';
import type { ServerState } from '../state.ts';
import {
	embyPublicInfo,
	embySystemInfo,
	mediaBrowserPublicInfo,
	mediaBrowserSystemInfo
} from './older-system-info.ts';

function jellyfinPublicInfo(state: ServerState) {
	return {
		LocalAddress: `http://127.0.0.1:${state.port}`,
		ServerName: state.options.serverName,
		Version: MODE_FACTS[state.options.mode].version,
		ProductName: 'Jellyfin Server',
		OperatingSystem: '',
		Id: state.serverId,
		StartupWizardCompleted: true
	};
}

/** Builds `SystemInfo`: the public fields plus 10.11's extra and obsolete ones. */
function jellyfinSystemInfo(state: ServerState) {
	const dataPath = '/var/lib/jellyfin';
	return {
		...jellyfinPublicInfo(state),
		OperatingSystemDisplayName: '',
		HasPendingRestart: state.pendingRestart,
		IsShuttingDown: false,
		SupportsLibraryMonitor: true,
		// A vestige: clients must open the socket on the HTTP port, which this equals.
		WebSocketPortNumber: state.port,
		CompletedInstallations: [],
		CanSelfRestart: true,
		CanLaunchWebBrowser: false,
		ProgramDataPath: dataPath,
		WebPath: '/usr/share/jellyfin/web',
		ItemsByNamePath: `${dataPath}/metadata`,
		CachePath: '/var/cache/jellyfin',
		LogPath: '/var/log/jellyfin',
		InternalMetadataPath: `${dataPath}/metadata`,
		TranscodingTempPath: `${dataPath}/transcodes`,
		CastReceiverApplications: [
			{ Id: 'F007D354', Name: 'Stable' },
			{ Id: '6F511C87', Name: 'Unstable' }
		],
		HasUpdateAvailable: false,
		EncoderLocation: 'System',
		SystemArchitecture: 'X64'
	};
}

/** Builds the mode's `PublicSystemInfo`. */
export function publicInfo(state: ServerState): object {
	if (state.options.mode === 'emby') return embyPublicInfo(state);
	if (state.options.mode === 'mediabrowser') return mediaBrowserPublicInfo(state);
	return jellyfinPublicInfo(state);
}

/** Builds the mode's `SystemInfo`, which MediaBrowser 3 also sent as RestartRequired Data. */
export function systemInfo(state: ServerState): object {
	if (state.options.mode === 'emby') return embySystemInfo(state);
	if (state.options.mode === 'mediabrowser') return mediaBrowserSystemInfo(state);
	return jellyfinSystemInfo(state);
}

export const systemRoutes: Route[] = [
	{
		methods: ['GET'],
		pattern: '/System/Info/Public',
		auth: false,
		handler: (ctx: RequestContext) => sendJson(ctx.res, 200, publicInfo(ctx.state))
	},
	{
		methods: ['GET'],
		pattern: '/System/Info',
		auth: true,
		handler: (ctx: RequestContext) => sendJson(ctx.res, 200, systemInfo(ctx.state))
	},
	{
		methods: ['GET', 'POST'],
		pattern: '/System/Ping',
		auth: false,
		// NOTE: Emby's reply text is not confirmed.
		handler: (ctx: RequestContext) =>
			sendJson(ctx.res, 200, ctx.state.options.mode === 'emby' ? 'Emby Server' : 'Jellyfin Server')
	}
];
