/** The message a page posts to a waiting service worker to make it activate now. */
export const SKIP_WAITING_MESSAGE = { type: 'cue:skip-waiting' } as const;

export function isSkipWaitingMessage(data: unknown): boolean {
	return (
		typeof data === 'object' &&
		data !== null &&
		(data as { type?: unknown }).type === SKIP_WAITING_MESSAGE.type
	);
}
