import type { PlaybackOrder, PlayMethod, RepeatMode } from '../core/enums.ts';

/**
 * A client's `ClientCapabilities`, as last posted for its DeviceId. Jellyfin restricts the lists
 * to its MediaType and GeneralCommandType enums; Emby takes any strings.
 */
export interface Capabilities {
	playableMediaTypes: string[];
	supportedCommands: string[];
	supportsMediaControl: boolean;
	supportsPersistentIdentifier: boolean;
	deviceProfile?: unknown;
	appStoreUrl?: string;
	iconUrl?: string;
}

/** Returns the capabilities of a session whose device never posted any (the model's defaults). */
export function defaultCapabilities(): Capabilities {
	return {
		playableMediaTypes: [],
		supportedCommands: [],
		supportsMediaControl: false,
		supportsPersistentIdentifier: true
	};
}

/** `PlayerStateInfo`: what the last check-in reported. */
export interface PlayState {
	positionTicks?: number;
	canSeek: boolean;
	isPaused: boolean;
	isMuted: boolean;
	volumeLevel?: number;
	audioStreamIndex?: number;
	subtitleStreamIndex?: number;
	mediaSourceId?: string;
	playMethod?: PlayMethod;
	repeatMode: RepeatMode;
	playbackOrder: PlaybackOrder;
	liveStreamId?: string;
}

export function emptyPlayState(): PlayState {
	return {
		canSeek: false,
		isPaused: false,
		isMuted: false,
		repeatMode: 'RepeatNone',
		playbackOrder: 'Default'
	};
}

export interface QueueItem {
	Id: string;
	PlaylistItemId?: string;
}

/** A socket bound to a session, implemented by the socket module. */
export interface SessionSocket {
	readonly isOpen: boolean;
	/** Time of the last frame received from the client, in ms. */
	readonly lastActivityAt: number;
	/** Time of the last client KeepAlive, in ms. */
	readonly lastKeepAliveAt: number;
	/** Returns whether the server has stopped delivering to this socket (Emby's idle rule). */
	checkStale(now: number): boolean;
	/** Sends one server message in the mode's envelope style. */
	sendMessage(messageType: string, messageId: string, data?: unknown): void;
	/** Sends one text frame as it is. */
	send(text: string): void;
	close(code: number, reason: string): void;
}

/**
 * One session, keyed by Client + DeviceId. `progress` contains the last real check-in, from which
 * the position is extrapolated by one second per second while playing.
 */
export interface Session {
	id: string;
	key: string;
	client: string;
	deviceId: string;
	deviceName: string;
	applicationVersion: string;
	userId: string;
	userName: string;
	remoteEndPoint: string;
	lastActivityDate: number;
	lastPlaybackCheckIn?: number;
	lastPausedDate?: number;
	capabilities: Capabilities;
	playState: PlayState;
	nowPlayingItemId?: string;
	nowPlayingItem?: Record<string, unknown>;
	nowPlayingQueue: QueueItem[];
	nowPlayingQueueFullItems: unknown[];
	playlistItemId?: string;
	progress?: { reportedAt: number; positionTicks?: number; isPaused: boolean };
	/** True once a socket has attached; from then on the session ends with its last socket. */
	hasSocketController: boolean;
	sockets: Set<SessionSocket>;
}

export function openSockets(session: Session): SessionSocket[] {
	return [...session.sockets].filter((socket) => socket.isOpen);
}

/** Returns whether a session allows media control and has an open socket (`SupportsRemoteControl`). */
export function supportsRemoteControl(session: Session): boolean {
	return session.capabilities.supportsMediaControl && openSockets(session).length > 0;
}
