import type { BaseItem } from '$lib/protocol/schemas';

/** What the screen shows besides the player, so remote GoHome and Back can navigate it. */
class ViewStore {
	/** The item a DisplayContent command asked to show, as an information card. */
	infoCard = $state.raw<BaseItem | null>(null);
	/** True while the stage fills the window, when the browser rejected real fullscreen. */
	expanded = $state(false);

	/** Closes the topmost layer: the information card, then the expanded stage. */
	back(): boolean {
		if (this.infoCard) {
			this.infoCard = null;
			return true;
		}
		if (this.expanded) {
			this.expanded = false;
			return true;
		}
		return false;
	}

	home(): void {
		this.infoCard = null;
		this.expanded = false;
	}
}

export const view = new ViewStore();
