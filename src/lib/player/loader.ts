import type { MediaServerApi } from '$lib/api/media-server';
import { ApiError } from '$lib/api/errors';
import { randomHex } from '$lib/identity';
import { secondsToTicks } from '$lib/protocol/ticks';
import type { BaseItem, MediaSource, PlaybackInfoResponse } from '$lib/protocol/schemas';
import type { QueueEntry } from '$lib/queue';
import type { LoadedMedia } from '$lib/stores/player.svelte';
import type { DeviceProfile } from './device-profile';
import {
	chooseAudioIndex,
	choosePlayback,
	chooseSubtitleIndex,
	isExternalText,
	needsBurnIn,
	streamsOfType,
	type PlaybackChoice
} from './media-choice';
import type { CanPlayType, MediaKind } from './media-types';
import type { TextSubtitle } from './subtitles';

/** Per-item choices a Play command can carry for its starting item. */
export interface StartOptions {
	mediaSourceId?: string;
	audioStreamIndex?: number;
	/** -1 turns subtitles off. */
	subtitleStreamIndex?: number;
	maxStreamingBitrate?: number;
	/** Loads the item paused at the start position instead of playing it, as after a reload. */
	startPaused?: boolean;
}

/** The browser's playback abilities, for choosing between direct play and the server's transcode. */
export interface PlaybackCapabilities {
	canPlayType: CanPlayType;
	profile: DeviceProfile;
}

interface LoadRequest {
	api: MediaServerApi;
	userId: string;
	item: BaseItem;
	startSeconds: number;
	options: StartOptions;
	capabilities: PlaybackCapabilities;
}

function mediaKind(item: BaseItem): MediaKind {
	return item.MediaType === 'Audio' ? 'Audio' : 'Video';
}

/**
 * Stands in for PlaybackInfo on MediaBrowser 3, which has none: the item's own MediaSources, which
 * Cue plays directly or not at all, and a play session id of Cue's making.
 */
function itemPlaybackInfo(item: BaseItem): PlaybackInfoResponse {
	return { MediaSources: item.MediaSources ?? [], PlaySessionId: randomHex(16) };
}

/** Asks the server's PlaybackInfo how to play `itemId` from `startSeconds` in this browser. */
export function fetchPlaybackInfo(
	api: MediaServerApi,
	userId: string,
	itemId: string,
	startSeconds: number,
	options: StartOptions,
	capabilities: PlaybackCapabilities,
	enableDirectPlay = true
): Promise<PlaybackInfoResponse> {
	return api.getPlaybackInfo(itemId, {
		userId,
		startTimeTicks: secondsToTicks(startSeconds),
		mediaSourceId: options.mediaSourceId,
		audioStreamIndex: options.audioStreamIndex,
		subtitleStreamIndex: options.subtitleStreamIndex,
		maxStreamingBitrate: options.maxStreamingBitrate,
		deviceProfile: capabilities.profile,
		enableDirectPlay
	});
}

async function requestPlaybackInfo(
	request: LoadRequest,
	enableDirectPlay: boolean,
	early?: Promise<PlaybackInfoResponse>
) {
	const { api, userId, item, startSeconds, options, capabilities } = request;
	if (!api.dialect.hasPlaybackInfo) {
		const info = itemPlaybackInfo(item);
		return { info, source: pickSource(info, item, options.mediaSourceId) };
	}
	const info = await (early ??
		fetchPlaybackInfo(api, userId, item.Id, startSeconds, options, capabilities, enableDirectPlay));
	if (info.ErrorCode) {
		throw new ApiError('bad-response', `The server cannot play "${item.Name}": ${info.ErrorCode}`);
	}
	return { info, source: pickSource(info, item, options.mediaSourceId) };
}

function pickSource(info: PlaybackInfoResponse, item: BaseItem, mediaSourceId?: string) {
	const wanted = mediaSourceId?.toLowerCase();
	const source =
		info.MediaSources.find((candidate) => candidate.Id.toLowerCase() === wanted) ??
		info.MediaSources[0];
	if (!source) {
		throw new ApiError('bad-response', `The server offered no media source for "${item.Name}"`);
	}
	return source;
}

