import { createReadStream } from 'node:fs';

import { notFound } from '../core/errors.ts';
import { sendErrorText, sendNoContent, sendText } from '../core/http.ts';
import { queryInteger, requiredQuery } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { parseGuid } from '../core/wire.ts';
import { findItem } from '../library/catalog.ts';
import { masterPlaylist, mediaPlaylist, segmentAt, segmentFile } from '../library/hls-playlists.ts';
import { findRunningJob, stopJobs, type TranscodeJob } from '../library/transcode-jobs.ts';

const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';

/**
 * Returns the running transcoding job that the request's PlaySessionId names for the item in the
 * path. Throws 404 when there is none: the job was stopped, or PlaybackInfo never started it.
 * Returns undefined after sending the status of an item whose transcode is set to fail.
 */
function jobFor(ctx: RequestContext): TranscodeJob | undefined {
	const itemId = parseGuid(ctx.params.itemId ?? '');
	const item = itemId === undefined ? undefined : findItem(itemId);
	if (item?.media?.kind === 'file' && item.media.failWith !== undefined) {
		sendErrorText(ctx.res, item.media.failWith);
		return undefined;
	}
	const playSessionId = ctx.query.get('PlaySessionId');
	const job = findRunningJob(playSessionId);
	if (job === undefined || job.itemId !== itemId) {
		throw notFound(`No transcoding job for PlaySessionId ${playSessionId ?? '(none)'}`);
	}
	return job;
}

/** The request's query string as it came, for the URLs inside a playlist. */
function rawQuery(ctx: RequestContext): string {
	const url = ctx.req.url ?? '';
	const start = url.indexOf('?');
	return start === -1 ? '' : url.slice(start + 1);
}

/** Handles `GET /Videos/{itemId}/master.m3u8`, the TranscodingUrl of a transcode. */
function master(ctx: RequestContext): void {
	if (!jobFor(ctx)) return;
	sendText(ctx.res, 200, ctx.method === 'HEAD' ? '' : masterPlaylist(rawQuery(ctx)), PLAYLIST_TYPE);
}

/** Handles `GET /Videos/{itemId}/main.m3u8`: the segments from the one at StartTimeTicks on. */
function main(ctx: RequestContext): void {
	const job = jobFor(ctx);
	if (!job) return;
	const first = segmentAt(job.rendition, queryInteger(ctx.query, 'StartTimeTicks') ?? 0);
	sendText(ctx.res, 200, mediaPlaylist(job.rendition, first, rawQuery(ctx)), PLAYLIST_TYPE);
}

/** Handles `GET /Videos/{itemId}/hls1/{playlistId}/{segmentId}.{container}`. */
function segment(ctx: RequestContext): void {
	const job = jobFor(ctx);
	if (!job) return;
	const number = Number(ctx.params.segmentId);
	const file = Number.isInteger(number) ? segmentFile(job.rendition, number) : undefined;
	if (file === undefined) throw notFound(`No segment ${ctx.params.segmentId}`);
	const type = ctx.params.container === 'ts' ? 'video/mp2t' : 'video/mp4';
	ctx.res.writeHead(200, { 'Content-Type': type });
	const body = createReadStream(file);
	body.on('error', () => ctx.res.destroy());
	body.pipe(ctx.res);
}

/**
 * Handles `DELETE /Videos/ActiveEncodings?deviceId=&playSessionId=`, which stops a device's
 * transcodes. Tests also call it to act as a server that killed a transcode.
 */
function stopEncodings(ctx: RequestContext): void {
	stopJobs(requiredQuery(ctx.query, 'deviceId'), ctx.query.get('playSessionId'));
	sendNoContent(ctx.res);
}

export const hlsRoutes: Route[] = [
	{
		methods: ['GET', 'HEAD'],
		pattern: '/Videos/{itemId}/master.m3u8',
		auth: false,
		handler: master
	},
	{ methods: ['GET'], pattern: '/Videos/{itemId}/main.m3u8', auth: false, handler: main },
	{
		methods: ['GET'],
		pattern: '/Videos/{itemId}/hls1/{playlistId}/{segmentId}.{container}',
		auth: false,
		handler: segment
	},
	{ methods: ['DELETE'], pattern: '/Videos/ActiveEncodings', auth: true, handler: stopEncodings }
];
