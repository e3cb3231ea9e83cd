import { expect, test } from '@playwright/test';

import { deviceIdOf, expectPlaying } from './support/app';
import { useModeServer } from './support/server-modes';

const server = useModeServer('mediabrowser');

test('binds the legacy socket with an Identity message', async ({ page }) => {
	const since = await server().cursor();
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	const session = await server().controllableSession(deviceId);
	const events = await server().events(since);

	const login = events.find(
		(event) => event.method === 'POST' && event.path?.endsWith('/Users/AuthenticateByName')
	);
	expect(login?.path).toBe('/mediabrowser/Users/AuthenticateByName');
	expect(login?.status).toBe(200);
	expect(login?.client).toBe('Cue');

	const opened = events.find((event) => event.kind === 'ws-open');
	expect(opened?.path).toBe('/mediabrowser');
	expect(opened?.query ?? {}).toEqual({});
	const first = events.find((event) => event.kind === 'ws-in');
	const identity = JSON.parse(first?.frame ?? '{}') as { MessageType?: string; Data?: string };
	expect(identity.MessageType).toBe('Identity');
	const [client, identityDeviceId, version, deviceName] = (identity.Data ?? '').split('|');
	expect(client).toBe(login?.client);
	expect(identityDeviceId).toBe(deviceId);
	expect(version).toMatch(/^\d+\.\d+\.\d+/);
	expect(deviceName).toBe(session.DeviceName);
	expect(events.some((event) => event.kind === 'ws-bound' && event.deviceId === deviceId)).toBe(
		true
	);

	const capabilities = events.find(
		(event) => event.method === 'POST' && event.path?.includes('/Sessions/Capabilities')
	);
	expect(capabilities?.path).toBe('/mediabrowser/Sessions/Capabilities');
	expect(capabilities?.query?.Id).toBe(session.Id);
	expect(capabilities?.status).toBe(204);
});

test('sends check-ins over the socket, never over HTTP', async ({ page }) => {
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	const session = await server().controllableSession(deviceId);
	const since = await server().cursor();
	const { tracks } = await server().library();
	await server().remote.play(session.Id, [tracks[0]!]);
	await expectPlaying(page);
	await server().remote.playstate(session.Id, 'Pause');
	await server().waitFor(
		since,
		(event) => event.kind === 'ws-checkin' && event.type === 'ReportPlaybackProgress',
		'a progress check-in over the socket'
	);
	await server().remote.playstate(session.Id, 'Stop');
	const stopped = await server().waitFor(
		since,
		(event) => event.kind === 'ws-checkin' && event.type === 'ReportPlaybackStopped',
		'a stop check-in over the socket'
	);
	expect((stopped.body as Record<string, unknown>).ItemId).toBe(tracks[0]);
	const events = await server().events(since);
	const rejected = events.filter(
		(event) => event.kind === 'ws-checkin' && (event as { accepted?: boolean }).accepted === false
	);
	expect(rejected).toEqual([]);
	const overHttp = events.filter(
		(event) => event.kind === 'http' && event.path?.includes('/Sessions/Playing')
	);
	expect(overHttp).toEqual([]);
});

test('handles every message the legacy guide lists', async ({ page }) => {
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	const session = await server().controllableSession(deviceId);

	await server().control('/restart-required');
	await expect(page.getByTestId('server-notice')).toContainText('Restart required');

	await server().send(session.Id, 'NotificationAdded', {
		Id: '7',
		Name: 'Library scan',
		Description: 'Finished'
	});
	await server().send(session.Id, 'NotificationUpdated', {
		Id: '7',
		Name: 'Library scan',
		Description: 'Finished with 2 new items'
	});
	await server().send(session.Id, 'NotificationsMarkedRead', { Ids: ['7'], IsRead: true });
	await server().send(session.Id, 'UserDataChanged', {
		UserId: server().remote.userId,
		UserDataList: []
	});
	await server().send(session.Id, 'UserUpdated', {
		Id: server().remote.userId,
		Name: 'Demo Renamed'
	});
	await expect(page.getByText('Demo Renamed')).toBeVisible();
	await expect(page.getByTestId('notifications')).toContainText('Finished with 2 new items');

	await server().send(session.Id, 'ServerRestarting', '');
	await expect(page.getByTestId('server-notice').first()).toContainText('Server restarting');
	await server().send(session.Id, 'ServerShuttingDown', '');
	await expect(page.getByTestId('server-notice').first()).toContainText('shutting down');

	await server().send(session.Id, 'UserDeleted', server().remote.userId);
	await expect(page.getByLabel('Server address')).toBeVisible();
});

test('accepts an address typed with /mediabrowser', async ({ page }) => {
	await server().signIn(page, `${server().url}/mediabrowser/`);
	const deviceId = await deviceIdOf(page);
	const session = await server().controllableSession(deviceId);
	expect(session.SupportsRemoteControl).toBe(true);
});
