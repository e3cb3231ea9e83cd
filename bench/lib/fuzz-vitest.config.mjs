// Vitest configuration for the benchmark's fuzzing run: the project's configuration plus a setup
// file that counts the fast-check cases each property runs. With many times the suite's cases, a
// property can take longer than Vitest's default 5 s test timeout, so tests without a timeout of
// their own get 10 minutes.
import { mergeConfig } from 'vitest/config';

import projectConfig from '../../vite.config.ts';

export default mergeConfig(projectConfig, {
	test: {
		setupFiles: ['bench/lib/fuzz-count-cases.mjs'],
		testTimeout: 600_000
	}
});
