import { sendJson } from '../core/http.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { SERVER_VERSION, type ServerState } from '../state.ts';

function publicInfo(state: ServerState) {
	return {
		LocalAddress: `http://127.0.0.1:${state.port}`,
		ServerName: state.options.serverName,
		Version: SERVER_VERSION,
		ProductName: 'Jellyfin Server',
		OperatingSystem: '',
		Id: state.serverId,
		StartupWizardCompleted: true
	};
}

/** Builds `SystemInfo`: the public fields plus 10.11's extra and obsolete ones. */
function fullInfo(state: ServerState) {
	const dataPath = '/var/lib/jellyfin';
	return {
		...publicInfo(state),
		OperatingSystemDisplayName: '',
		HasPendingRestart: false,
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
		handler: (ctx: RequestContext) => sendJson(ctx.res, 200, fullInfo(ctx.state))
	},
	{
		methods: ['GET', 'POST'],
		pattern: '/System/Ping',
		auth: false,
		handler: (ctx: RequestContext) => sendJson(ctx.res, 200, 'Jellyfin Server')
	}
];
