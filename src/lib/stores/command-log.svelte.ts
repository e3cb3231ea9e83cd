export type CommandOutcome = 'pending' | 'applied' | 'ignored' | 'failed' | 'invalid';

export interface CommandLogEntry {
	id: number;
	messageId?: string;
	receivedAt: number;
	messageType: string;
	summary: string;
	outcome: CommandOutcome;
	detail?: string;
}

const MAX_ENTRIES = 300;
const MAX_REMEMBERED_IDS = 1000;
/**
 * How long new entries wait before they are drawn: past the media event of the command (a
 * buffered seek takes a few milliseconds), so that redrawing never competes with it.
 */
const DRAW_DELAY_MS = 50;

/**
 * The remote commands Cue received, newest first, bounded, with repeats dropped by MessageId.
 * New entries and outcomes reach `entries` in a batch shortly after, so that redrawing the list
 * never delays the command itself, and a burst of frames redraws it once.
 */
class CommandLogStore {
	entries = $state.raw<CommandLogEntry[]>([]);
	#nextId = 1;
	#seenMessageIds = new Set<string>();
	/** Entries not yet in `entries`, oldest first; their outcomes are updated in place. */
	#unshown: CommandLogEntry[] = [];
	#outcomes = new Map<number, Pick<CommandLogEntry, 'outcome' | 'detail'>>();
	#flushScheduled = false;

	/** Returns false when a message with this MessageId was already handled. */
	markSeen(messageId: string | undefined): boolean {
		if (!messageId || /^0+$/.test(messageId)) return true;
		if (this.#seenMessageIds.has(messageId)) return false;
		this.#seenMessageIds.add(messageId);
		if (this.#seenMessageIds.size > MAX_REMEMBERED_IDS) {
			const oldest = this.#seenMessageIds.values().next().value;
			if (oldest !== undefined) this.#seenMessageIds.delete(oldest);
		}
		return true;
	}

	add(entry: Omit<CommandLogEntry, 'id' | 'receivedAt'>): CommandLogEntry {
		const full = { ...entry, id: this.#nextId++, receivedAt: Date.now() };
		this.#unshown.push(full);
		this.#scheduleFlush();
		return full;
	}

	update(id: number, outcome: CommandOutcome, detail?: string): void {
		const unshown = this.#unshown.find((entry) => entry.id === id);
		if (unshown) {
			unshown.outcome = outcome;
			unshown.detail = detail ?? unshown.detail;
			return;
		}
		this.#outcomes.set(id, { outcome, detail });
		this.#scheduleFlush();
	}

	/** Shows what arrived since the last batch. Tests call it to read `entries` at once. */
	flush(): void {
		this.#flushScheduled = false;
		if (this.#unshown.length === 0 && this.#outcomes.size === 0) return;
		const added = this.#unshown.reverse();
		this.#unshown = [];
		let entries = [...added, ...this.entries].slice(0, MAX_ENTRIES);
		if (this.#outcomes.size > 0) entries = entries.map((entry) => this.#withOutcome(entry));
		this.#outcomes.clear();
		this.entries = entries;
	}

	clear(): void {
		this.#unshown = [];
		this.#outcomes.clear();
		this.entries = [];
	}

	#withOutcome(entry: CommandLogEntry): CommandLogEntry {
		const change = this.#outcomes.get(entry.id);
		if (!change) return entry;
		return { ...entry, outcome: change.outcome, detail: change.detail ?? entry.detail };
	}

	#scheduleFlush(): void {
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		setTimeout(() => this.flush(), DRAW_DELAY_MS);
	}
}

export const commandLog = new CommandLogStore();
