import { expect, test, type Page } from '@playwright/test';

import { expectControllable, deviceIdOf } from './support/app';
import { Remote, SERVER_URL } from './support/remote';

async function openQuickConnect(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByLabel('Server address').fill(SERVER_URL);
	await page.getByLabel('Username').focus();
	await page.getByRole('button', { name: 'Sign in with Quick Connect' }).click();
	const code = page.getByTestId('quick-connect-code');
	await expect(code).toHaveText(/^\s*\d{6}\s*$/);
	const fontSize = await code.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
	// Large enough to read across a room.
	expect(fontSize).toBeGreaterThanOrEqual(48);
	return (await code.innerText()).trim();
}

test('signs in once another app approves the code', async ({ page }) => {
	const remote = await new Remote().signIn();
	const code = await openQuickConnect(page);
	const response = await remote.request('POST', `/QuickConnect/Authorize?code=${code}`);
	expect(response.status).toBe(200);
	await expectControllable(page);
	const session = await remote.session(await deviceIdOf(page));
	expect(session?.SupportsRemoteControl).toBe(true);
	expect(session?.Client).toBe('Cue');
});

test('an expired code offers a new one', async ({ page }) => {
	const first = await openQuickConnect(page);
	await fetch(`${SERVER_URL}/__test/quick-connect/expire`, { method: 'POST' });
	await expect(page.getByText('The code expired before it was approved.')).toBeVisible({
		timeout: 15_000
	});
	await page.getByRole('button', { name: 'Get a new code' }).click();
	const code = page.getByTestId('quick-connect-code');
	await expect(code).toHaveText(/^\s*\d{6}\s*$/);
	expect((await code.innerText()).trim()).not.toBe(first);

	const remote = await new Remote().signIn();
	await remote.request('POST', `/QuickConnect/Authorize?code=${(await code.innerText()).trim()}`);
	await expectControllable(page);
});

test('the password form stays one tap away', async ({ page }) => {
	await openQuickConnect(page);
	await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
	await expect(page.getByLabel('Password')).toBeVisible();
});
