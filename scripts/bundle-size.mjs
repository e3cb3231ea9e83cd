// Measures what the browser downloads before Cue's first screen works. Every page loads the
// SvelteKit entry points, the root layout, the root error page (SvelteKit 2 imports it eagerly),
// the page, every chunk they import statically, and whatever the shell HTML links. The page then
// imports the code of the screen it shows, the player or the sign-in form, so each first screen
// counts its own chunks on top. Other dynamic imports load after the first screen and are listed
// apart.
//
// Run directly, it prints a report; `--check` exits with 1 when the JavaScript of either first
// screen is over budget. Set CUE_KIT_OUT_DIR and CUE_BUILD_DIR to measure a build made with them.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped budget for the JavaScript of each first screen, in bytes. */
export const INITIAL_JS_BUDGET_BYTES = 60 * 1024;

/**
 * The page's screens, each with the modules that the page imports dynamically to show it.
 * vite.config.ts reads this list too, to put each screen's code into few chunks.
 * @type {{ name: string, modules: string[] }[]}
 */
export const FIRST_SCREENS = [
	{
		name: 'signed in',
		modules: ['src/lib/app/instance.ts', 'src/lib/components/PlayerView.svelte']
	},
	{ name: 'signed out', modules: ['src/lib/components/SignInScreen.svelte'] }
];

const ENTRY_SUFFIXES = [
	'client-optimized/app.js',
	'client/entry.js',
	'client-optimized/nodes/0.js',
	'client-optimized/nodes/1.js',
	'client-optimized/nodes/2.js'
];

/**
 * @typedef {{ raw: number, gzip: number }} Size Bytes, and bytes after gzip at level 9.
 * @typedef {{ file: string, imports?: string[], css?: string[], isDynamicEntry?: boolean }} Chunk
 * @typedef {Record<string, Chunk>} Manifest Vite's build manifest, keyed by source or chunk id.
 */

/** @param {string[]} paths @returns {Size} */
function totalOf(paths) {
	const total = { raw: 0, gzip: 0 };
	for (const path of paths) {
		const bytes = readFileSync(path);
		total.raw += bytes.length;
		total.gzip += gzipSync(bytes, { level: 9 }).length;
	}
	return total;
}

/** @param {string} folder @returns {string[]} */
function walk(folder) {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** Returns the files that the shell page links as module preloads and stylesheets. */
function linkedFromShell(/** @type {string} */ buildDir) {
	const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
	const links = [...html.matchAll(/<link href="\/([^"]+)" rel="(modulepreload|stylesheet)"/g)];
	return {
		js: links.filter((link) => link[2] === 'modulepreload').map((link) => link[1]),
		css: links.filter((link) => link[2] === 'stylesheet').map((link) => link[1])
	};
}

/**
 * Returns the output files, relative to the client folder, of `roots` and of every chunk that
 * they import statically.
 * @param {Manifest} manifest @param {string[]} roots
 */
function filesReachedFrom(manifest, roots) {
	/** @type {Set<string>} */
	const seen = new Set();
	/** @param {string} key */
	const visit = (key) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const imported of manifest[key].imports ?? []) visit(imported);
	};
	roots.forEach(visit);
	const chunks = [...seen].map((key) => manifest[key]);
	return {
		js: new Set(chunks.map((chunk) => chunk.file)),
		css: new Set(chunks.flatMap((chunk) => chunk.css ?? []))
	};
}

/**
 * Measures a finished build. `js` and `css` are the initial load of the heavier first screen,
 * which `screen` names, and `screens` lists both. `atStart` is what every page loads before its
 * screen's own code. `later` lists each other dynamic import with the files that no first screen
 * loads, and `build` is the whole build folder. Sizes are `{ raw, gzip }` in bytes.
 */
