import * as z from 'zod/mini';

import { createLogger } from '$lib/log';
import { notifications } from '$lib/stores/notifications.svelte';

/**
 * Emby's and MediaBrowser's notification messages. Their payloads are documented only loosely, so
 * every field is optional: a notification has an `Id`, a `Name` and a `Description`, and a
 * mark-read message lists ids under `Ids` or `IdList` with `IsRead`.
 */
const NotificationSchema = z.object({
	Id: z.optional(z.union([z.string(), z.number()])),
	Name: z.optional(z.string()),
	Description: z.optional(z.string()),
	IsRead: z.optional(z.boolean())
});

const MarkedReadSchema = z.object({
	Ids: z.optional(z.array(z.union([z.string(), z.number()]))),
	IdList: z.optional(z.array(z.union([z.string(), z.number()]))),
	IsRead: z.optional(z.boolean())
});

const log = createLogger('notifications');

export function applyNotification(data: unknown, messageId: string | undefined): void {
	const parsed = NotificationSchema.safeParse(data);
	if (!parsed.success) {
		log.warn('ignoring a notification with an unexpected shape', { messageId });
		return;
	}
	const { Id, Name, Description, IsRead } = parsed.data;
	const serverId = Id === undefined ? undefined : String(Id);
	const existing = serverId ? notifications.findByServerId(serverId) : undefined;
	if (existing) {
		notifications.update(existing.id, {
			title: Name ?? existing.title,
			text: Description ?? existing.text,
			read: IsRead ?? existing.read
		});
		return;
	}
	notifications.add({
		messageId,
		serverId,
		kind: 'server',
		title: Name ?? 'Notification',
		text: Description ?? ''
	});
}

export function applyNotificationsMarkedRead(data: unknown): void {
	const parsed = MarkedReadSchema.safeParse(data);
	if (!parsed.success) {
		log.warn('ignoring a mark-read message with an unexpected shape');
		return;
	}
	const ids = (parsed.data.Ids ?? parsed.data.IdList ?? []).map(String);
	notifications.markRead(ids, parsed.data.IsRead ?? true);
}
