import { checkInBody, type LogEvent } from './server-log';

const CHECK_IN_PATHS = {
	start: '/Sessions/Playing',
	progress: '/Sessions/Playing/Progress',
	stopped: '/Sessions/Playing/Stopped'
};

/**
 * Returns a predicate for waitForEvent that matches one kind of check-in from one device, with a
 * body that passes `match`. Other requests of the device never match.
 */
export function checkInFrom(
	deviceId: string,
	kind: keyof typeof CHECK_IN_PATHS,
	match: (body: Record<string, unknown>) => boolean = () => true
): (event: LogEvent) => boolean {
	return (event) =>
		event.kind === 'http' &&
		event.method === 'POST' &&
		event.deviceId === deviceId &&
		event.path === CHECK_IN_PATHS[kind] &&
		match(checkInBody(event));
}
