import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

import { SUPPORTED_COMMANDS } from '../../src/lib/protocol/commands';
import { signIn } from './support/app';
import { Remote } from './support/remote';
import { logCursor, readLog, waitForEvent } from './support/server-log';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The commands Cue handles; a unit test checks that a handler exists for each. */
const HANDLED_COMMANDS: string[] = [...SUPPORTED_COMMANDS];

test('posts its capabilities once when it connects', async ({ page }) => {
	const since = await logCursor();
	const deviceId = await signIn(page);
	const { events } = await readLog(since);
	const open = events.find(
		(event) => event.kind === 'ws-open' && event.query?.deviceId === deviceId
	);
	const posts = events.filter(
		(event) =>
			event.kind === 'http' &&
			event.deviceId === deviceId &&
			event.path === '/Sessions/Capabilities/Full'
	);
	expect(open, 'the socket opened').toBeDefined();
	// One POST, sent alongside the handshake as jellyfin-web does, not again once the socket opens.
	expect(posts).toHaveLength(1);
	expect(posts[0].body).toEqual({
		PlayableMediaTypes: ['Audio', 'Video'],
		SupportedCommands: HANDLED_COMMANDS,
		SupportsMediaControl: true,
		SupportsPersistentIdentifier: false
	});
});

test('appears as controllable with its commands', async ({ page }) => {
	const deviceId = await signIn(page);
	const remote = await new Remote().signIn();
	const session = (await remote.controllableSessions()).find(
		(entry) => entry.DeviceId === deviceId
	);
	expect(session?.SupportsRemoteControl).toBe(true);
	expect(session?.SupportsMediaControl).toBe(true);
	expect([...(session?.SupportedCommands ?? [])].sort()).toEqual([...HANDLED_COMMANDS].sort());
});

test('opens the socket with ApiKey and the sign-in DeviceId', async ({ page }) => {
	const since = await logCursor();
	const deviceId = await signIn(page);
	const open = await waitForEvent(since, (event) => event.kind === 'ws-open', 'the socket to open');
	expect(open.path).toBe('/socket');
	expect(open.query?.ApiKey).toBe('[token]');
	expect(open.query?.deviceId).toBe(deviceId);
});

test('sends the MediaBrowser authorization header', async ({ page }) => {
	const capabilitiesRequest = page.waitForRequest('**/Sessions/Capabilities/Full');
	const deviceId = await signIn(page);
	const header = (await capabilitiesRequest).headers()['authorization'];
	const pattern =
		/^MediaBrowser Client="Cue", Device="([^"]+)", DeviceId="([^"]+)", Version="([^"]+)", Token="([^"]+)"$/;
	const match = pattern.exec(header);
	expect(
		match,
		`unexpected header shape: ${header.replace(/Token="[^"]+"/, 'Token=…')}`
	).not.toBeNull();
	const [, device, headerDeviceId, headerVersion] = match!;
	expect(decodeURIComponent(headerDeviceId)).toBe(deviceId);
	expect(decodeURIComponent(headerVersion)).toBe(version);
	// Values are URI-encoded, so a device name with spaces arrives with %20.
	expect(device).not.toContain(' ');
	expect(decodeURIComponent(device).length).toBeGreaterThan(0);
});

test('keeps the socket alive at half the server period', async ({ page }) => {
	const since = await logCursor();
	const deviceId = await signIn(page);
	const open = await waitForEvent(
		since,
		(event) => event.kind === 'ws-open' && event.query?.deviceId === deviceId,
		'the socket to open'
	);
	// The test server requests a keep-alive period of 6 s, so Cue must send one every 3 s.
	await page.waitForTimeout(10_000);
	const { events } = await readLog(open.seq);
	const sessionFrames = events.filter((event) => event.sessionId === open.sessionId);
	const forced = sessionFrames.filter(
		(event) => event.kind === 'ws-out' && event.frame?.includes('"ForceKeepAlive"')
	);
	const keepAlives = sessionFrames.filter((event) => event.kind === 'ws-in');
	expect(forced).toHaveLength(1);
	expect(keepAlives.length).toBeGreaterThanOrEqual(4);
	for (const frame of keepAlives) expect(frame.frame).toBe('{"MessageType":"KeepAlive"}');
	expect(keepAlives[0].time - forced[0].time).toBeLessThan(1000);
	for (let index = 1; index < keepAlives.length; index++) {
		const gap = keepAlives[index].time - keepAlives[index - 1].time;
		expect(gap).toBeGreaterThan(2500);
		expect(gap).toBeLessThan(3500);
	}
	const closes = sessionFrames.filter((event) => event.kind === 'ws-close');
	expect(closes).toHaveLength(0);
});
