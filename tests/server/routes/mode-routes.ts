import type { Route } from '../core/router.ts';
import type { ServerMode } from '../modes/server-mode.ts';
import { checkInRoutes } from './checkins.ts';
import { commandRoutes } from './commands.ts';
import { displayCommandRoutes } from './display-commands.ts';
import { imageRoutes } from './images.ts';
import { itemRoutes } from './items.ts';
import { playbackInfoRoutes } from './playback-info.ts';
import { quickConnectRoutes } from './quick-connect.ts';
import { remotePageRoutes } from './remote-page.ts';
import { sessionRoutes } from './sessions.ts';
import { streamRoutes } from './streams.ts';
import { systemRoutes } from './system.ts';
import { userRoutes } from './users.ts';

/**
 * Jellyfin additions that Emby 4.8 lacks: `/Items/{itemId}` and `/UserViews` came with Jellyfin
 * 10.9, and Emby's UserService has no `/Users/Me`.
 */
const NOT_IN_EMBY = ['/Items/{itemId}', '/UserViews', '/Users/Me'];

/** Routes that MediaBrowser 3 did not have yet, beyond those Emby lacks. */
const NOT_IN_MEDIABROWSER = [
	...NOT_IN_EMBY,
	'/System/Ping',
	'/Sessions/Capabilities/Full',
	'/Audio/{itemId}/universal'
];

function without(routes: Route[], patterns: string[]): Route[] {
	return routes.filter((route) => !patterns.includes(route.pattern));
}

/** Jellyfin 12.0 removed the GET form of `/QuickConnect/Initiate`, so GET returns 405. */
function postOnlyInitiate(routes: Route[]): Route[] {
	return routes.map((route) =>
		route.pattern === '/QuickConnect/Initiate' ? { ...route, methods: ['POST'] } : route
	);
}

function jellyfinRoutes(mode: ServerMode): Route[] {
	const quickConnect =
		mode === 'jellyfin-12' ? postOnlyInitiate(quickConnectRoutes) : quickConnectRoutes;
	return [
		...systemRoutes,
		...userRoutes,
		...quickConnect,
		...sessionRoutes,
		...commandRoutes,
		...displayCommandRoutes,
		...checkInRoutes,
		...itemRoutes,
		...playbackInfoRoutes,
		...streamRoutes,
		...imageRoutes,
		...remotePageRoutes
	];
}

/** Emby 4.8: no Quick Connect, and media streams require a token. */
function embyRoutes(): Route[] {
	const routes = [
		...systemRoutes,
		...userRoutes,
		...sessionRoutes,
		...commandRoutes,
		...displayCommandRoutes,
		...checkInRoutes,
		...itemRoutes,
		...playbackInfoRoutes,
		...streamRoutes.map((route) => ({ ...route, auth: true })),
		...imageRoutes
	];
	return without(routes, NOT_IN_EMBY);
}

/**
 * MediaBrowser 3: check-ins only over the socket, no PlaybackInfo (clients read MediaSources
 * from the items and play the static stream) and no Quick Connect.
 */
function mediaBrowserRoutes(): Route[] {
	const routes = [
		...systemRoutes,
		...userRoutes,
		...sessionRoutes,
		...commandRoutes,
		...displayCommandRoutes,
		...itemRoutes,
		...streamRoutes,
		...imageRoutes
	];
	return without(routes, NOT_IN_MEDIABROWSER);
}

/** Returns the API routes of a mode, without its path prefix. */
export function apiRoutesFor(mode: ServerMode): Route[] {
	if (mode === 'emby') return embyRoutes();
	if (mode === 'mediabrowser') return mediaBrowserRoutes();
	return jellyfinRoutes(mode);
}
