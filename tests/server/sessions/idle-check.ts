import type { ServerState } from '../state.ts';
import { applyStop } from './playback.ts';
import { extrapolate } from './session-dto.ts';

/**
 * Starts the idle-playback check: a session still playing with no check-in for longer than
 * the timeout is stopped at its extrapolated position, as Jellyfin does every five minutes.
 * Returns a function that stops the check.
 */
export function startIdlePlaybackCheck(state: ServerState): () => void {
	const timeoutMs = state.options.idlePlaybackTimeoutSeconds * 1000;
	const timer = setInterval(() => {
		const now = Date.now();
		for (const session of state.sessions.list()) {
			if (session.nowPlayingItem === undefined) continue;
			if (now - (session.lastPlaybackCheckIn ?? 0) <= timeoutMs) continue;
			state.logger.info(`session ${session.id} went idle while playing; stopping it`);
			applyStop(state, session, {
				itemId: session.nowPlayingItemId,
				positionTicks: extrapolate(session, now).positionTicks,
				failed: false
			});
		}
	}, timeoutMs);
	timer.unref();
	return () => clearInterval(timer);
}
