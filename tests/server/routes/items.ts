import { BASE_ITEM_KINDS } from '../core/enums.ts';
import { ValidationError } from '../core/errors.ts';
import { sendJson, sendStatusProblem } from '../core/http.ts';
import { parseGuid } from '../core/wire.ts';
import { queryGuidList, queryInteger } from '../core/query-input.ts';
import type { RequestContext, Route } from '../core/router.ts';
import { allItems, childrenOf, findItem, sortItems } from '../library/catalog.ts';
import { parseFieldSelection, toItemDto, type FieldSelection } from '../library/item-dto.ts';
import type { CatalogItem } from '../library/types.ts';
import { toUserDataDto } from '../library/user-data.ts';
import { parseDelimitedEnums } from '../sessions/capabilities.ts';
import { resolveUserId } from '../sessions/caller.ts';
import { instantMix } from '../sessions/play-request.ts';

function dtoFor(ctx: RequestContext, userId: string, fields: FieldSelection) {
	const { state } = ctx;
	return (item: CatalogItem) =>
		toItemDto(item, {
			serverId: state.serverId,
			fields,
			userData: (target) => toUserDataDto(state.userData, userId, target)
		});
}

function routeGuid(ctx: RequestContext, name: string): string {
	const raw = ctx.params[name] ?? '';
	const id = parseGuid(raw);
	if (id === undefined) throw new ValidationError(name, `The value '${raw}' is not valid.`);
	return id;
}

/** Handles `GET /Items/{itemId}` and `GET /Users/{userId}/Items/{itemId}` (all fields). */
function getItem(ctx: RequestContext): void {
	const userId = resolveUserId(ctx, ctx.params.userId ?? ctx.query.get('userId'));
	const item = findItem(routeGuid(ctx, 'itemId'));
	if (item === undefined) {
		sendStatusProblem(ctx.res, 404);
		return;
	}
	sendJson(ctx.res, 200, dtoFor(ctx, userId, 'all')(item));
}

function descendants(parentId: string): CatalogItem[] {
	return childrenOf(parentId).flatMap((child) => [child, ...descendants(child.id)]);
}

/** Picks the items of a list query: `ids` in the order given, otherwise a folder's children. */
function selectItems(ctx: RequestContext): CatalogItem[] {
	const ids = queryGuidList(ctx.query, 'ids');
	if (ids.length > 0) return ids.map(findItem).filter((item) => item !== undefined);
	const parentId = parseGuid(ctx.query.get('parentId') ?? '');
	const recursive = /^true$/i.test(ctx.query.get('recursive') ?? '');
	if (parentId !== undefined)
		return recursive ? sortItems(descendants(parentId)) : childrenOf(parentId);
	const libraries = allItems().filter((item) => item.parentId === undefined);
	return recursive ? sortItems(libraries.flatMap((library) => descendants(library.id))) : libraries;
}

/** Handles `GET /Items` and `GET /Users/{userId}/Items`, returning a `QueryResult`. */
function queryItems(ctx: RequestContext): void {
	const userId = resolveUserId(ctx, ctx.params.userId ?? ctx.query.get('userId'));
	const types = parseDelimitedEnums(BASE_ITEM_KINDS, ctx.query.getAll('includeItemTypes'));
	let items = selectItems(ctx);
	if (types.length > 0) items = items.filter((item) => (types as string[]).includes(item.type));
	const startIndex = queryInteger(ctx.query, 'startIndex') ?? 0;
	const limit = queryInteger(ctx.query, 'limit');
	const page = items.slice(startIndex, limit === undefined ? undefined : startIndex + limit);
	const toDto = dtoFor(ctx, userId, parseFieldSelection(ctx.query.get('fields')));
	sendJson(ctx.res, 200, {
		Items: page.map(toDto),
		TotalRecordCount: items.length,
		StartIndex: startIndex
	});
}

/** Handles `GET /UserViews` and `GET /Users/{userId}/Views`: lists the two demo libraries. */
function userViews(ctx: RequestContext): void {
	const userId = resolveUserId(ctx, ctx.params.userId ?? ctx.query.get('userId'));
	const libraries = allItems().filter((item) => item.parentId === undefined);
	const toDto = dtoFor(ctx, userId, parseFieldSelection(ctx.query.get('fields')));
	sendJson(ctx.res, 200, {
		Items: libraries.map(toDto),
		TotalRecordCount: libraries.length,
		StartIndex: 0
	});
}

/** Handles `GET /Items/{itemId}/InstantMix` (also under /Songs and /Albums). */
function getInstantMix(ctx: RequestContext): void {
	const userId = resolveUserId(ctx, ctx.query.get('userId'));
	const item = findItem(routeGuid(ctx, 'itemId'));
	if (item === undefined) {
		sendStatusProblem(ctx.res, 404);
		return;
	}
	const limit = queryInteger(ctx.query, 'limit');
	const mix = instantMix(item).slice(0, limit);
	const toDto = dtoFor(ctx, userId, parseFieldSelection(ctx.query.get('fields')));
	sendJson(ctx.res, 200, { Items: mix.map(toDto), TotalRecordCount: mix.length, StartIndex: 0 });
}

const authGet = (pattern: string, handler: (ctx: RequestContext) => void): Route => ({
	methods: ['GET'],
	pattern,
	auth: true,
	handler
});

export const itemRoutes: Route[] = [
	authGet('/Items/{itemId}', getItem),
	authGet('/Users/{userId}/Items/{itemId}', getItem),
	authGet('/Items', queryItems),
	authGet('/Users/{userId}/Items', queryItems),
	authGet('/UserViews', userViews),
	authGet('/Users/{userId}/Views', userViews),
	authGet('/Items/{itemId}/InstantMix', getInstantMix),
	authGet('/Songs/{itemId}/InstantMix', getInstantMix),
	authGet('/Albums/{itemId}/InstantMix', getInstantMix)
];
