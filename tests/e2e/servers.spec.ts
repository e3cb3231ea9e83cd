import { expect, test } from '@playwright/test';

import { startServer, type RunningServer } from '../server/index.ts';
import { expectControllable, signIn } from './support/app';
import { DEMO_USER, Remote, SERVER_URL } from './support/remote';

let cabin: RunningServer;

test.beforeAll(async () => {
	cabin = await startServer({ port: 0, serverName: 'Cabin Server', quiet: true });
});

test.afterAll(async () => {
	await cabin?.close();
});

async function signInTo(page: import('@playwright/test').Page, address: string) {
	await page.getByLabel('Server address').fill(address);
	await page.getByLabel('Username').fill(DEMO_USER.username);
	await page.getByLabel('Password').fill(DEMO_USER.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expectControllable(page);
}

test('switches between servers, each with its own sign-in', async ({ page }) => {
	const deviceId = await signIn(page);
	await page.getByRole('button', { name: 'Switch server' }).click();
	const list = page.getByRole('region', { name: 'Your servers' });
	await expect(list).toContainText('Cue Demo Server');

	await signInTo(page, cabin.url);
	await expect(page.getByTestId('connection-status')).toContainText('Cabin Server');
	const atCabin = await fetch(`${cabin.url}/__test/sessions`).then((response) => response.json());
	expect(
		atCabin.some((entry: { session: { DeviceId: string } }) => entry.session.DeviceId === deviceId)
	).toBe(true);

	await page.getByRole('button', { name: 'Switch server' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(2);
	await list.getByRole('button', { name: /Connect to Cue Demo Server/ }).click();
	await expectControllable(page);
	await expect(page.getByTestId('connection-status')).toContainText('Cue Demo Server');
	const remote = await new Remote().signIn();
	expect((await remote.session(deviceId))?.SupportsRemoteControl).toBe(true);
});

test('signing out of one server keeps the others', async ({ page }) => {
	const deviceId = await signIn(page);
	await page.getByRole('button', { name: 'Switch server' }).click();
	await signInTo(page, cabin.url);
	await page.getByRole('button', { name: 'Switch server' }).click();
	const list = page.getByRole('region', { name: 'Your servers' });
	await list.getByRole('button', { name: /Sign out of Cabin Server/ }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list).toContainText('Cue Demo Server');
	const cabinLogouts = async () => {
		const cabinLog = await fetch(`${cabin.url}/__test/log`).then((response) => response.json());
		return cabinLog.events.filter(
			(event: { path?: string; deviceId?: string }) =>
				event.path === '/Sessions/Logout' && event.deviceId === deviceId
		);
	};
	await expect.poll(cabinLogouts).toHaveLength(1);
	await list.getByRole('button', { name: /Connect to Cue Demo Server/ }).click();
	await expectControllable(page);
	const remote = await new Remote().signIn();
	expect((await remote.session(deviceId))?.SupportsRemoteControl).toBe(true);
	expect(SERVER_URL).not.toBe(cabin.url);
});