function decide(request: LoadRequest, source: MediaSource): PlaybackChoice {
	const selection = {
		audioStreamIndex: chooseAudioIndex(source, request.options.audioStreamIndex),
		subtitleStreamIndex: chooseSubtitleIndex(source, request.options.subtitleStreamIndex)
	};
	return choosePlayback(
		source,
		mediaKind(request.item),
		selection,
		request.capabilities.canPlayType
	);
}

/** Returns the absolute URL of a server path, or the URL itself when it is absolute already. */
function absolute(api: MediaServerApi, url: string): string {
	return /^https?:\/\//i.test(url) ? url : `${api.baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}

/**
 * Adds StartTimeTicks to a transcode URL that lacks it, so a server that starts a transcode at the
 * position in its URL starts at the requested position.
 */
function withStartTime(url: string, startSeconds: number): string {
	if (startSeconds <= 0 || /[?&]StartTimeTicks=/i.test(url)) return url;
	return `${url}${url.includes('?') ? '&' : '?'}StartTimeTicks=${secondsToTicks(startSeconds)}`;
}

function textSubtitles(api: MediaServerApi, source: MediaSource): TextSubtitle[] {
	return streamsOfType(source, 'Subtitle')
		.filter(isExternalText)
		.map((stream) => ({
			index: stream.Index,
			url: absolute(api, stream.DeliveryUrl!),
			label: stream.DisplayTitle ?? stream.Title ?? stream.Language ?? `Subtitle ${stream.Index}`,
			language: stream.Language
		}));
}

function streamOf(
	request: LoadRequest,
	source: MediaSource,
	playSessionId: string,
	choice: Exclude<PlaybackChoice, { kind: 'none' }>
): Pick<LoadedMedia, 'playMethod' | 'url' | 'delivery'> {
	const { api, item, startSeconds } = request;
	if (choice.kind === 'direct') {
		const url = api.streamUrl(item, source, playSessionId);
		return { playMethod: 'DirectPlay', url, delivery: 'file' };
	}
	const url = withStartTime(absolute(api, choice.url), startSeconds);
	return {
		playMethod: choice.playMethod,
		url,
		delivery: choice.protocol === 'hls' ? 'hls' : 'file'
	};
}

/**
 * Asks the server how to play one queue entry, with this browser's DeviceProfile, and builds the
 * stream URL: the direct stream when the browser decodes the file with the chosen streams, else
 * the server's transcode. A server that offers direct play the browser cannot use, and no
 * transcode, is asked once more with direct play turned off. `early` is a PlaybackInfo with
 * direct play already requested for exactly this item, start and options.
 */
export async function resolveMedia(
	api: MediaServerApi,
	userId: string,
	entry: QueueEntry,
	item: BaseItem,
	startSeconds: number,
	options: StartOptions,
	capabilities: PlaybackCapabilities,
	early?: Promise<PlaybackInfoResponse>
): Promise<LoadedMedia> {
	const request: LoadRequest = { api, userId, item, startSeconds, options, capabilities };
	let { info, source } = await requestPlaybackInfo(request, true, early);
	let choice = decide(request, source);
	if (choice.kind === 'none' && source.SupportsDirectPlay !== false) {
		({ info, source } = await requestPlaybackInfo(request, false));
		choice = decide(request, source);
	}
	if (choice.kind === 'none') {
		throw new ApiError('bad-response', `Cannot play "${item.Name}": ${choice.reason}`);
	}
	const subtitleStreamIndex = chooseSubtitleIndex(source, options.subtitleStreamIndex);
	const playSessionId = info.PlaySessionId ?? '';
	const stream = streamOf(request, source, playSessionId, choice);
	return {
		entry,
		item,
		source,
		playSessionId,
		...stream,
		offsetSeconds: 0,
		audioStreamIndex: chooseAudioIndex(source, options.audioStreamIndex),
		subtitleStreamIndex,
		subtitleBurnedIn:
			stream.playMethod !== 'DirectPlay' && needsBurnIn(source, subtitleStreamIndex),
		textSubtitles: textSubtitles(api, source)
	};
}
