import { createLogger } from '$lib/log';

interface TaskScheduler {
	postTask(task: () => void, options: { priority: 'background' }): Promise<unknown>;
}

const log = createLogger('schedule');

/**
 * Runs `task` later, in a task of its own, at the browser's background priority where it has one
 * (`scheduler.postTask`), otherwise after a zero timeout. Bookkeeping that follows a remote
 * command goes here, so that the media event the command causes is dispatched first and
 * controllers see the change without waiting for Cue's own display.
 */
export function runAfterEvents(task: () => void): void {
	const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
	const guarded = () => {
		try {
			task();
		} catch (error) {
			log.error('deferred work failed', { error });
		}
	};
	if (scheduler) void scheduler.postTask(guarded, { priority: 'background' });
	else setTimeout(guarded, 0);
}
