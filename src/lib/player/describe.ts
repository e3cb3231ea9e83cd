import type { InboundMessage } from '$lib/protocol/messages';
import { ticksToSeconds } from '$lib/protocol/ticks';

/** Returns a one-line summary of a message for the command log. Messages carry no tokens. */
export function describeMessage(message: InboundMessage): string {
	switch (message.MessageType) {
		case 'Play': {
			const { PlayCommand, ItemIds, StartIndex, StartPositionTicks } = message.Data;
			const count = ItemIds.length === 1 ? '1 item' : `${ItemIds.length} items`;
			const start = StartPositionTicks
				? ` from ${formatSeconds(ticksToSeconds(StartPositionTicks))}`
				: '';
			const index = StartIndex ? `, starting at #${StartIndex + 1}` : '';
			return `${PlayCommand}: ${count}${index}${start}`;
		}
		case 'Playstate': {
			const { Command, SeekPositionTicks } = message.Data;
			if (Command === 'Seek' && SeekPositionTicks !== undefined) {
				return `Seek to ${formatSeconds(ticksToSeconds(SeekPositionTicks))}`;
			}
			return Command;
		}
		case 'GeneralCommand': {
			const args = Object.entries(message.Data.Arguments)
				.map(([key, value]) => `${key}=${value.length > 40 ? `${value.slice(0, 40)}…` : value}`)
				.join(', ');
			return args ? `${message.Data.Name} (${args})` : message.Data.Name;
		}
		default:
			return message.MessageType;
	}
}

/** Formats seconds as m:ss or h:mm:ss. */
export function formatSeconds(seconds: number): string {
	const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const secs = String(total % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}
