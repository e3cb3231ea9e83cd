/**
 * One entry of the test log: `seq` increases by one per event, `time` is `Date.now()` and
 * `hrTime` is `performance.timeOrigin + performance.now()`: epoch milliseconds with sub-millisecond
 * resolution, which a browser page computes the same way.
 */
export interface LogEvent {
	seq: number;
	time: number;
	hrTime: number;
	kind: string;
	[field: string]: unknown;
}

/** Returns `performance.timeOrigin + performance.now()`, the clock of `LogEvent.hrTime`. */
export function highResolutionNow(): number {
	return performance.timeOrigin + performance.now();
}

/**
 * A capped in-memory log of HTTP requests and socket frames for tests to read through
 * `GET /__test/log`. Every issued access token is replaced with "[token]" before an event
 * is stored, so the log contains no access token.
 */
export class EventLog {
	private events: LogEvent[] = [];
	private lastSeq = 0;
	private readonly secrets = new Set<string>();

	constructor(private readonly capacity: number) {}

	/** Registers a token so that every later event has it replaced. */
	addSecret(secret: string): void {
		this.secrets.add(secret);
	}

	/** Records an event; `hrTime` defaults to now, and a caller passes it to stamp an earlier moment. */
	add(kind: string, fields: Record<string, unknown>, hrTime = highResolutionNow()): void {
		this.lastSeq += 1;
		const stamped = { ...fields, seq: this.lastSeq, time: Date.now(), hrTime, kind };
		const event = this.redact(stamped) as LogEvent;
		this.events.push(event);
		if (this.events.length > this.capacity + 1000) {
			this.events = this.events.slice(-this.capacity);
		}
	}

	/** Returns the events after `since`, and the sequence number to pass as `since` next time. */
	since(since: number): { next: number; events: LogEvent[] } {
		const events = this.events.slice(-this.capacity).filter((event) => event.seq > since);
		return { next: this.lastSeq, events };
	}

	/** Drops all events; sequence numbers keep increasing so old cursors stay valid. */
	clear(): void {
		this.events = [];
	}

	private redact(value: unknown): unknown {
		if (typeof value === 'string') return this.redactText(value);
		if (Array.isArray(value)) return value.map((item) => this.redact(item));
		if (typeof value === 'object' && value !== null) {
			const copy: Record<string, unknown> = {};
			for (const [key, inner] of Object.entries(value)) copy[key] = this.redact(inner);
			return copy;
		}
		return value;
	}

	private redactText(text: string): string {
		let result = text;
		for (const secret of this.secrets) {
			if (result.includes(secret)) result = result.split(secret).join('[token]');
		}
		return result;
	}
}
