import { test } from '@playwright/test';

import { resetFaults } from './faults';
import { Remote } from './remote';

/**
 * Sets up a spec of fault tests: one controller, signed in before the first test, and every
 * fault cleared after each test. Returns the controller.
 */
export function useFaultSuite(): Remote {
	const remote = new Remote();
	test.beforeAll(async () => {
		await remote.signIn();
	});
	test.afterEach(async () => {
		await resetFaults();
	});
	return remote;
}
