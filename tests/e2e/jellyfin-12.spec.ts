import { expect, test } from '@playwright/test';

import { deviceIdOf } from './support/app';
import { DEMO_USER } from './support/remote';
import { useModeServer } from './support/server-modes';

const server = useModeServer('jellyfin-12');

test.afterEach(async () => {
	await server().control('/faults/reset');
});

test('signs in with the Authorization header 12.0 requires', async ({ page }) => {
	const since = await server().cursor();
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	const events = await server().events(since);
	const login = events.find(
		(event) => event.method === 'POST' && event.path === '/Users/AuthenticateByName'
	);
	// 12.0 returns 400 for X-Emby-Authorization or a header without Client, Device and Version.
	expect(login?.status).toBe(200);
	expect(login?.client).toBe('Cue');
	expect(login?.deviceId).toBe(deviceId);

	const opened = events.find((event) => event.kind === 'ws-open');
	expect(opened?.query).toEqual({ ApiKey: '[token]', deviceId });
	expect(events.filter((event) => event.kind === 'ws-rejected')).toEqual([]);
	const forceKeepAlive = events.find(
		(event) => event.kind === 'ws-out' && event.frame?.includes('"ForceKeepAlive"')
	);
	expect(forceKeepAlive?.seq).toBeGreaterThan(opened!.seq);
});

test('tells a malformed-request 400 from a wrong password', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Server address').fill(server().url);
	await page.getByLabel('Username').fill(DEMO_USER.username);
	await page.getByLabel('Password').fill('wrong password');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');

	await page.route('**/Users/AuthenticateByName', (route) =>
		route.fulfill({ status: 400, contentType: 'text/plain', body: 'Error processing request.' })
	);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('malformed (HTTP 400)');
	await expect(page.getByRole('alert')).not.toContainText('JSON');
});

test('replaces a socket that gets no ForceKeepAlive', async ({ page }) => {
	test.setTimeout(60_000);
	await server().control('/unbound-sockets?count=1');
	const since = await server().cursor();
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	await server().waitFor(
		since,
		(event) =>
			event.kind === 'ws-out' &&
			event.frame?.includes('"ForceKeepAlive"') === true &&
			event.sessionId !== undefined,
		'a ForceKeepAlive on a second socket',
		30_000
	);
	const events = await server().events(since);
	const opens = events.filter((event) => event.kind === 'ws-open' || event.kind === 'ws-unbound');
	expect(opens.length).toBeGreaterThanOrEqual(2);
	for (const open of events.filter((event) => event.kind === 'ws-open')) {
		expect(open.query?.deviceId).toBe(deviceId);
	}
	await server().controllableSession(deviceId);
});

test('says so when the server rejects every socket handshake', async ({ page }) => {
	test.setTimeout(60_000);
	await server().signIn(page);
	const deviceId = await deviceIdOf(page);
	const session = await server().controllableSession(deviceId);
	await server().control('/fail-requests?path=/socket&status=403&count=1000');
	await server().control(`/sessions/${session.Id}/close?code=1006`);
	const problem = page.getByTestId('connection-problem');
	await expect(async () => {
		await page.getByRole('button', { name: 'Retry now' }).click({ timeout: 1000 });
		await expect(problem).toContainText('rejects the live connection', { timeout: 1000 });
	}).toPass({ timeout: 30_000 });

	await server().control('/faults/reset');
	await page.getByRole('button', { name: 'Retry now' }).click();
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-controllable', 'true');
	await expect(problem).toHaveCount(0);
});
