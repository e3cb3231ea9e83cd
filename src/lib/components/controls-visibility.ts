/** How long the controls over a playing video stay after the last pointer, touch or key activity. */
export const CONTROLS_IDLE_MS = 3000;

export interface OverlayState {
	/** True once CONTROLS_IDLE_MS have passed without activity on the page. */
	idle: boolean;
	playing: boolean;
	/** True while keyboard focus is on one of the controls. */
	focusInside: boolean;
}

/**
 * Returns whether the controls over a video are shown. They hide only while the video plays,
 * after a while without activity and with keyboard focus elsewhere.
 */
export function controlsShown(state: OverlayState): boolean {
	return !state.idle || !state.playing || state.focusInside;
}
