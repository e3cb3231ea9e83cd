import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

import { notFound } from '../core/errors.ts';
import { sendErrorText } from '../core/http.ts';
import { parseRange, type ByteRange } from '../core/range.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { parseGuid } from '../core/wire.ts';
import { findItem } from '../library/catalog.ts';
import { mediaFilePath } from '../library/media-files.ts';
import { mediaSize } from '../library/media-source.ts';
import { wavChunks } from '../library/tone.ts';
import type { CatalogItem } from '../library/types.ts';
import { hlsRoutes } from './hls.ts';
import { subtitleRoutes } from './subtitles.ts';

function contentType(item: CatalogItem): string {
	if (item.media?.kind === 'file') return item.media.mimeType;
	return 'audio/wav';
}

function openBody(item: CatalogItem, range: ByteRange): Readable {
	const media = item.media;
	if (media?.kind === 'file') {
		return createReadStream(mediaFilePath(media.file), { start: range.start, end: range.end });
	}
	if (media?.kind === 'tone')
		return Readable.from(wavChunks(media.tone, range.start, range.end + 1));
	return Readable.from([]);
}

function writeBody(ctx: RequestContext, item: CatalogItem, range: ByteRange): void {
	if (ctx.method === 'HEAD' || range.end < range.start) {
		ctx.res.end();
		return;
	}
	const body = openBody(item, range);
	body.on('error', () => ctx.res.destroy());
	ctx.res.on('close', () => body.destroy());
	body.pipe(ctx.res);
}

function sendUnsatisfiable(res: ServerResponse, size: number): void {
	res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' });
	res.end();
}

/**
 * Serves an item's media file with byte-range support, like Jellyfin's static streams
 * (`?Static=true`). No token is required, as in 10.11. The test log keeps the query the client
 * sent, including `mediaSourceId`, `deviceId` and whether it added `ApiKey`. An item set to fail
 * answers with its status instead.
 */
function stream(ctx: RequestContext): void {
	const id = parseGuid(ctx.params.itemId ?? '');
	const item = id === undefined ? undefined : findItem(id);
	if (item?.media === undefined) throw notFound(`No media for item ${ctx.params.itemId}`);
	if (item.media.kind === 'file' && item.media.failWith !== undefined) {
		sendErrorText(ctx.res, item.media.failWith);
		return;
	}
	const size = mediaSize(item);
	const result = parseRange(ctx.req.headers.range, size);
	if (result.kind === 'unsatisfiable') {
		sendUnsatisfiable(ctx.res, size);
		return;
	}
	const range = result.kind === 'partial' ? result.range : { start: 0, end: size - 1 };
	const headers: Record<string, string | number> = {
		'Content-Type': contentType(item),
		'Content-Length': range.end - range.start + 1,
		'Accept-Ranges': 'bytes'
	};
	if (result.kind === 'partial')
		headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
	ctx.res.writeHead(result.kind === 'partial' ? 206 : 200, headers);
	writeBody(ctx, item, range);
}

const streamRoute = (pattern: string, auth = false): Route => ({
	methods: ['GET', 'HEAD'],
	pattern,
	auth,
	handler: stream
});

/** Every route that serves media: direct streams, HLS transcodes and external subtitles. */
export const streamRoutes: Route[] = [
	...hlsRoutes,
	...subtitleRoutes,
	streamRoute('/Audio/{itemId}/stream'),
	streamRoute('/Audio/{itemId}/stream.{container}'),
	streamRoute('/Videos/{itemId}/stream'),
	streamRoute('/Videos/{itemId}/stream.{container}'),
	// NOTE: the real universal endpoint transcodes when the file's container is not in
	// `Container=`; this server always sends the original file.
	streamRoute('/Audio/{itemId}/universal', true)
];
