import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

import { FIRST_SCREENS } from './scripts/bundle-size.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** SvelteKit's client entry points and the root layout, error page and page, which load at start. */
const START_MODULE =
	/(?:client-optimized[\\/](?:app|nodes[\\/][012])\.js|runtime[\\/]client[\\/]entry\.js)$/;

/** Chunk names: one for what loads at start, then one for each set of screens, larger sets first. */
const CHUNK_NAMES = ['initial', ...screenSets(FIRST_SCREENS.map((screen) => screen.name))];

/** The output chunk of each module that a first screen needs, filled in before chunking. */
const chunkOfModule = new Map<string, string>();

function screenSets(names: string[]): string[] {
	const sets = names.reduce<string[][]>(
		(subsets, name) => [...subsets, ...subsets.map((subset) => [...subset, name])],
		[[]]
	);
	return sets
		.filter((set) => set.length > 0)
		.sort((a, b) => b.length - a.length)
		.map((set) => set.join(' and ').replaceAll(' ', '-'));
}

/**
 * Puts the code of the first screens into few chunks: one for everything that loads at start and
 * one for each set of screens that shares a module (the player only, the sign-in screen only, or
 * both). Left to itself, Rolldown splits the shared code into many small chunks, and as each file
 * is compressed on its own, the same code then costs more bytes.
 */
function groupFirstScreenChunks(): Plugin {
	return {
		name: 'cue:group-first-screen-chunks',
		apply: 'build',
		buildEnd() {
			chunkOfModule.clear();
			// The server build only renders the shell, and SvelteKit runs its chunks while building.
			if (this.environment.name !== 'client') return;
			const reach = (roots: string[], skip: ReadonlySet<string>) => {
				const seen = new Set<string>();
				const pending = [...roots];
				while (pending.length > 0) {
					const id = pending.pop()!;
					if (seen.has(id) || skip.has(id)) continue;
					seen.add(id);
					pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
				}
				return seen;
			};
			const startRoots = [...this.getModuleIds()].filter((id) => START_MODULE.test(id));
			const atStart = reach(startRoots, new Set());
			const screensOfModule = new Map<string, string[]>();
			for (const { name, modules } of FIRST_SCREENS) {
				const roots = modules.map((module) => resolve(this.environment.config.root, module));
				// Each screen's own modules stay entry points of their own, which import the groups.
				for (const id of reach(roots, atStart)) {
					if (roots.includes(id)) continue;
					screensOfModule.set(id, [...(screensOfModule.get(id) ?? []), name]);
				}
			}
			for (const id of atStart) if (!startRoots.includes(id)) chunkOfModule.set(id, 'initial');
			for (const [id, screens] of screensOfModule) {
				chunkOfModule.set(id, screens.join(' and ').replaceAll(' ', '-'));
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), groupFirstScreenChunks()],
	define: { __CUE_VERSION__: JSON.stringify(version) },
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: CHUNK_NAMES.map((name, index) => ({
						name,
						test: (id: string) => chunkOfModule.get(id) === name,
						priority: CHUNK_NAMES.length - index
					}))
				}
			}
		}
	},
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts', 'tests/server/**/*.test.ts']
	}
});
