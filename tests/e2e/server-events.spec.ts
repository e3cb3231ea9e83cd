import { expect, test } from '@playwright/test';

import { expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';
import { sendRawFrame } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

let frameCount = 0;

/** Sends a server message with a fresh MessageId, as the server would. */
async function sendEvent(
	sessionId: string,
	messageType: string,
	data: unknown,
	messageId?: string
) {
	frameCount++;
	const id = messageId ?? `${Date.now().toString(16)}${frameCount.toString(16)}`.padEnd(32, '0');
	await sendRawFrame(
		sessionId,
		JSON.stringify({ MessageType: messageType, MessageId: id, Data: data })
	);
}

test('UserDataChanged marks the shown item played and favourite', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	const track = library.tracks[0];
	await remote.play(session.Id, [track.Id]);
	await expectPlaying(page);
	await sendEvent(session.Id, 'UserDataChanged', {
		UserId: remote.userId,
		UserDataList: [
			{
				ItemId: track.Id,
				Key: track.Id,
				IsFavorite: true,
				Played: true,
				PlayCount: 3,
				PlaybackPositionTicks: 0
			}
		]
	});
	const badges = page.getByTestId('user-data');
	await expect(badges).toContainText('Favourite');
	await expect(badges).toContainText('Played');
});

test('UserUpdated renames the signed-in user', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await sendEvent(session.Id, 'UserUpdated', { Id: remote.userId, Name: 'Demo Renamed' });
	await expect(page.getByText('Demo Renamed')).toBeVisible();
});

test('UserDeleted for the signed-in user signs out with a message', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await sendEvent(session.Id, 'UserDeleted', remote.userId);
	await expect(page.getByLabel('Server address')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toContainText('demo');
});

test('LibraryChanged removals are skipped when their turn comes', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	const [first, second, third] = library.tracks;
	await remote.play(session.Id, [first.Id, second.Id, third.Id]);
	await expectPlaying(page);
	await sendEvent(session.Id, 'LibraryChanged', {
		ItemsRemoved: [second.Id],
		ItemsAdded: [],
		ItemsUpdated: [],
		FoldersAddedTo: [],
		FoldersRemovedFrom: [],
		CollectionFolders: [],
		IsEmpty: false
	});
	await page.waitForTimeout(300);
	await remote.playstate(session.Id, 'NextTrack');
	await expect.poll(async () => (await mediaState(page)).src).toContain(third.Id);
	await expectPlaying(page);
});

test('Emby notifications fill the panel with an unread count', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await sendEvent(session.Id, 'NotificationAdded', {
		Id: '41',
		Name: 'New movie',
		Description: 'Arrival was added'
	});
	await sendEvent(session.Id, 'NotificationAdded', {
		Id: '42',
		Name: 'Backup done',
		Description: 'All good'
	});
	const list = page.getByTestId('notifications');
	await expect(list).toContainText('Arrival was added');
	await expect(page.getByTestId('unread-count')).toHaveText('2 unread');
	await sendEvent(session.Id, 'NotificationUpdated', {
		Id: '42',
		Name: 'Backup failed',
		Description: 'Disk full'
	});
	await expect(list).toContainText('Disk full');
	await expect(list).not.toContainText('All good');
	await sendEvent(session.Id, 'NotificationsMarkedRead', { Ids: ['41'], IsRead: true });
	await expect(page.getByTestId('unread-count')).toHaveText('1 unread');
});

test('a repeated MessageId is applied once', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	const id = 'abcdefabcdefabcdefabcdefabcdef01';
	const args = { Header: 'Once', Text: 'only once', TimeoutMs: '60000' };
	for (let copy = 0; copy < 3; copy++) {
		await sendEvent(session.Id, 'GeneralCommand', { Name: 'DisplayMessage', Arguments: args }, id);
	}
	await expect(page.getByTestId('display-message')).toHaveCount(1);
	await page.waitForTimeout(500);
	await expect(page.getByTestId('display-message')).toHaveCount(1);
});
