// Vitest configuration for the benchmark's fuzzing run: the project's configuration plus a setup
// file that counts the fast-check cases each property runs.
import { mergeConfig } from 'vitest/config';

import projectConfig from '../../vite.config.ts';

export default mergeConfig(projectConfig, {
	test: { setupFiles: ['bench/lib/fuzz-count-cases.mjs'] }
});
