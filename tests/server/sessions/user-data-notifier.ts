import { findItem } from '../library/catalog.ts';
import type { CatalogItem } from '../library/types.ts';

/**
 * Batches user-data saves into `UserDataChanged` messages like Jellyfin's
 * UserDataChangeNotifier: every announced save restarts one timer, each item's parent is added,
 * and when the timer fires each user gets one message listing the distinct items.
 */
export class UserDataNotifier {
	private readonly changed = new Map<string, CatalogItem[]>();
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly debounceMs: number,
		private readonly deliver: (userId: string, items: CatalogItem[]) => void
	) {}

	/** Records a save caused by a playback start or stop. Progress saves are not announced. */
	itemSaved(userId: string, item: CatalogItem): void {
		const items = this.changed.get(userId) ?? [];
		items.push(item);
		const parent = item.parentId === undefined ? undefined : findItem(item.parentId);
		if (parent !== undefined) items.push(parent);
		this.changed.set(userId, items);

		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flush(), this.debounceMs);
		this.timer.unref();
	}

	flush(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		const batches = [...this.changed];
		this.changed.clear();
		for (const [userId, items] of batches) {
			const distinct = items.filter((item, index) => items.indexOf(item) === index);
			this.deliver(userId, distinct);
		}
	}

	dispose(): void {
		clearTimeout(this.timer);
		this.changed.clear();
	}
}
