import { ApiError } from '$lib/api/errors';
import type { MediaServerApi } from '$lib/api/media-server';
import { eventNameFor, type CheckInEvent } from '$lib/protocol/checkin-events';
import type { CheckInTransport } from '$lib/player/reporter';

type Body = Record<string, unknown>;

export interface CheckInRoutes {
	/** Sends a text frame over the server socket; returns false when no socket is open. */
	sendOverSocket(text: string): boolean;
	/** Wraps each HTTP check-in, to notice a 401 that means the token was revoked. */
	watch(request: Promise<void>): Promise<void>;
}

/** Socket message types of MediaBrowser 3's check-ins, whose Data is the check-in object. */
const SOCKET_CHECK_IN_TYPES = {
	start: 'ReportPlaybackStart',
	progress: 'ReportPlaybackProgress',
	stopped: 'ReportPlaybackStopped'
} as const;

/**
 * Returns how check-ins reach this server: HTTP for Jellyfin and Emby, socket messages for
 * MediaBrowser 3. The EventName of each report is spelled as the server expects.
 */
export function createCheckInTransport(
	api: MediaServerApi,
	routes: CheckInRoutes
): CheckInTransport {
	const kind = api.dialect.kind;
	const named = (body: Body): Body =>
		typeof body.EventName === 'string'
			? { ...body, EventName: eventNameFor(kind, body.EventName as CheckInEvent) }
			: body;
	if (api.dialect.checkInsOverSocket) {
		const send = (type: keyof typeof SOCKET_CHECK_IN_TYPES, body: Body): Promise<void> => {
			const messageType = SOCKET_CHECK_IN_TYPES[type];
			const text = JSON.stringify({ MessageType: messageType, Data: named(body) });
			if (routes.sendOverSocket(text)) return Promise.resolve();
			return Promise.reject(
				new ApiError('unreachable', `${messageType} was not sent: the socket is not open`)
			);
		};
		return {
			start: (body) => send('start', body),
			progress: (body) => send('progress', body),
			stopped: (body) => send('stopped', body),
			stoppedOnExit: (body) => void send('stopped', body).catch(() => undefined)
		};
	}
	const checkIns = api.checkIns;
	return {
		start: (body) => routes.watch(checkIns.start(named(body))),
		progress: (body) => routes.watch(checkIns.progress(named(body))),
		stopped: (body) => routes.watch(checkIns.stopped(body)),
		stoppedOnExit: (body) => checkIns.stoppedOnExit(body)
	};
}
