import { badRequest } from '../core/errors.ts';
import type { JsonObject } from '../core/json-input.ts';
import type { ServerState } from '../state.ts';
import { readProgressReport, readStopReport } from './checkin-input.ts';
import {
	applyProgress,
	applyStop,
	recordPlaybackProgress,
	recordPlaybackStart
} from './playback.ts';
import type { Session } from './session.ts';

/**
 * One of the three playback check-ins, shared by the HTTP endpoints and MediaBrowser 3's socket
 * messages. It parses the body first and only then looks up the session, so that an invalid body
 * creates no session, as model binding runs before the server's action.
 */
export type CheckIn = (state: ServerState, body: JsonObject, session: () => Session) => void;

export const checkInStart: CheckIn = (state, body, session) => {
	const report = readProgressReport(body);
	const target = session();
	applyProgress(state, target, report);
	recordPlaybackStart(state, target, report.itemId);
};

export const checkInProgress: CheckIn = (state, body, session) => {
	const report = readProgressReport(body);
	const target = session();
	applyProgress(state, target, report);
	recordPlaybackProgress(state, target, report);
};

/** Applies a stop check-in. A negative PositionTicks is a 400, as on the server. */
export const checkInStopped: CheckIn = (state, body, session) => {
	const report = readStopReport(body);
	if (report.positionTicks !== undefined && report.positionTicks < 0) {
		throw badRequest("The PlaybackStopInfo's PositionTicks was negative.");
	}
	applyStop(state, session(), report);
};
