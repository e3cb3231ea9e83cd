export type NotificationKind =
	'server-restarting' | 'server-shutting-down' | 'restart-required' | 'message' | 'server';

/** A server event shown to the person. Text only: it is never rendered as HTML. */
export interface ServerNotification {
	id: number;
	messageId?: string;
	/** The server's own id for the notification (Emby), for later updates and mark-read messages. */
	serverId?: string;
	kind: NotificationKind;
	title: string;
	text: string;
	receivedAt: number;
	read: boolean;
	/** False once the condition it describes is over, such as a restart that finished. */
	active: boolean;
}

const MAX_NOTIFICATIONS = 300;
/** Kinds that describe a state of the server: a second notice while one is active adds nothing. */
const STATE_KINDS: ReadonlySet<NotificationKind> = new Set([
	'server-restarting',
	'server-shutting-down',
	'restart-required'
]);
const MAX_REMEMBERED_IDS = 1000;

/** Server notices and messages, newest first, bounded, with repeats dropped by MessageId. */
class NotificationStore {
	entries = $state.raw<ServerNotification[]>([]);
	unreadCount = $derived(this.entries.filter((entry) => !entry.read).length);
	#nextId = 1;
	#seenMessageIds = new Set<string>();

	/**
	 * Adds a notification. Returns undefined for a MessageId that was already added, and for a
	 * server state (restarting, shutting down, restart required) that an active notice shows.
	 */
	add(
		notification: Omit<ServerNotification, 'id' | 'receivedAt' | 'read' | 'active'>
	): ServerNotification | undefined {
		const messageId = notification.messageId;
		if (messageId && !/^0+$/.test(messageId)) {
			if (this.#seenMessageIds.has(messageId)) return undefined;
			this.#seenMessageIds.add(messageId);
			if (this.#seenMessageIds.size > MAX_REMEMBERED_IDS) {
				const oldest = this.#seenMessageIds.values().next().value;
				if (oldest !== undefined) this.#seenMessageIds.delete(oldest);
			}
		}
		if (STATE_KINDS.has(notification.kind)) {
			const current = this.entries.find(
				(entry) => entry.active && entry.kind === notification.kind
			);
			if (current) return undefined;
		}
		const entry = {
			...notification,
			id: this.#nextId++,
			receivedAt: Date.now(),
			read: false,
			active: true
		};
		this.entries = [entry, ...this.entries].slice(0, MAX_NOTIFICATIONS);
		return entry;
	}

	/** Marks every active notice of these kinds as over, for example when the server is back. */
	resolve(kinds: NotificationKind[]): void {
		if (!this.entries.some((entry) => entry.active && kinds.includes(entry.kind))) return;
		this.entries = this.entries.map((entry) =>
			entry.active && kinds.includes(entry.kind) ? { ...entry, active: false } : entry
		);
	}

	findByServerId(serverId: string): ServerNotification | undefined {
		return this.entries.find((entry) => entry.serverId === serverId);
	}

	update(id: number, changes: Partial<Pick<ServerNotification, 'title' | 'text' | 'read'>>): void {
		this.entries = this.entries.map((entry) =>
			entry.id === id ? { ...entry, ...changes } : entry
		);
	}

	/** Marks the notifications with these server ids read or unread. */
	markRead(serverIds: string[], read: boolean): void {
		const ids = new Set(serverIds);
		this.entries = this.entries.map((entry) =>
			entry.serverId && ids.has(entry.serverId) ? { ...entry, read } : entry
		);
	}

	markAllRead(): void {
		this.entries = this.entries.map((entry) => (entry.read ? entry : { ...entry, read: true }));
	}

	clear(): void {
		this.entries = [];
	}
}

export const notifications = new NotificationStore();
