import { createLogger } from '$lib/log';

const log = createLogger('connection');

export type ConnectionState =
	'signed-out' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

class ConnectionStore {
	state = $state<ConnectionState>('signed-out');
	/** When the next reconnect attempt is due (ms since the epoch), while reconnecting. */
	nextAttemptAt = $state<number | null>(null);
	/** True once the capabilities have been posted on the current socket. */
	controllable = $state(false);
	lastError = $state<string | null>(null);
	/** A lasting fault the person may need to fix, such as a server that rejects the socket. */
	problem = $state<string | null>(null);

	set(state: ConnectionState, lastError: string | null = null): void {
		if (state !== this.state) {
			log.info(`state ${this.state} → ${state}${lastError ? ` (${lastError})` : ''}`);
		}
		this.state = state;
		this.lastError = lastError;
		if (state !== 'connected') this.controllable = false;
		if (state === 'connected' || state === 'signed-out') this.problem = null;
		if (state !== 'reconnecting') this.nextAttemptAt = null;
	}
}

export const connection = new ConnectionStore();
