import { md5Guid } from '../core/wire.ts';
import { ARTIST_ID, DEMO_ITEM_IDS, DEMO_ITEMS } from './demo-items.ts';

/** The number of the first demo item. Emby numbers items in the order its library scan adds them. */
const FIRST_NUMBER = 1940;

/** A 32-hex id, bare or dashed, that is not part of a longer hex run. */
const GUID_PATTERN =
	/(?<![0-9a-f])[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}(?![0-9a-f])/gi;

/**
 * Item ids as Emby 4 writes them: short decimal strings such as "1942" (user ids stay 32-hex).
 * The catalog keeps its 32-hex ids, so an Emby-mode server translates at its edges: ids in
 * requests with `toCatalogId`, and catalog ids in outgoing JSON and socket text with
 * `rewriteText`. The numbers are fixed, so they are the same on every run.
 */
export class EmbyItemIds {
	private readonly embyIdByCatalogId = new Map<string, string>();
	private readonly catalogIdByEmbyId = new Map<string, string>();

	constructor(catalogIds: readonly string[]) {
		catalogIds.forEach((catalogId, index) =>
			this.remember(catalogId, String(FIRST_NUMBER + index))
		);
	}

	/** Returns the Emby id of a catalog id; an id the catalog does not know comes back as it is. */
	toEmbyId(catalogId: string): string {
		return this.embyIdByCatalogId.get(catalogId) ?? catalogId;
	}

	/**
	 * Returns the catalog id for an id a client sent. Any text that is not a known decimal id,
	 * a Guid included, maps to an id of no item, so lookups return 404 as Emby would. That id
	 * translates back to the text the client sent.
	 */
	toCatalogId(text: string): string {
		const trimmed = text.trim();
		const known = this.catalogIdByEmbyId.get(trimmed);
		if (known !== undefined) return known;
		const unknown = md5Guid(`emby-item-not-found:${trimmed}`);
		this.remember(unknown, trimmed);
		return unknown;
	}

	/** Replaces every catalog id in `text`, bare or dashed, with its Emby id. */
	rewriteText(text: string): string {
		return text.replace(GUID_PATTERN, (match) => {
			const catalogId = match.replace(/-/g, '').toLowerCase();
			return this.embyIdByCatalogId.get(catalogId) ?? match;
		});
	}

	private remember(catalogId: string, embyId: string): void {
		this.embyIdByCatalogId.set(catalogId, embyId);
		this.catalogIdByEmbyId.set(embyId, catalogId);
	}
}

/** The Emby ids of the demo library (its items, then the artist). */
export const EMBY_ITEM_IDS = new EmbyItemIds([...DEMO_ITEMS.map((item) => item.id), ARTIST_ID]);

type DemoItemIds = typeof DEMO_ITEM_IDS;

/** Returns `DEMO_ITEM_IDS` with every id in its Emby form. */
export function embyDemoItemIds(): DemoItemIds {
	const convert = (id: string) => EMBY_ITEM_IDS.toEmbyId(id);
	const entries = Object.entries(DEMO_ITEM_IDS).map(([name, value]) => [
		name,
		Array.isArray(value) ? value.map(convert) : convert(value)
	]);
	return Object.fromEntries(entries) as DemoItemIds;
}
