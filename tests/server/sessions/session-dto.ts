import { EMPTY_GUID, formatDate, MIN_DATE, TICKS_PER_SECOND } from '../core/wire.ts';
import { openSockets, supportsRemoteControl, type Capabilities, type Session } from './session.ts';

/**
 * Returns the position and activity time the server would show now. After each real check-in
 * Jellyfin adds one second per elapsed second while not paused (`StartAutomaticProgress`), and
 * stops before the item's runtime. Each of those automatic updates also counts as activity.
 */
export function extrapolate(session: Session, now: number) {
	const stored = {
		positionTicks: session.playState.positionTicks,
		activity: session.lastActivityDate
	};
	const progress = session.progress;
	if (progress === undefined || progress.isPaused) return stored;

	const elapsedSteps = Math.floor((now - progress.reportedAt) / 1000);
	const start = Math.max(0, progress.positionTicks ?? 0);
	const runtime = session.nowPlayingItem?.RunTimeTicks;
	const maxSteps =
		typeof runtime === 'number'
			? Math.max(0, Math.ceil((runtime - start) / TICKS_PER_SECOND) - 1)
			: elapsedSteps;
	const steps = Math.min(elapsedSteps, maxSteps);
	if (steps <= 0) return stored;
	return {
		positionTicks: start + steps * TICKS_PER_SECOND,
		activity: Math.max(session.lastActivityDate, progress.reportedAt + steps * 1000)
	};
}

function capabilitiesDto(capabilities: Capabilities) {
	return {
		PlayableMediaTypes: capabilities.playableMediaTypes,
		SupportedCommands: capabilities.supportedCommands,
		SupportsMediaControl: capabilities.supportsMediaControl,
		SupportsPersistentIdentifier: capabilities.supportsPersistentIdentifier,
		DeviceProfile: capabilities.deviceProfile,
		AppStoreUrl: capabilities.appStoreUrl,
		IconUrl: capabilities.iconUrl
	};
}

function playStateDto(session: Session, positionTicks: number | undefined) {
	const state = session.playState;
	return {
		PositionTicks: positionTicks,
		CanSeek: state.canSeek,
		IsPaused: state.isPaused,
		IsMuted: state.isMuted,
		VolumeLevel: state.volumeLevel,
		AudioStreamIndex: state.audioStreamIndex,
		SubtitleStreamIndex: state.subtitleStreamIndex,
		MediaSourceId: state.mediaSourceId,
		PlayMethod: state.playMethod,
		RepeatMode: state.repeatMode,
		PlaybackOrder: state.playbackOrder,
		LiveStreamId: state.liveStreamId
	};
}

/** Builds the 10.11 `SessionInfoDto`, with properties in the server's order. */
export function toSessionDto(session: Session, serverId: string, now = Date.now()) {
	const { positionTicks, activity } = extrapolate(session, now);
	const controllable = supportsRemoteControl(session);
	return {
		PlayState: playStateDto(session, positionTicks),
		AdditionalUsers: [],
		Capabilities: capabilitiesDto(session.capabilities),
		RemoteEndPoint: session.remoteEndPoint,
		PlayableMediaTypes: session.capabilities.playableMediaTypes,
		Id: session.id,
		UserId: session.userId || EMPTY_GUID,
		UserName: session.userName || undefined,
		Client: session.client,
		LastActivityDate: formatDate(activity),
		LastPlaybackCheckIn:
			session.lastPlaybackCheckIn === undefined
				? MIN_DATE
				: formatDate(session.lastPlaybackCheckIn),
		LastPausedDate:
			session.lastPausedDate === undefined ? undefined : formatDate(session.lastPausedDate),
		DeviceName: session.deviceName || undefined,
		NowPlayingItem: session.nowPlayingItem,
		DeviceId: session.deviceId,
		ApplicationVersion: session.applicationVersion,
		IsActive: !session.hasSocketController || openSockets(session).length > 0,
		SupportsMediaControl: controllable,
		SupportsRemoteControl: controllable,
		NowPlayingQueue: session.nowPlayingQueue,
		NowPlayingQueueFullItems: session.nowPlayingQueueFullItems,
		HasCustomDeviceName: false,
		PlaylistItemId: session.playlistItemId,
		ServerId: serverId,
		SupportedCommands: session.capabilities.supportedCommands
	};
}
