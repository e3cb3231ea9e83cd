import { createLogger } from '$lib/log';
import type { BaseItem } from '$lib/protocol/schemas';
import type { InboundMessage } from '$lib/protocol/messages';
import { notifications } from '$lib/stores/notifications.svelte';
import { session } from '$lib/stores/session.svelte';
import { applyNotification, applyNotificationsMarkedRead } from './emby-notifications';
import { applyLibraryChanged, applyUserDataChanged } from './library-events';

export interface ServerEventHooks {
	serverName(): string;
	fetchItems(ids: string[]): Promise<BaseItem[]>;
	expectRestart(): void;
	signOutLocally(notice: string): void;
}

const log = createLogger('server-events');

/**
 * Applies server notifications that are not remote commands: restart and shutdown notices, and
 * changes to the signed-in user. Returns false for a message it does not handle.
 */
export function handleServerEvent(message: InboundMessage, hooks: ServerEventHooks): boolean {
	const messageId = message.MessageId;
	const server = hooks.serverName();
	switch (message.MessageType) {
		case 'ServerRestarting':
			notifications.add({
				messageId,
				kind: 'server-restarting',
				title: 'Server restarting',
				text: `${server} is restarting. Cue reconnects as soon as it is back.`
			});
			hooks.expectRestart();
			return true;
		case 'ServerShuttingDown':
			notifications.add({
				messageId,
				kind: 'server-shutting-down',
				title: 'Server shutting down',
				text: `${server} is shutting down. Cue reconnects when it starts again.`
			});
			hooks.expectRestart();
			return true;
		case 'RestartRequired':
			notifications.add({
				messageId,
				kind: 'restart-required',
				title: 'Restart required',
				text: `${server} needs a restart to apply recent changes.`
			});
			return true;
		case 'UserDataChanged':
			applyUserDataChanged(message.Data);
			return true;
		case 'LibraryChanged':
			applyLibraryChanged(message.Data, hooks.fetchItems).catch((error) =>
				log.warn('refreshing queued items after LibraryChanged failed', { error })
			);
			return true;
		case 'NotificationAdded':
		case 'NotificationUpdated':
			applyNotification(message.Data, messageId);
			return true;
		case 'NotificationsMarkedRead':
			applyNotificationsMarkedRead(message.Data);
			return true;
		case 'UserDeleted':
			return handleUserDeleted(message.Data, hooks);
		case 'UserUpdated':
			return handleUserUpdated(message.Data);
		default:
			return false;
	}
}

function sameId(left: string, right: string): boolean {
	const normalise = (id: string) => id.replaceAll('-', '').toLowerCase();
	return normalise(left) === normalise(right);
}

function handleUserDeleted(userId: string, hooks: ServerEventHooks): boolean {
	const current = session.current;
	if (!current || !sameId(userId, current.userId)) return true;
	log.warn('the signed-in user was deleted on the server', { userId });
	hooks.signOutLocally(
		`The user ${current.userName} was deleted on ${hooks.serverName()}. Sign in with another user.`
	);
	return true;
}

function handleUserUpdated(user: { Id: string; Name?: string }): boolean {
	const current = session.current;
	if (current && user.Name && sameId(user.Id, current.userId) && user.Name !== current.userName) {
		session.save({ ...current, userName: user.Name });
	}
	return true;
}
