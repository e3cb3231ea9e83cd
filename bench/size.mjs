// Reports the size of the measured build with scripts/bundle-size.mjs, gzipped at level 9 and raw.
// The figures: the JavaScript and CSS that every page loads at start (entry points and their
// static imports), the JavaScript of each first screen (that plus the screen's own chunks), and
// the whole build.
import { measureBuild } from '../scripts/bundle-size.mjs';

function sizeRow(id, measurement, sizes, detail) {
	return {
		id,
		section: 'size',
		measurement,
		unit: 'bytes',
		value: sizes.gzip,
		gzip: sizes.gzip,
		raw: sizes.raw,
		detail
	};
}

/** Measures `build` (`{ buildDir, kitOutDir }`) and returns one row per figure. */
export function run(build) {
	const result = measureBuild(build.kitOutDir, build.buildDir);
	const screens = (result.screens ?? []).map((screen) =>
		sizeRow(
			`size-screen-${screen.name.replaceAll(' ', '-')}`,
			`JS of the first screen, ${screen.name}`,
			screen.js,
			`${screen.jsFiles} files`
		)
	);
	return [
		sizeRow('size-initial-js', 'initial JS, every page', result.js, `${result.jsFiles} files`),
		...screens,
		sizeRow('size-initial-css', 'initial CSS', result.css, ''),
		sizeRow('size-build', 'whole build', result.build, `${result.buildFiles} files`)
	];
}