export function measureBuild(kitOutDir = '.svelte-kit', buildDir = 'build') {
	const clientDir = join(kitOutDir, 'output', 'client');
	const manifestPath = join(clientDir, '.vite', 'manifest.json');
	if (!existsSync(manifestPath)) {
		throw new Error(`${manifestPath} is missing: run \`npx vite build\` first`);
	}
	/** @type {Manifest} */
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const entries = Object.keys(manifest).filter((key) =>
		ENTRY_SUFFIXES.some((suffix) => key.endsWith(suffix))
	);
	if (entries.length !== ENTRY_SUFFIXES.length) {
		throw new Error(
			`expected ${ENTRY_SUFFIXES.length} entry points in the manifest, found ${entries.length}`
		);
	}
	const atStart = filesReachedFrom(manifest, entries);
	const shell = linkedFromShell(buildDir);
	shell.js.forEach((file) => atStart.js.add(file));
	shell.css.forEach((file) => atStart.css.add(file));
	/** @param {Iterable<string>} files */
	const sizeOf = (files) => totalOf([...files].map((file) => join(clientDir, file)));

	/** @type {Set<string>} */
	const onFirstScreens = new Set();
	const screens = FIRST_SCREENS.map(({ name, modules }) => {
		const missing = modules.filter((module) => !manifest[module]);
		if (missing.length > 0) throw new Error(`not in the manifest: ${missing.join(', ')}`);
		const own = filesReachedFrom(manifest, modules);
		const js = new Set([...atStart.js, ...own.js]);
		const css = new Set([...atStart.css, ...own.css]);
		[...js, ...css].forEach((file) => onFirstScreens.add(file));
		return { name, js: sizeOf(js), css: sizeOf(css), jsFiles: js.size };
	});

	const screenModules = new Set(FIRST_SCREENS.flatMap((screen) => screen.modules));
	const later = Object.keys(manifest)
		.filter((key) => manifest[key].isDynamicEntry && !screenModules.has(key))
		.map((module) => {
			const own = filesReachedFrom(manifest, [module]);
			const notYetLoaded = (/** @type {string} */ file) => !onFirstScreens.has(file);
			return {
				module,
				js: sizeOf([...own.js].filter(notYetLoaded)),
				css: sizeOf([...own.css].filter(notYetLoaded))
			};
		})
		.sort((a, b) => b.js.gzip - a.js.gzip);

	const heaviest = screens.reduce((a, b) => (b.js.gzip > a.js.gzip ? b : a));
	const everything = walk(buildDir);
	return {
		screen: heaviest.name,
		js: heaviest.js,
		css: heaviest.css,
		jsFiles: heaviest.jsFiles,
		build: totalOf(everything),
		buildFiles: everything.length,
		atStart: { js: sizeOf(atStart.js), css: sizeOf(atStart.css), jsFiles: atStart.js.size },
		screens,
		later
	};
}

function kilobytes(/** @type {number} */ bytes) {
	return `${(bytes / 1024).toFixed(1)} KB`.padStart(8);
}

function describe(/** @type {Size} */ { raw, gzip }) {
	return `${kilobytes(gzip)} gzipped, ${kilobytes(raw)} raw`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const result = measureBuild(process.env.CUE_KIT_OUT_DIR, process.env.CUE_BUILD_DIR);
	console.log(`initial JS               ${describe(result.js)} (${result.screen})`);
	console.log(`initial CSS              ${describe(result.css)} (${result.screen})`);
	for (const screen of result.screens) {
		const label = `  ${screen.name}`.padEnd(24);
		console.log(`${label} ${describe(screen.js)} JS in ${screen.jsFiles} files`);
	}
	const { atStart } = result;
	console.log(`  every page at start    ${describe(atStart.js)} JS in ${atStart.jsFiles} files`);
	console.log(`whole build              ${describe(result.build)} (${result.buildFiles} files)`);
	console.log('loaded after the first screen, gzipped JS and CSS:');
	for (const { module, js, css } of result.later) {
		console.log(`  ${kilobytes(js.gzip)} ${kilobytes(css.gzip)}  ${module}`);
	}
	console.log(
		`budget                   ${kilobytes(INITIAL_JS_BUDGET_BYTES)} gzipped JS per first screen`
	);
	const over = result.screens.filter((screen) => screen.js.gzip > INITIAL_JS_BUDGET_BYTES);
	if (process.argv.includes('--check') && over.length > 0) {
		for (const screen of over) {
			const size = kilobytes(screen.js.gzip).trim();
			const excess = kilobytes(screen.js.gzip - INITIAL_JS_BUDGET_BYTES).trim();
			console.error(
				`The first screen when ${screen.name} loads ${size} of gzipped JS, ${excess} over budget.`
			);
		}
		process.exit(1);
	}
}
