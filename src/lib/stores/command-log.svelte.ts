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

/** The remote commands Cue received, newest first, bounded, with repeats dropped by MessageId. */
class CommandLogStore {
	entries = $state.raw<CommandLogEntry[]>([]);
	#nextId = 1;
	#seenMessageIds = new Set<string>();

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
		this.entries = [full, ...this.entries].slice(0, MAX_ENTRIES);
		return full;
	}

	update(id: number, outcome: CommandOutcome, detail?: string): void {
		this.entries = this.entries.map((entry) =>
			entry.id === id ? { ...entry, outcome, detail: detail ?? entry.detail } : entry
		);
	}

	clear(): void {
		this.entries = [];
	}
}

export const commandLog = new CommandLogStore();
