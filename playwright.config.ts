import { defineConfig, devices } from '@playwright/test';

import { findChromium } from './tests/e2e/support/chromium';

/**
 * The test server and the built app run on different origins, as Cue and a real server do. Set
 * CUE_E2E_SERVER_PORT and CUE_E2E_APP_PORT to run two suites side by side.
 */
const TEST_SERVER_PORT = Number(process.env.CUE_E2E_SERVER_PORT ?? 8097);
const APP_PORT = Number(process.env.CUE_E2E_APP_PORT ?? 4173);
/** Specs that start test servers of their own, one per server mode. */
const SERVER_MODE_SPECS = /(server-modes|emby|mediabrowser|jellyfin-12)\.spec\.ts$/;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// One worker per project: the specs of the shared test server run one at a time, because the
	// resilience specs restart it, while the server-mode specs, each with servers of their own,
	// run beside them.
	workers: 2,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	outputDir: 'test-results/artifacts',
	timeout: 45_000,
	expect: { timeout: 10_000 },
	reporter: [[process.env.CI ? 'line' : 'list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${APP_PORT}`,
		trace: 'off',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: findChromium(),
			args: [
				'--autoplay-policy=no-user-gesture-required',
				'--disable-gpu',
				'--disable-quic',
				'--disable-sync',
				// Keep Chromium from looking up Google's hosts; loopback addresses still resolve.
				'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'
			]
		}
	},
	projects: [
		{
			name: 'chromium',
			testIgnore: SERVER_MODE_SPECS,
			workers: 1,
			use: { ...devices['Desktop Chrome'] }
		},
		{
			name: 'server-modes',
			testMatch: SERVER_MODE_SPECS,
			workers: 1,
			use: { ...devices['Desktop Chrome'] }
		}
	],
	webServer: [
		{
			command: `npx tsx tests/server/main.ts --port ${TEST_SERVER_PORT} --keep-alive-seconds 6 --quiet`,
			url: `http://127.0.0.1:${TEST_SERVER_PORT}/System/Info/Public`,
			reuseExistingServer: !process.env.CI,
			timeout: 60_000
		},
		{
			command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${APP_PORT} --strictPort --bypass-lock`,
			// A run on other ports builds into its own folders, so it cannot disturb this one.
			env:
				APP_PORT === 4173
					? {}
					: { CUE_KIT_OUT_DIR: `.svelte-kit-${APP_PORT}`, CUE_BUILD_DIR: `build-${APP_PORT}` },
			url: `http://127.0.0.1:${APP_PORT}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 180_000
		}
	]
});
