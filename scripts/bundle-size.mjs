// Measures what the browser downloads to show Cue's first screen: the SvelteKit entry points,
// the root layout and page, and every chunk they import statically. Dynamic imports, such as a
// lazily loaded HLS player, are not part of the first load. Run directly, it prints a table;
// `--check` exits with 1 when the initial JavaScript is over budget.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped budget for the initial JavaScript, in bytes. */
export const INITIAL_JS_BUDGET_BYTES = 60 * 1024;

const ENTRY_SUFFIXES = [
	'client-optimized/app.js',
	'client/entry.js',
	'client-optimized/nodes/0.js',
	'client-optimized/nodes/2.js'
];

function sizes(path) {
	const bytes = readFileSync(path);
	return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function totalOf(paths) {
	return paths
		.map(sizes)
		.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
			raw: 0,
			gzip: 0
		});
}

function walk(folder) {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** Returns the initial JS and CSS files and their sizes, from a build's Vite manifest. */
export function measureBuild(kitOutDir = '.svelte-kit', buildDir = 'build') {
	const clientDir = join(kitOutDir, 'output', 'client');
	const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8'));
	const entries = Object.keys(manifest).filter((key) =>
		ENTRY_SUFFIXES.some((suffix) => key.endsWith(suffix))
	);
	if (entries.length !== ENTRY_SUFFIXES.length) {
		throw new Error(
			`expected ${ENTRY_SUFFIXES.length} entry points in the manifest, found ${entries.length}`
		);
	}
	const seen = new Set();
	const visit = (key) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const imported of manifest[key].imports ?? []) visit(imported);
	};
	entries.forEach(visit);
	const js = [...seen].map((key) => join(clientDir, manifest[key].file));
	const css = [...new Set([...seen].flatMap((key) => manifest[key].css ?? []))].map((file) =>
		join(clientDir, file)
	);
	const everything = walk(buildDir);
	return {
		js: totalOf(js),
		css: totalOf(css),
		build: totalOf(everything),
		jsFiles: js.length,
		buildFiles: everything.length
	};
}

function kilobytes(bytes) {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const result = measureBuild(process.env.CUE_KIT_OUT_DIR, process.env.CUE_BUILD_DIR);
	console.log(
		`initial JS   ${kilobytes(result.js.gzip)} gzipped, ${kilobytes(result.js.raw)} raw (${result.jsFiles} files)`
	);
	console.log(
		`initial CSS  ${kilobytes(result.css.gzip)} gzipped, ${kilobytes(result.css.raw)} raw`
	);
	console.log(
		`whole build  ${kilobytes(result.build.gzip)} gzipped, ${kilobytes(result.build.raw)} raw (${result.buildFiles} files)`
	);
	console.log(`budget       ${kilobytes(INITIAL_JS_BUDGET_BYTES)} gzipped for the initial JS`);
	if (process.argv.includes('--check') && result.js.gzip > INITIAL_JS_BUDGET_BYTES) {
		console.error('The initial JS is over budget.');
		process.exit(1);
	}
}
