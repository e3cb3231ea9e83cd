import { expect, test } from '@playwright/test';

import { expectPaused, expectPlaying, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';
import { sendRawFrame } from './support/server-log';

test('no token in logs, messages or the command log', async ({ page }) => {
	const remote = await new Remote().signIn();
	const consoleText: string[] = [];
	page.on('console', (message) => consoleText.push(message.text()));
	// Debug logging writes the most lines, so it is the strictest case.
	await page.addInitScript(() => localStorage.setItem('cue.debug', '1'));
	const { session } = await signInAndFindSession(page, remote);
	const token = await page.evaluate(
		() => (JSON.parse(localStorage.getItem('cue.signIn') ?? '{}') as { token?: string }).token
	);
	expect(token, 'the sign-in stores a token').toMatch(/^[0-9a-f]{32}$/);

	await remote.play(session.Id, [library.tracks[0].Id]);
	await expectPlaying(page);
	await remote.play(session.Id, ['ffffffffffffffffffffffffffffffff']);
	await sendRawFrame(session.Id, 'not json');
	await sendRawFrame(session.Id, JSON.stringify({ MessageType: 'Play', Data: { ItemIds: 7 } }));
	await remote.command(session.Id, 'SetVolume', { Volume: 'loud' });
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	// A failing request: the server refuses a made-up item with 404.
	await page.evaluate(async () => {
		await fetch(`${location.origin}/does-not-exist`).catch(() => undefined);
	});

	const pageText = await page.locator('body').innerText();
	expect(consoleText.length).toBeGreaterThan(5);
	expect(consoleText.join('\n')).not.toContain(token!);
	expect(pageText).not.toContain(token!);
	const logText = await page.getByTestId('command-log').innerText();
	expect(logText).not.toContain(token!);
});
