import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { expectPaused, expectPlaying, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote } from './support/remote';
import { sendRawFrame } from './support/server-log';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

/** Runs axe on the page and lists the serious and critical violations, one line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.flatMap((violation) =>
			violation.nodes.map(
				(node) => `${violation.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`
			)
		);
}

/** Adds a server notice, a notification entry and a message toast to the player view. */
async function addNotifications(page: Page, sessionId: string): Promise<void> {
	await sendRawFrame(
		sessionId,
		JSON.stringify({ MessageType: 'RestartRequired', MessageId: crypto.randomUUID() })
	);
	await remote.message(sessionId, 'Dinner', 'Dinner is ready');
	await expect(page.getByTestId('notifications')).toBeVisible();
	await expect(page.getByTestId('display-message')).toBeVisible();
}

for (const colorScheme of ['dark', 'light'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		test('sign-in view has no serious violations', async ({ page }) => {
			await page.goto('/');
			await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('player, queue and notifications have no serious violations', async ({ page }) => {
			const { session } = await signInAndFindSession(page, remote);
			await remote.play(
				session.Id,
				library.tracks.map((track) => track.Id)
			);
			await expectPlaying(page);
			await addNotifications(page, session.Id);
			await expect(page.getByTestId('queue').getByRole('listitem')).toHaveCount(5);
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('video controls have no serious violations', async ({ page }) => {
			const { session } = await signInAndFindSession(page, remote);
			await remote.play(session.Id, [library.videos[1].Id]);
			await expectPlaying(page);
			await remote.playstate(session.Id, 'Pause');
			await expectPaused(page);
			await expect(page.getByTestId('video-controls')).toHaveAttribute('data-shown', 'true');
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

test('focus is visible on every control', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.tracks[0].Id, library.tracks[1].Id]);
	await expectPlaying(page);
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

	const seen = new Set<string>();
	for (let presses = 0; presses < 40; presses++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement | null;
			if (!element || element === document.body) return null;
			const style = getComputedStyle(element);
			return {
				name: `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent?.trim()}`,
				outline: style.outlineStyle,
				width: parseFloat(style.outlineWidth)
			};
		});
		if (!focused || seen.has(focused.name)) continue;
		seen.add(focused.name);
		expect(focused.outline, `outline of ${focused.name}`).toBe('solid');
		expect(focused.width, `outline width of ${focused.name}`).toBeGreaterThanOrEqual(2);
	}
	expect(seen.size).toBeGreaterThan(10);
});

test('playback status is announced', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	const status = page.getByTestId('playback-status');
	await expect(status).toHaveAttribute('role', 'status');
	await remote.play(session.Id, [library.tracks[0].Id]);
	await expect(status).toHaveText(`Playing ${library.tracks[0].Name}`);
	await remote.playstate(session.Id, 'Pause');
	await expect(status).toHaveText(`Paused ${library.tracks[0].Name}`);
});
