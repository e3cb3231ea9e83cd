import { expect, test } from '@playwright/test';

import { expectControllable, signIn } from './support/app';
import { DEMO_USER, Remote, SERVER_URL } from './support/remote';

async function fillForm(page: import('@playwright/test').Page, address: string, password: string) {
	await page.goto('/');
	await page.getByLabel('Server address').fill(address);
	await page.getByLabel('Username').fill(DEMO_USER.username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('signs in and becomes controllable', async ({ page }) => {
	const deviceId = await signIn(page);
	await expect(page.getByTestId('connection-status')).toContainText('Connected to');
	const remote = await new Remote().signIn();
	const session = await remote.session(deviceId);
	expect(session?.SupportsRemoteControl).toBe(true);
	expect(session?.Client).toBe('Cue');
});

test('shows the server name and version before signing in', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Server address').fill(SERVER_URL);
	await page.getByLabel('Username').focus();
	await expect(page.getByTestId('server-found')).toContainText(/Jellyfin 10\.11/);
});

test('rejects a wrong password with its own message', async ({ page }) => {
	await fillForm(page, SERVER_URL, 'not-the-password');
	await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
	await expect(page.getByLabel('Server address')).toBeVisible();
});

test('reports an unreachable server', async ({ page }) => {
	// Nothing listens on port 9 of the loopback address, so the connection is refused.
	await fillForm(page, 'http://127.0.0.1:9', DEMO_USER.password);
	await expect(page.getByRole('alert')).toContainText('Could not reach http://127.0.0.1:9');
});

test('reports an address that is not a Jellyfin server', async ({ page, baseURL }) => {
	// The app's own origin serves HTTP, but returns the app instead of server information.
	await fillForm(page, baseURL!, DEMO_USER.password);
	await expect(page.getByRole('alert')).toContainText('not as a Jellyfin or Emby server does');
});

test('reports a server error during sign-in', async ({ page }) => {
	await page.route('**/Users/AuthenticateByName', (route) =>
		route.fulfill({ status: 500, contentType: 'text/plain', body: 'Error processing request.' })
	);
	await fillForm(page, SERVER_URL, DEMO_USER.password);
	await expect(page.getByRole('alert')).toContainText('The server had an error (HTTP 500)');
});

test('rejects addresses that are not http or https', async ({ page }) => {
	await fillForm(page, 'ftp://127.0.0.1:8097', DEMO_USER.password);
	await expect(page.getByRole('alert')).toContainText('http');
});

test('accepts an address with a trailing slash', async ({ page }) => {
	await signIn(page, `${SERVER_URL}/`);
	const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('cue.signIn') ?? '{}'));
	expect(saved.serverUrl).toBe(SERVER_URL);
});

test('accepts an address without a scheme', async ({ page }) => {
	await signIn(page, SERVER_URL.replace('http://', ''));
	const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('cue.signIn') ?? '{}'));
	expect(saved.serverUrl).toBe(SERVER_URL);
});

test('keeps the sign-in across a reload', async ({ page }) => {
	const deviceId = await signIn(page);
	await page.reload();
	await expectControllable(page);
	await expect(page.getByLabel('Server address')).toHaveCount(0);
	expect(await page.evaluate(() => localStorage.getItem('cue.deviceId'))).toBe(deviceId);
});
