import { md5Hex, TICKS_PER_SECOND } from '../core/wire.ts';
import { mediaFileSize } from './media-files.ts';
import { mediaStreamsFor } from './media-streams.ts';
import { wavByteLength } from './tone.ts';
import type { CatalogItem } from './types.ts';

/** Returns the size in bytes of the item's one media file. */
export function mediaSize(item: CatalogItem): number {
	if (item.media === undefined) return 0;
	return item.media.kind === 'tone'
		? wavByteLength(item.media.tone)
		: mediaFileSize(item.media.file);
}

export function mediaContainer(item: CatalogItem): string | undefined {
	if (item.media === undefined) return undefined;
	return item.media.kind === 'tone' ? 'wav' : item.media.container;
}

function fileName(path: string): string {
	const base = path.slice(path.lastIndexOf('/') + 1);
	return base.slice(0, base.lastIndexOf('.'));
}

/**
 * Builds the item's one `MediaSourceInfo`, as `fields=MediaSources` returns it and as PlaybackInfo
 * starts from before it weighs the client's DeviceProfile. Transcoding is offered for files with
 * pre-made HLS renditions, since this server has no transcoder.
 */
export function mediaSourceFor(item: CatalogItem) {
	if (item.media === undefined) return undefined;
	const size = mediaSize(item);
	const seconds = (item.runTimeTicks ?? 0) / TICKS_PER_SECOND;
	const streams = mediaStreamsFor(item.media);
	const audioIndex = streams.find((stream) => stream.Type === 'Audio')?.Index;
	return {
		Protocol: 'File',
		Id: item.id,
		Path: item.path,
		Type: 'Default',
		Container: mediaContainer(item),
		Size: size,
		Name: fileName(item.path),
		IsRemote: false,
		ETag: md5Hex(`etag:${item.path}:${size}`),
		RunTimeTicks: item.runTimeTicks,
		ReadAtNativeFramerate: false,
		IgnoreDts: false,
		IgnoreIndex: false,
		GenPtsInput: false,
		SupportsTranscoding: item.media.kind === 'file' && item.media.renditions !== undefined,
		SupportsDirectStream: true,
		SupportsDirectPlay: true,
		IsInfiniteStream: false,
		UseMostCompatibleTranscodingProfile: false,
		RequiresOpening: false,
		RequiresClosing: false,
		RequiresLooping: false,
		SupportsProbing: true,
		VideoType: item.media.kind === 'file' ? 'VideoFile' : undefined,
		MediaStreams: streams,
		MediaAttachments: [],
		Formats: [],
		Bitrate: seconds > 0 ? Math.round((size * 8) / seconds) : undefined,
		TranscodingSubProtocol: 'http',
		DefaultAudioStreamIndex: audioIndex,
		HasSegments: false
	};
}
