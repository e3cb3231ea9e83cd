/**
 * The servers this test server can imitate. `jellyfin` is Jellyfin 10.11, `jellyfin-12` the 12.0
 * release candidates, `emby` Emby Server 4.8 and `mediabrowser` the MediaBrowser 3 server of late
 * 2014, from which both descend.
 */
export const SERVER_MODES = ['jellyfin', 'jellyfin-12', 'emby', 'mediabrowser'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];

/** What a mode's clients see before they sign in: its version and where its API lives. */
export interface ModeFacts {
	/** `Version` in `/System/Info/Public`. */
	version: string;
	/** The path every API route sits under; un-prefixed paths return 404 when it is not empty. */
	apiPrefix: '' | '/emby' | '/mediabrowser';
	/** The path of the socket that the official clients open. */
	socketPath: string;
	/** Whether socket envelopes carry a `MessageId`. */
	messageIds: boolean;
}

export const MODE_FACTS: Readonly<Record<ServerMode, ModeFacts>> = {
	jellyfin: { version: '10.11.11', apiPrefix: '', socketPath: '/socket', messageIds: true },
	'jellyfin-12': { version: '12.0.0', apiPrefix: '', socketPath: '/socket', messageIds: true },
	emby: {
		version: '4.8.11.0',
		apiPrefix: '/emby',
		socketPath: '/embywebsocket',
		messageIds: false
	},
	mediabrowser: {
		version: '3.0.5482.0',
		apiPrefix: '/mediabrowser',
		socketPath: '/mediabrowser',
		messageIds: false
	}
};

export function isJellyfinMode(mode: ServerMode): boolean {
	return mode === 'jellyfin' || mode === 'jellyfin-12';
}

/** Returns the mode named by `text`, or throws an error that lists the valid names. */
export function parseServerMode(text: string): ServerMode {
	const mode = SERVER_MODES.find((candidate) => candidate === text);
	if (mode === undefined) {
		throw new Error(`Invalid server mode "${text}": expected one of ${SERVER_MODES.join(', ')}.`);
	}
	return mode;
}
