import { expect, test } from '@playwright/test';

import { expectPaused, expectPlaying, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';
import { sendRawFrame } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

const BAD_FRAMES = [
	'this is not JSON {',
	'[1, 2, 3]',
	'42',
	'{"MessageType": 5}',
	'{"MessageType":"Play","Data":{"ItemIds":"not-an-array","PlayCommand":"PlayNow"}}',
	'{"MessageType":"Playstate","Data":{"Command":"Explode"}}',
	'{"MessageType":"Playstate","Data":{"Command":"Seek"}}',
	'{"MessageType":"GeneralCommand","Data":{"Name":42}}'
];

test('survives malformed frames and still obeys the next command', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'warning') warnings.push(message.text());
	});
	const pageErrors: Error[] = [];
	page.on('pageerror', (error) => pageErrors.push(error));

	const ids = library.tracks.map((track) => track.Id);
	await remote.play(session.Id, ids);
	await expectPlaying(page);
	const queueBefore = await page.getByTestId('queue').locator('li .name').allTextContents();

	for (const frame of BAD_FRAMES) await sendRawFrame(session.Id, frame);
	await sendRawFrame(session.Id, '{"MessageType":"SomethingNew","Data":{"Anything":true}}');

	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	await expect(page.getByTestId('queue').locator('li .name')).toHaveText(queueBefore);
	await expect(page.getByTestId('command-log').locator('[data-outcome="invalid"]')).toHaveCount(
		BAD_FRAMES.length
	);
	expect(pageErrors).toEqual([]);
	// Each bad frame is logged once, with what was wrong; the unknown type is not a warning.
	const frameWarnings = warnings.filter((text) => text.includes('invalid frame'));
	expect(frameWarnings).toHaveLength(BAD_FRAMES.length);
	expect(warnings.join('\n')).not.toContain('SomethingNew');
});

test('ignores a Play whose items the server does not know', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.tracks[0].Id]);
	await expectPlaying(page);
	await remote.play(session.Id, ['ffffffffffffffffffffffffffffffff']);
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	await expect(page.getByTestId('queue').locator('li')).toHaveCount(1);
});

test('a long command log shows the newest 20 until Show all', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	for (let index = 0; index < 25; index++) {
		await sendRawFrame(session.Id, `{"MessageType":"Playstate","Data":{"Command":"Pause"}}`);
	}
	const log = page.getByTestId('command-log');
	const showAll = page.getByRole('button', { name: 'Show all 25' });
	await expect(showAll).toBeVisible();
	await expect(log.locator('li')).toHaveCount(20);
	await showAll.click();
	await expect(log.locator('li')).toHaveCount(25);
	await page.getByRole('button', { name: 'Show the newest 20' }).click();
	await expect(log.locator('li')).toHaveCount(20);
});
