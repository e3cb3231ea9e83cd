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
		adapter: adapter({
			fallback: 'index.html',
			pages: process.env.CUE_BUILD_DIR ?? 'build',
			assets: process.env.CUE_BUILD_DIR ?? 'build'
		}),
		// Separate output folders let two builds (say, two test runs) proceed side by side.
		outDir: process.env.CUE_KIT_OUT_DIR ?? '.svelte-kit',
		// Registered by src/lib/pwa/registration.svelte.ts once Cue is ready, not at page load.
		serviceWorker: { register: false },
		// Absolute asset paths, so a shell served for a deep link still finds /_app/.
		paths: { relative: false },
		// See "Content Security Policy" in README.md for why each source is allowed.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'http:', 'https:'],
				'media-src': ['self', 'data:', 'blob:', 'http:', 'https:'],
				'connect-src': ['self', 'http:', 'https:', 'ws:', 'wss:'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
