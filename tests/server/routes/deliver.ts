import { notFound } from '../core/errors.ts';
import { sendNoContent } from '../core/http.ts';
import type { RequestContext } from '../core/router.ts';
import { callerSession } from '../sessions/caller.ts';
import { sendToSession } from '../sessions/messaging.ts';
import type { Session } from '../sessions/session.ts';

/**
 * Sends a message to the controlled session and responds 204. The caller's own session is touched
 * first, as on the server, and an unknown target id is a 404. Delivery is best effort, so without
 * an open socket nothing is sent and the controller still gets 204.
 */
export function deliver(
	ctx: RequestContext,
	messageType: string,
	build: (caller: Session) => unknown
) {
	const caller = callerSession(ctx);
	const targetId = ctx.params.sessionId ?? '';
	const target = ctx.state.sessions.findById(targetId);
	if (target === undefined) throw notFound(`Session ${targetId} not found.`);
	const sent = sendToSession(target, messageType, build(caller));
	if (!sent) ctx.state.logger.info(`${messageType} for ${target.id} dropped: no open socket`);
	sendNoContent(ctx.res);
}
