import { readFile } from 'node:fs/promises';

import { ValidationError } from '../core/errors.ts';
import { sendJson, sendStatusProblem } from '../core/http.ts';
import { parseEnumText } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { parseGuid } from '../core/wire.ts';
import { findItem } from '../library/catalog.ts';
import { mediaFilePath } from '../library/media-files.ts';

const IMAGE_TYPES = [
	'Primary',
	'Art',
	'Backdrop',
	'Banner',
	'Logo',
	'Thumb',
	'Disc',
	'Box',
	'Screenshot',
	'Menu',
	'Chapter',
	'BoxRear',
	'Profile'
] as const;

/**
 * Serves `GET|HEAD /Items/{itemId}/Images/{imageType}[/{imageIndex}]`, which needs no token.
 * The demo items only have Primary images. The file is sent as it is, so `maxWidth`, `quality`
 * and the other resize parameters are accepted and ignored.
 */
async function getImage(ctx: RequestContext): Promise<void> {
	const rawId = ctx.params.itemId ?? '';
	const id = parseGuid(rawId);
	if (id === undefined) throw new ValidationError('itemId', `The value '${rawId}' is not valid.`);
	const imageType = parseEnumText(IMAGE_TYPES, 'imageType', ctx.params.imageType ?? '');
	const item = findItem(id);
	if (item === undefined) {
		sendStatusProblem(ctx.res, 404);
		return;
	}
	const index = Number(ctx.params.imageIndex ?? '0');
	if (imageType !== 'Primary' || item.primaryImage === undefined || index !== 0) {
		sendJson(ctx.res, 404, `${item.name} does not have an image of type ${imageType}`);
		return;
	}
	const body = await readFile(mediaFilePath(item.primaryImage));
	const headers: Record<string, string | number> = {
		'Content-Type': 'image/jpeg',
		'Content-Length': body.length
	};
	// With a tag in the URL the server lets clients cache the image for a year.
	if (ctx.query.get('tag')) headers['Cache-Control'] = 'public, max-age=31536000';
	ctx.res.writeHead(200, headers);
	ctx.res.end(ctx.method === 'HEAD' ? undefined : body);
}

export const imageRoutes: Route[] = [
	{
		methods: ['GET', 'HEAD'],
		pattern: '/Items/{itemId}/Images/{imageType}',
		auth: false,
		handler: getImage
	},
	{
		methods: ['GET', 'HEAD'],
		pattern: '/Items/{itemId}/Images/{imageType}/{imageIndex}',
		auth: false,
		handler: getImage
	}
];
