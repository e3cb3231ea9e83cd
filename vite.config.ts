import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
	plugins: [sveltekit()],
	define: { __CUE_VERSION__: JSON.stringify(version) },
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts', 'tests/server/**/*.test.ts']
	}
});
