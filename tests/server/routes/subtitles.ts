import { readFileSync } from 'node:fs';

import { notFound } from '../core/errors.ts';
import { sendText } from '../core/http.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { parseGuid, TICKS_PER_SECOND } from '../core/wire.ts';
import { findItem } from '../library/catalog.ts';
import { mediaFilePath } from '../library/media-files.ts';
import { subtitleSpecAt } from '../library/media-streams.ts';
import { toWebVtt } from '../library/subtitle-text.ts';

/**
 * Handles `GET /Videos/{itemId}/{mediaSourceId}/Subtitles/{index}/{startPositionTicks}/Stream.{format}`,
 * the DeliveryUrl of an external text subtitle. It serves the sidecar file as WebVTT with cues
 * shifted by `startPositionTicks`. No token is required, as in Jellyfin.
 * NOTE: only the `vtt` format is served; Jellyfin also converts to srt, ass and others.
 */
function subtitleStream(ctx: RequestContext): void {
	const { params } = ctx;
	const itemId = parseGuid(params.itemId ?? '');
	const media = itemId === undefined ? undefined : findItem(itemId)?.media;
	const index = Number(params.index);
	const spec =
		media?.kind === 'file' && Number.isInteger(index) ? subtitleSpecAt(media, index) : undefined;
	if (spec?.file === undefined || params.format?.toLowerCase() !== 'vtt') {
		throw notFound(`No text subtitle ${params.index} for item ${params.itemId}`);
	}
	const startSeconds = Math.max(0, Number(params.startTicks) || 0) / TICKS_PER_SECOND;
	const text = toWebVtt(readFileSync(mediaFilePath(spec.file), 'utf8'), startSeconds);
	sendText(ctx.res, 200, text, 'text/vtt; charset=utf-8');
}

export const subtitleRoutes: Route[] = [
	{
		methods: ['GET'],
		pattern: '/Videos/{itemId}/{mediaSourceId}/Subtitles/{index}/{startTicks}/Stream.{format}',
		auth: false,
		handler: subtitleStream
	}
];
