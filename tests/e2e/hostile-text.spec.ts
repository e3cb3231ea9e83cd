import { expect, test } from '@playwright/test';

import { startServer, type RunningServer } from '../server/index.ts';
import { expectControllable } from './support/app';
import { DEMO_USER } from './support/remote';
import { Remote } from './support/remote';

/** Markup that would run script, or at least create elements, if Cue rendered text as HTML. */
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b id=injected>bold</b>`;

let hostile: RunningServer;

test.beforeAll(async () => {
	hostile = await startServer({ port: 0, serverName: `Evil ${PAYLOAD}`, quiet: true });
});

test.afterAll(async () => {
	await hostile?.close();
});

test('server text never runs as HTML', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	await page.addInitScript(() => {
		const record = window as unknown as { __violations: string[] };
		record.__violations = [];
		document.addEventListener('securitypolicyviolation', (event) =>
			record.__violations.push(`${event.violatedDirective} ${event.blockedURI}`)
		);
	});

	await page.goto('/');
	await page.getByLabel('Server address').fill(hostile.url);
	await page.getByLabel('Username').fill(DEMO_USER.username);
	await page.getByLabel('Password').fill(DEMO_USER.password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expectControllable(page);
	await expect(page.getByTestId('connection-status')).toContainText('<img src=x');

	const remote = await new Remote(hostile.url).signIn();
	const deviceId = await page.evaluate(() => localStorage.getItem('cue.deviceId'));
	const session = (await remote.controllableSessions()).find(
		(entry) => entry.DeviceId === deviceId
	)!;
	await remote.message(session.Id, PAYLOAD, PAYLOAD);
	await remote.command(session.Id, 'DisplayContent', {
		ItemId: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
		ItemName: PAYLOAD,
		ItemType: PAYLOAD
	});
	await expect(page.getByTestId('display-message')).toContainText('<script>');
	await expect(page.getByTestId('info-card')).toContainText('<b id=injected>');
	await expect(page.getByTestId('command-log')).toContainText('<img src=x');

	// A restart notice names the server, so its text carries the payload too.
	await fetch(`${hostile.url}/__test/restart`, { method: 'POST' });
	await expect(page.getByTestId('notifications')).toContainText('<img src=x');
	await expectControllable(page);

	expect(
		await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
	).toBeUndefined();
	expect(await page.locator('#injected').count()).toBe(0);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(dialogs).toEqual([]);
	expect(
		await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
	).toEqual([]);
});
