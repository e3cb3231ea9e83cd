import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes everywhere except in dependencies, which may still use the legacy syntax.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// A single-page app: every unknown path gets index.html and the client router takes over.
		adapter: adapter({ fallback: 'index.html' }),
		// Absolute asset paths, so a shell served for a deep link still finds /_app/.
		paths: { relative: false }
	}
};

export default config;
