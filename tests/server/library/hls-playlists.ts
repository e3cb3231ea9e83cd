import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TICKS_PER_SECOND } from '../core/wire.ts';
import { MEDIA_DIR } from './media-files.ts';
import type { HlsRendition } from './types.ts';

/** One rendition's VOD playlist as ffmpeg wrote it: segment files and their lengths in seconds. */
interface RenditionIndex {
	targetDuration: number;
	initFile?: string;
	segments: { file: string; seconds: number }[];
}

/**
 * CODECS of every rendition: H.264 High at level 2.1 and AAC-LC, as ffprobe reads the segments
 * that scripts/make-real-media.sh writes.
 */
const RENDITION_CODECS = 'avc1.640015,mp4a.40.2';
const RENDITION_BANDWIDTH = 140_000;

const indexes = new Map<string, RenditionIndex>();

function parseIndex(text: string): RenditionIndex {
	const lines = text.split(/\r?\n/);
	const index: RenditionIndex = { targetDuration: 2, segments: [] };
	lines.forEach((line, position) => {
		if (line.startsWith('#EXT-X-TARGETDURATION:')) index.targetDuration = Number(line.slice(22));
		const map = /^#EXT-X-MAP:URI="([^"]+)"/.exec(line);
		if (map) index.initFile = map[1];
		if (line.startsWith('#EXTINF:')) {
			const seconds = Number.parseFloat(line.slice(8));
			index.segments.push({ file: lines[position + 1] ?? '', seconds });
		}
	});
	return index;
}

/** Reads a rendition's index.m3u8 once and keeps it. */
export function renditionIndex(rendition: HlsRendition): RenditionIndex {
	let index = indexes.get(rendition.folder);
	if (index === undefined) {
		index = parseIndex(
			readFileSync(join(MEDIA_DIR, 'hls', rendition.folder, 'index.m3u8'), 'utf8')
		);
		indexes.set(rendition.folder, index);
	}
	return index;
}

/** Returns the number of the segment that contains `ticks`, clamped to the last segment. */
export function segmentAt(rendition: HlsRendition, ticks: number): number {
	const { segments } = renditionIndex(rendition);
	let end = 0;
	for (const [number, segment] of segments.entries()) {
		end += segment.seconds * TICKS_PER_SECOND;
		if (ticks < end) return number;
	}
	return Math.max(0, segments.length - 1);
}

/** Builds the master playlist: one variant, `main.m3u8` with the same query. */
export function masterPlaylist(query: string): string {
	return [
		'#EXTM3U',
		`#EXT-X-STREAM-INF:BANDWIDTH=${RENDITION_BANDWIDTH},RESOLUTION=320x180,FRAME-RATE=25,CODECS="${RENDITION_CODECS}"`,
		`main.m3u8?${query}`,
		''
	].join('\n');
}

/**
 * Builds the media playlist from segment `first` on, which is how this server honours
 * StartTimeTicks: the stream then starts at that segment's boundary, not at the exact tick.
 */
export function mediaPlaylist(rendition: HlsRendition, first: number, query: string): string {
	const index = renditionIndex(rendition);
	const extension = rendition.segmentContainer === 'mp4' ? 'mp4' : 'ts';
	const lines = [
		'#EXTM3U',
		`#EXT-X-VERSION:${index.initFile ? 7 : 3}`,
		`#EXT-X-TARGETDURATION:${index.targetDuration}`,
		`#EXT-X-MEDIA-SEQUENCE:${first}`,
		'#EXT-X-PLAYLIST-TYPE:VOD'
	];
	if (index.initFile) lines.push(`#EXT-X-MAP:URI="hls1/main/-1.mp4?${query}"`);
	index.segments.slice(first).forEach((segment, offset) => {
		lines.push(
			`#EXTINF:${segment.seconds.toFixed(6)},`,
			`hls1/main/${first + offset}.${extension}?${query}`
		);
	});
	lines.push('#EXT-X-ENDLIST', '');
	return lines.join('\n');
}

/** Returns the file of segment `number` (-1 is the fMP4 init segment), or undefined. */
export function segmentFile(rendition: HlsRendition, number: number): string | undefined {
	const index = renditionIndex(rendition);
	const file = number === -1 ? index.initFile : index.segments[number]?.file;
	return file === undefined ? undefined : join(MEDIA_DIR, 'hls', rendition.folder, file);
}
