import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Finds a Chromium without downloading one: $CHROMIUM_PATH, then Debian's package, then a browser
 * that Playwright installed earlier. Throws with instructions when there is none.
 */
export function findChromium(): string {
	const fromEnvironment = process.env.CHROMIUM_PATH;
	if (fromEnvironment) {
		if (!existsSync(fromEnvironment)) {
			throw new Error(`CHROMIUM_PATH is set to ${fromEnvironment}, but no file exists there.`);
		}
		return fromEnvironment;
	}
	if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	const bundled = bundledChromium();
	if (bundled) return bundled;
	throw new Error(
		'No Chromium found for the end-to-end tests. Install one (on Debian: apt-get install chromium), ' +
			'or set CHROMIUM_PATH to a Chromium or Chrome executable.'
	);
}

function bundledChromium(): string | undefined {
	try {
		const path = chromium.executablePath();
		return existsSync(path) ? path : undefined;
	} catch {
		return undefined;
	}
}
