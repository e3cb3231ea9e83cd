import { dashedGuid } from '../core/wire.ts';
import { mediaSourceFor } from './media-source.ts';
import type { mediaStreamsFor } from './media-streams.ts';
import type { PlaybackDecision } from './playback-decision.ts';
import type { CatalogItem } from './types.ts';

/** The caller and request details that go into a PlaybackInfo response's URLs. */
export interface PlaybackContext {
	playSessionId: string;
	deviceId?: string;
	token?: string;
	/** The query parameter that carries the token in URLs: `ApiKey` (Jellyfin 10.11) or `api_key`. */
	tokenParameter: 'ApiKey' | 'api_key';
	startTimeTicks?: number;
}

/** Adds `DeliveryMethod` and, for external text subtitles, a WebVTT `DeliveryUrl` to each subtitle. */
function withDelivery(
	item: CatalogItem,
	streams: ReturnType<typeof mediaStreamsFor>,
	decision: PlaybackDecision,
	context: PlaybackContext
) {
	return streams.map((stream) => {
		const method = decision.subtitleMethods.get(stream.Index);
		if (method === undefined) return stream;
		if (method === 'Encode') return { ...stream, DeliveryMethod: method };
		const query = context.token ? `?${context.tokenParameter}=${context.token}` : '';
		const url = `/Videos/${dashedGuid(item.id)}/${item.id}/Subtitles/${stream.Index}/0/Stream.vtt${query}`;
		return { ...stream, DeliveryMethod: method, DeliveryUrl: url, IsExternalUrl: false };
	});
}

/** Builds the HLS master playlist URL of a transcode, with the query Jellyfin 10.11 writes. */
function transcodingUrl(
	item: CatalogItem,
	decision: PlaybackDecision,
	context: PlaybackContext
): string {
	const rendition = decision.rendition!;
	const query = new URLSearchParams({
		DeviceId: context.deviceId ?? '',
		MediaSourceId: item.id,
		VideoCodec: 'h264',
		AudioCodec: 'aac',
		AudioStreamIndex: String(decision.audioStreamIndex),
		PlaySessionId: context.playSessionId,
		[context.tokenParameter]: context.token ?? ''
	});
	if (decision.burnedSubtitleIndex !== undefined) {
		query.set('SubtitleStreamIndex', String(decision.burnedSubtitleIndex));
		query.set('SubtitleMethod', 'Encode');
	}
	query.set('SegmentContainer', rendition.segmentContainer);
	query.set('MinSegments', '1');
	query.set('BreakOnNonKeyFrames', 'True');
	if (context.startTimeTicks) query.set('StartTimeTicks', String(context.startTimeTicks));
	query.set('TranscodeReasons', decision.transcodeReasons.join(','));
	return `/videos/${item.id}/master.m3u8?${query}`;
}

/** Builds the media source of a PlaybackInfo response from the server's decision. */
export function playbackSource(
	item: CatalogItem,
	decision: PlaybackDecision,
	context: PlaybackContext
) {
	const source = mediaSourceFor(item);
	if (source === undefined) return undefined;
	const offered = {
		...source,
		SupportsDirectPlay: decision.directPlay,
		SupportsDirectStream: decision.directPlay,
		MediaStreams: withDelivery(item, source.MediaStreams, decision, context)
	};
	if (decision.rendition === undefined) return offered;
	return {
		...offered,
		TranscodingUrl: transcodingUrl(item, decision, context),
		TranscodingSubProtocol: 'hls',
		TranscodingContainer: decision.rendition.segmentContainer
	};
}
