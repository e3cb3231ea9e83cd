/**
 * Keyboard shortcuts of the player view. The seek steps are those of the remote Rewind and
 * FastForward commands and of the system's media keys, so every way of skipping moves alike.
 */
import { FAST_FORWARD_SECONDS, REWIND_SECONDS } from '$lib/player/skip-steps';

export type Shortcut =
	| { action: 'toggle-play' }
	| { action: 'seek-by'; seconds: number }
	| { action: 'volume-by'; step: number }
	| { action: 'toggle-mute' }
	| { action: 'toggle-fullscreen' }
	| { action: 'next' }
	| { action: 'previous' };

/** Volume change of one ArrowUp or ArrowDown press, on the 0..1 scale of the media element. */
export const VOLUME_STEP = 0.05;

/** The parts of a KeyboardEvent that decide the shortcut, so the mapping runs without a DOM. */
export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	/** The focused element, or null when the event did not come from an element. */
	target: { tagName: string; isContentEditable?: boolean } | null;
}

const SHORTCUTS: Record<string, Shortcut> = {
	' ': { action: 'toggle-play' },
	ArrowLeft: { action: 'seek-by', seconds: -REWIND_SECONDS },
	ArrowRight: { action: 'seek-by', seconds: FAST_FORWARD_SECONDS },
	ArrowUp: { action: 'volume-by', step: VOLUME_STEP },
	ArrowDown: { action: 'volume-by', step: -VOLUME_STEP },
	m: { action: 'toggle-mute' },
	f: { action: 'toggle-fullscreen' },
	n: { action: 'next' },
	p: { action: 'previous' }
};

/** Elements that take typed text or arrow keys themselves, so no shortcut applies in them. */
const TEXT_ENTRY_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Elements that Space activates, where Space keeps that meaning. */
const SPACE_ACTIVATED_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

/**
 * Returns the shortcut for a key press, or null when the key has none or belongs to the focused
 * element: typing in a field, Space on a button, or a key with Ctrl, Alt or Meta held, which
 * belongs to the browser.
 */
export function shortcutFor(press: KeyPress): Shortcut | null {
	if (press.ctrlKey || press.metaKey || press.altKey) return null;
	const target = press.target;
	if (target && (TEXT_ENTRY_TAGS.has(target.tagName.toUpperCase()) || target.isContentEditable)) {
		return null;
	}
	const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
	if (key === ' ' && target && SPACE_ACTIVATED_TAGS.has(target.tagName.toUpperCase())) return null;
	return SHORTCUTS[key] ?? null;
}

/** Adds `step` to a 0..1 volume, clamped, rounded to whole percent so repeated steps do not drift. */
export function steppedVolume(volume: number, step: number): number {
	return Math.min(1, Math.max(0, Math.round((volume + step) * 100) / 100));
}
