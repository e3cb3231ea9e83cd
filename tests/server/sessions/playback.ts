import {
	PLAY_METHODS,
	type PlaybackOrder,
	type PlayMethod,
	type RepeatMode
} from '../core/enums.ts';
import { EMPTY_GUID } from '../core/wire.ts';
import { findItem } from '../library/catalog.ts';
import { findRunningJob } from '../library/transcode-jobs.ts';
import { toItemDto, toNowPlayingItemDto } from '../library/item-dto.ts';
import { supportsResume, updatePlayState } from '../library/user-data.ts';
import type { ServerState } from '../state.ts';
import { emptyPlayState, type QueueItem, type Session } from './session.ts';

/** A parsed `PlaybackStartInfo` or `PlaybackProgressInfo`. */
export interface ProgressReport {
	canSeek: boolean;
	item?: Record<string, unknown>;
	itemId?: string;
	mediaSourceId?: string;
	audioStreamIndex?: number;
	subtitleStreamIndex?: number;
	isPaused: boolean;
	isMuted: boolean;
	positionTicks?: number;
	volumeLevel?: number;
	playMethod: PlayMethod;
	liveStreamId?: string;
	playSessionId?: string;
	repeatMode: RepeatMode;
	playbackOrder: PlaybackOrder;
	nowPlayingQueue?: QueueItem[];
	playlistItemId?: string;
}

/** A parsed `PlaybackStopInfo`. */
export interface StopReport {
	itemId?: string;
	positionTicks?: number;
	failed: boolean;
	nowPlayingQueue?: QueueItem[];
	playlistItemId?: string;
}

// Without a running transcoding job for the PlaySessionId, the server records Transcode as DirectPlay.
function validatePlayMethod(method: PlayMethod, playSessionId: string | undefined): PlayMethod {
	if (method !== PLAY_METHODS[0]) return method;
	return findRunningJob(playSessionId) ? method : 'DirectPlay';
}

function sameQueue(a: QueueItem[], b: QueueItem[]): boolean {
	return (
		a.length === b.length &&
		a.every((entry, i) => entry.Id === b[i]?.Id && entry.PlaylistItemId === b[i]?.PlaylistItemId)
	);
}

function updateQueue(state: ServerState, session: Session, queue: QueueItem[] | undefined): void {
	if (queue === undefined || queue.length === 0 || sameQueue(queue, session.nowPlayingQueue))
		return;
	session.nowPlayingQueue = queue;
	const ids = queue.map((entry) => entry.Id).filter((id, index, all) => all.indexOf(id) === index);
	session.nowPlayingQueueFullItems = ids
		.map(findItem)
		.filter((item) => item !== undefined)
		.map((item) => toItemDto(item, { serverId: state.serverId, fields: 'all' }));
}

function nowPlayingFor(state: ServerState, session: Session, report: ProgressReport) {
	const libraryItem = report.itemId === undefined ? undefined : findItem(report.itemId);
	if (report.item !== undefined || libraryItem === undefined) return report.item;
	const current = session.nowPlayingItem;
	if (current !== undefined && current.Id === libraryItem.id) return current;
	return toNowPlayingItemDto(libraryItem, state.serverId);
}

/**
 * Applies a start or progress check-in as `SessionManager.UpdateNowPlayingItem` does and
 * restarts the one-second position extrapolation from the reported position.
 */
export function applyProgress(state: ServerState, session: Session, report: ProgressReport): void {
	const now = Date.now();
	session.nowPlayingItem = nowPlayingFor(state, session, report);
	session.nowPlayingItemId = report.itemId;
	session.lastActivityDate = now;
	session.lastPlaybackCheckIn = now;
	if (!report.isPaused) session.lastPausedDate = undefined;
	else session.lastPausedDate ??= now;
	session.playState = {
		positionTicks: report.positionTicks,
		canSeek: report.canSeek,
		isPaused: report.isPaused,
		isMuted: report.isMuted,
		volumeLevel: report.volumeLevel,
		audioStreamIndex: report.audioStreamIndex,
		subtitleStreamIndex: report.subtitleStreamIndex,
		mediaSourceId: report.mediaSourceId || (report.itemId ?? EMPTY_GUID),
		playMethod: validatePlayMethod(report.playMethod, report.playSessionId),
		repeatMode: report.repeatMode,
		playbackOrder: report.playbackOrder,
		liveStreamId: report.liveStreamId
	};
	session.playlistItemId = report.playlistItemId;
	updateQueue(state, session, report.nowPlayingQueue);
	session.progress = {
		reportedAt: now,
		positionTicks: report.positionTicks,
		isPaused: report.isPaused
	};
}

/** Counts a play of the item for the session's user: PlayCount, LastPlayedDate, Played. */
export function recordPlaybackStart(state: ServerState, session: Session, itemId?: string): void {
	const item = itemId === undefined ? undefined : findItem(itemId);
	if (item === undefined || session.userId === '') return;
	const data = state.userData.get(session.userId, item.id);
	data.playCount += 1;
	data.lastPlayedDate = Date.now();
	data.played = !supportsResume(item);
	state.userDataNotifier.itemSaved(session.userId, item);
}

/** Saves the resume position of a progress report, without announcing it. */
export function recordPlaybackProgress(
	state: ServerState,
	session: Session,
	report: ProgressReport
): void {
	const item = report.itemId === undefined ? undefined : findItem(report.itemId);
	if (item === undefined || session.userId === '' || report.positionTicks === undefined) return;
	updatePlayState(item, state.userData.get(session.userId, item.id), report.positionTicks);
}

/** Applies a stop check-in: clears the now-playing state and saves the user's play state. */
export function applyStop(state: ServerState, session: Session, report: StopReport): void {
	session.progress = undefined;
	if (report.nowPlayingQueue !== undefined) session.nowPlayingQueue = report.nowPlayingQueue;
	session.playlistItemId = report.playlistItemId;
	session.nowPlayingItem = undefined;
	session.nowPlayingItemId = undefined;
	session.playState = emptyPlayState();

	const item = report.itemId === undefined ? undefined : findItem(report.itemId);
	if (item === undefined || session.userId === '' || report.failed) return;
	const data = state.userData.get(session.userId, item.id);
	if (report.positionTicks !== undefined) {
		updatePlayState(item, data, report.positionTicks);
	} else {
		data.playCount += 1;
		data.played = true;
		data.playbackPositionTicks = 0;
	}
	state.userDataNotifier.itemSaved(session.userId, item);
}
