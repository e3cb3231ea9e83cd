import { isObject } from '../core/json-input.ts';
import { QueryParams } from '../core/query.ts';
import type { RequestContext } from '../core/router.ts';
import type { EmbyItemIds } from '../library/emby-item-ids.ts';

/** Route parameters that name an item or a media source (an item's id here). */
const ID_PARAMS = ['itemId', 'mediaSourceId'];
/** Query parameters, lower-case, whose values are item ids or comma-separated lists of them. */
const ID_QUERY_NAMES = new Set(['ids', 'itemids', 'itemid', 'parentid', 'mediasourceid']);
/** Body properties, lower-case, that hold item ids. `NowPlayingQueue` entries are handled separately. */
const ID_BODY_KEYS = new Set(['itemid', 'itemids', 'mediasourceid']);

function translateIdValue(value: unknown, ids: EmbyItemIds): unknown {
	if (typeof value === 'string') return ids.toCatalogId(value);
	// Emby's OpenAPI types QueueItem.Id and the ItemIds of a play request as int64.
	if (typeof value === 'number' && Number.isInteger(value)) return ids.toCatalogId(String(value));
	if (Array.isArray(value)) return value.map((entry) => translateIdValue(entry, ids));
	return value;
}

function translateQueueEntry(entry: unknown, ids: EmbyItemIds): unknown {
	if (!isObject(entry)) return entry;
	const copy: Record<string, unknown> = { ...entry };
	for (const key of Object.keys(copy)) {
		if (key.toLowerCase() === 'id') copy[key] = translateIdValue(copy[key], ids);
	}
	return copy;
}

function translateBodyValue(value: unknown, ids: EmbyItemIds): unknown {
	if (Array.isArray(value)) return value.map((entry) => translateBodyValue(entry, ids));
	if (!isObject(value)) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		const lower = key.toLowerCase();
		if (ID_BODY_KEYS.has(lower)) copy[key] = translateIdValue(inner, ids);
		else if (lower === 'nowplayingqueue' && Array.isArray(inner)) {
			copy[key] = inner.map((entry) => translateQueueEntry(entry, ids));
		} else copy[key] = translateBodyValue(inner, ids);
	}
	return copy;
}

function translateBody(text: string, ids: EmbyItemIds): string {
	if (text.trim() === '') return text;
	try {
		return JSON.stringify(translateBodyValue(JSON.parse(text), ids));
	} catch {
		// Malformed JSON goes to the handler unchanged, which rejects it as it would any other.
		return text;
	}
}

function translateQuery(url: string, ids: EmbyItemIds): QueryParams {
	const search = new URL(url, 'http://127.0.0.1').searchParams;
	const translated = new URLSearchParams();
	for (const [name, value] of search) {
		if (!ID_QUERY_NAMES.has(name.toLowerCase())) translated.append(name, value);
		else {
			const parts = value.split(',').map((part) => (part === '' ? part : ids.toCatalogId(part)));
			translated.append(name, parts.join(','));
		}
	}
	return new QueryParams(translated);
}

/**
 * Rewrites the Emby item ids of a request (route, query and JSON body) into catalog ids, so the
 * handlers work on the catalog as in the other modes. The test log keeps what the client sent.
 */
export function translateRequestItemIds(ctx: RequestContext, ids: EmbyItemIds): void {
	for (const name of ID_PARAMS) {
		const value = ctx.params[name];
		if (value !== undefined) ctx.params[name] = ids.toCatalogId(value);
	}
	ctx.query = translateQuery(ctx.req.url ?? '/', ids);
	ctx.bodyText = translateBody(ctx.bodyText, ids);
}
