import type { BaseItem } from '$lib/protocol/schemas';

/** The layers the screen shows besides the player, so remote GoHome and Back can navigate them. */
class ViewStore {
	/** The item a DisplayContent command asked to show, as an information card. */
	infoCard = $state.raw<BaseItem | null>(null);
	/** True while the stage fills the window, when the browser rejected real fullscreen. */
	expanded = $state(false);
	/** True while the page is in real fullscreen. The player view updates it on `fullscreenchange`. */
	fullscreen = $state(false);
	/** True while the stage fills the screen, in real fullscreen or in its place. */
	filling = $derived(this.expanded || this.fullscreen);

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
