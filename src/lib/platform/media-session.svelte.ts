import type { MediaServerApi } from '$lib/api/media-server';
import { createLogger } from '$lib/log';
import type { ActionResult } from '$lib/player/engine';
import type { Transport } from '$lib/player/transport';
import { player } from '$lib/stores/player.svelte';
import {
	mediaMetadataOf,
	positionStateOf,
	sessionPlaybackStateOf,
	type ArtworkSource
} from './media-session-state';

export interface MediaSessionDeps {
	media: HTMLMediaElement;
	transport: Transport;
	api(): MediaServerApi | null;
}

/** Skip lengths for the seek buttons when the browser passes no `seekOffset`. */
const SEEK_BACKWARD_SECONDS = 10;
const SEEK_FORWARD_SECONDS = 30;
const ARTWORK_WIDTH = 512;
/** Media element events after which the position state that the system shows must change. */
const POSITION_EVENTS = [
	'durationchange',
	'loadedmetadata',
	'ratechange',
	'seeked',
	'play',
	'pause'
] as const;

const log = createLogger('media-session');

/**
 * Connects Cue to the Media Session API: the system's media controls (lock screen, headset and
 * keyboard media keys) show what plays and act through the Transport, so their actions are
 * reported to the server like Cue's own buttons. Does nothing where the API is missing.
 */
export function startMediaSession(deps: MediaSessionDeps): void {
	if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return;
	const session = navigator.mediaSession;
	registerActionHandlers(session, deps.transport);
	followPosition(session, deps.media);
	$effect.root(() => {
		$effect(() => {
			const item = player.loaded?.item ?? player.currentItem;
			const artworkUrl = ({ itemId, tag }: ArtworkSource) =>
				deps.api()?.imageUrl(itemId, tag, ARTWORK_WIDTH);
			setMetadata(session, item ? mediaMetadataOf(item, artworkUrl) : null);
		});
		$effect(() => {
			session.playbackState = sessionPlaybackStateOf(player.status);
		});
	});
}

function registerActionHandlers(session: MediaSession, transport: Transport): void {
	const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
		['play', () => logIgnored('play', transport.unpause())],
		['pause', () => logIgnored('pause', transport.pause())],
		['stop', () => logIgnored('stop', transport.stop())],
		['previoustrack', () => logIgnored('previoustrack', transport.previous())],
		['nexttrack', () => logIgnored('nexttrack', transport.next())],
		[
			'seekbackward',
			(details) =>
				logIgnored('seekbackward', transport.seekBy(-(details.seekOffset ?? SEEK_BACKWARD_SECONDS)))
		],
		[
			'seekforward',
			(details) =>
				logIgnored('seekforward', transport.seekBy(details.seekOffset ?? SEEK_FORWARD_SECONDS))
		],
		[
			'seekto',
			(details) => {
				if (details.seekTime !== undefined) logIgnored('seekto', transport.seek(details.seekTime));
			}
		]
	];
	for (const [action, handler] of handlers) {
		try {
			session.setActionHandler(action, handler);
		} catch (error) {
			// Browsers throw a TypeError for actions they do not know.
			log.debug(`this browser does not support the "${action}" action`, { error });
		}
	}
}

function logIgnored(action: MediaSessionAction, result: ActionResult): void {
	if (result !== 'applied') log.info(`media key "${action}" ignored: ${result.ignored}`);
}

function followPosition(session: MediaSession, media: HTMLMediaElement): void {
	const update = () => setPositionState(session, positionStateOf(media));
	for (const type of POSITION_EVENTS) media.addEventListener(type, update);
	media.addEventListener('emptied', () => setPositionState(session, null));
}

function setPositionState(session: MediaSession, state: MediaPositionState | null): void {
	if (typeof session.setPositionState !== 'function') return;
	try {
		if (state) session.setPositionState(state);
		else session.setPositionState();
	} catch (error) {
		log.debug('setPositionState rejected the position', { error, state });
	}
}

function setMetadata(session: MediaSession, init: MediaMetadataInit | null): void {
	if (typeof MediaMetadata !== 'function') return;
	try {
		session.metadata = init ? new MediaMetadata(init) : null;
	} catch (error) {
		log.warn('the browser rejected the media metadata', { error, title: init?.title });
	}
}
