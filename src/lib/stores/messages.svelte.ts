/** A message a controller sent with DisplayMessage. Text only: it is never rendered as HTML. */
export interface ShownMessage {
	id: number;
	header: string;
	text: string;
	receivedAt: number;
}

class MessageStore {
	visible = $state.raw<ShownMessage[]>([]);
	#nextId = 1;
	#timers = new Map<number, ReturnType<typeof setTimeout>>();

	/** Shows a message; with `timeoutMs` it goes away by itself, otherwise it stays until dismissed. */
	show(header: string, text: string, timeoutMs?: number): ShownMessage {
		const message = { id: this.#nextId++, header, text, receivedAt: Date.now() };
		this.visible = [...this.visible, message].slice(-5);
		if (timeoutMs !== undefined && timeoutMs > 0) {
			this.#timers.set(
				message.id,
				setTimeout(() => this.dismiss(message.id), timeoutMs)
			);
		}
		return message;
	}

	dismiss(id: number): void {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
		this.visible = this.visible.filter((message) => message.id !== id);
	}
}

export const messages = new MessageStore();
