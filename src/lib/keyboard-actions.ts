import type { ActionResult } from '$lib/player/engine';
import { createLogger } from '$lib/log';
import { shortcutFor, steppedVolume, type Shortcut } from './keyboard';

/** The player parts the shortcuts act on. Playback actions go through the Transport, so they are reported. */
export interface ShortcutTarget {
	transport: {
		togglePlay(): ActionResult;
		seekBy(seconds: number): ActionResult;
		setVolume(volume: number): ActionResult;
		setMuted(muted: boolean): ActionResult;
		next(): ActionResult;
		previous(): ActionResult;
	};
	volume(): number;
	muted(): boolean;
	toggleFullscreen(): void;
}

/** Shortcuts that repeat while their key is held. The others act once per press. */
const REPEATING: ReadonlySet<Shortcut['action']> = new Set(['seek-by', 'volume-by']);

const log = createLogger('keyboard');

/** Runs a shortcut. Raising the volume of a muted player also unmutes it, so the change is heard. */
export function runShortcut(shortcut: Shortcut, target: ShortcutTarget): ActionResult | undefined {
	const transport = target.transport;
	switch (shortcut.action) {
		case 'toggle-play':
			return transport.togglePlay();
		case 'seek-by':
			return transport.seekBy(shortcut.seconds);
		case 'volume-by':
			if (shortcut.step > 0 && target.muted()) transport.setMuted(false);
			return transport.setVolume(steppedVolume(target.volume(), shortcut.step));
		case 'toggle-mute':
			return transport.setMuted(!target.muted());
		case 'toggle-fullscreen':
			target.toggleFullscreen();
			return undefined;
		case 'next':
			return transport.next();
		case 'previous':
			return transport.previous();
	}
}

/**
 * Handles a keydown on the page: runs the key's shortcut, if it has one, and stops the browser's
 * default action for it, such as scrolling on Space and the arrow keys.
 */
export function handleShortcutKey(event: KeyboardEvent, target: ShortcutTarget): void {
	if (event.defaultPrevented) return;
	const element = event.target instanceof HTMLElement ? event.target : null;
	const shortcut = shortcutFor({
		key: event.key,
		ctrlKey: event.ctrlKey,
		metaKey: event.metaKey,
		altKey: event.altKey,
		target: element
	});
	if (!shortcut) return;
	event.preventDefault();
	if (event.repeat && !REPEATING.has(shortcut.action)) return;
	const result = runShortcut(shortcut, target);
	if (result && result !== 'applied') log.info(`key "${event.key}" ignored: ${result.ignored}`);
}
