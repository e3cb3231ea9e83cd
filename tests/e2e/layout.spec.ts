import { expect, test, type Page } from '@playwright/test';

import { expectPaused, expectPlaying, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote, type SessionDto } from './support/remote';

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

const VIEWPORTS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'tablet-portrait', width: 820, height: 1180 },
	{ name: 'tablet-landscape', width: 1180, height: 820 }
];

/** The smallest touch target accepted, in CSS pixels (WCAG 2.5.5 and Apple's guidelines). */
const MIN_TARGET = 44;

const video = library.videos[1];

interface Target {
	name: string;
	width: number;
	height: number;
}

/** Returns the controls a finger can hit that are smaller than MIN_TARGET in either direction. */
async function smallTargets(page: Page): Promise<Target[]> {
	return page.evaluate((minimum) => {
		const selector =
			'button, select, a[href], input[type="range"], input[type="text"], label:has(input[type="checkbox"])';
		return [...document.querySelectorAll<HTMLElement>(selector)]
			.filter((element) => element.getClientRects().length > 0)
			.filter((element) => !element.closest('.visually-hidden'))
			.map((element) => {
				const box = element.getBoundingClientRect();
				const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
				return { name: `${element.tagName} ${name}`, width: box.width, height: box.height };
			})
			.filter((target) => target.width < minimum - 0.5 || target.height < minimum - 0.5);
	}, MIN_TARGET);
}

async function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function expectFits(page: Page, what: string): Promise<void> {
	expect(await horizontalOverflow(page), `${what}: horizontal overflow in px`).toBeLessThanOrEqual(
		0
	);
	expect(await smallTargets(page), `${what}: targets under ${MIN_TARGET} px`).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `test-results/layout-${name}.png` });
}

/** Plays the short video on repeat, so that slow runs never see it end. */
async function playVideo(page: Page): Promise<SessionDto> {
	const { session } = await signInAndFindSession(page, remote);
	await remote.command(session.Id, 'SetRepeatMode', { RepeatMode: 'RepeatOne' });
	await remote.play(session.Id, [video.Id]);
	await expectPlaying(page);
	return session;
}

const overlay = (page: Page) => page.getByTestId('video-controls');

for (const viewport of VIEWPORTS) {
	test(`layout fits a ${viewport.name}`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto('/');
		await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
		await expectFits(page, 'sign-in');
		await shoot(page, `${viewport.name}-sign-in`);

		const { session } = await signInAndFindSession(page, remote);
		await remote.play(
			session.Id,
			library.tracks.map((track) => track.Id)
		);
		await expectPlaying(page);
		await expectFits(page, 'audio');
		await shoot(page, `${viewport.name}-audio`);

		await remote.play(session.Id, [video.Id]);
		await expectPlaying(page);
		await expect(overlay(page)).toHaveAttribute('data-shown', 'true');
		await expectFits(page, 'video');
		await shoot(page, `${viewport.name}-video`);
	});
}

test('light theme follows the system', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize({ width: 820, height: 1180 });
	const { session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.tracks[0].Id]);
	await expectPlaying(page);
	const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	expect(background).toBe('rgb(244, 246, 249)');
	await shoot(page, 'tablet-portrait-light');
});

test('video controls hide when idle', async ({ page }) => {
	const session = await playVideo(page);
	await expect(overlay(page)).toHaveAttribute('data-shown', 'false');

	await page.mouse.move(200, 200);
	await page.mouse.move(220, 210);
	await expect(overlay(page)).toHaveAttribute('data-shown', 'true');
	await expect(overlay(page)).toHaveAttribute('data-shown', 'false');

	// A paused video keeps its controls, even when the page is idle.
	await remote.playstate(session.Id, 'Pause');
	await expectPaused(page);
	await expect(overlay(page)).toHaveAttribute('data-idle', 'true');
	await expect(overlay(page)).toHaveAttribute('data-shown', 'true');
	await remote.playstate(session.Id, 'Unpause');
	await expectPlaying(page);
	await expect(overlay(page)).toHaveAttribute('data-shown', 'false');
});

/** Presses Tab until the keyboard focus is on a control over the video. */
async function tabIntoVideoControls(page: Page): Promise<void> {
	const focusInside = () =>
		page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="video-controls"]')));
	for (let presses = 0; presses < 30 && !(await focusInside()); presses++) {
		await page.keyboard.press('Tab');
	}
	expect(await focusInside()).toBe(true);
}

test('keyboard focus keeps video controls', async ({ page }) => {
	await playVideo(page);
	await tabIntoVideoControls(page);
	await expect(overlay(page)).toHaveAttribute('data-idle', 'true');
	await expect(overlay(page)).toHaveAttribute('data-shown', 'true');
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await expect(overlay(page)).toHaveAttribute('data-shown', 'false');
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true, viewport: { width: 820, height: 1180 } });

	test('a tap shows hidden video controls', async ({ page }) => {
		await playVideo(page);
		await expect(overlay(page)).toHaveAttribute('data-shown', 'false');
		const stage = await page.getByRole('region', { name: 'Player' }).boundingBox();
		await page.touchscreen.tap(stage!.x + stage!.width / 2, stage!.y + 40);
		await expect(overlay(page)).toHaveAttribute('data-shown', 'true');
		// The tap only woke the controls, and the video still plays.
		await expectPlaying(page);
	});
});

test('reduced motion turns transitions off', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await playVideo(page);
	const duration = await overlay(page).evaluate((element) => {
		return getComputedStyle(element).transitionDuration;
	});
	expect(duration).toBe('0s');
	await expect(overlay(page)).toHaveAttribute('data-shown', 'false');
});

test('full screen button fills the screen', async ({ page }) => {
	await page.setViewportSize({ width: 1180, height: 820 });
	await playVideo(page);
	await page.mouse.move(300, 300);
	await page.getByRole('button', { name: 'Full screen' }).click();
	await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
	const stage = page.getByRole('region', { name: 'Player' });
	await expect
		.poll(async () => {
			const box = await stage.boundingBox();
			const size = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
			return box !== null && box.width === size[0] && box.height === size[1];
		})
		.toBe(true);
	await shoot(page, 'tablet-landscape-fullscreen');

	await page.mouse.move(320, 320);
	await page.getByRole('button', { name: 'Exit full screen' }).click();
	await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
	await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible();
});
