// Draws Cue's app icons (the favicon's ring and play triangle) as PNG files in static/icons.
// The outputs are committed, so only run this when the icons should change:
//   node scripts/make-icons.mjs
// Needs only Node.js (zlib's crc32 arrived in Node 20.15).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUTPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'static', 'icons');

// Geometry in the favicon's 64-unit view box (static/favicon.svg).
const VIEW_BOX = 64;
const CORNER_RADIUS = 14;
const RING = { cx: 32, cy: 32, radius: 20, halfWidth: 3 };
const TRIANGLE = [
	[27, 22],
	[27, 42],
	[43, 32]
];
const TILE = [0x1d, 0x2a, 0x3a];
const ACCENT = [0x7c, 0xc4, 0xff];
// Each pixel averages SAMPLES × SAMPLES points, which smooths the edges.
const SAMPLES = 4;

/**
 * The icons to write. `fullBleed` fills the whole square, as maskable icons and Apple touch icons
 * need, because the platform cuts its own shape. The drawing stays inside the central circle of
 * 40 % radius that the maskable icon format keeps visible.
 */
const ICONS = [
	{ file: 'icon-192.png', size: 192, fullBleed: false },
	{ file: 'icon-512.png', size: 512, fullBleed: false },
	{ file: 'maskable-192.png', size: 192, fullBleed: true },
	{ file: 'maskable-512.png', size: 512, fullBleed: true },
	{ file: 'apple-touch-icon.png', size: 180, fullBleed: true }
];

function insideRoundedSquare(x, y) {
	const nearestX = Math.min(Math.max(x, CORNER_RADIUS), VIEW_BOX - CORNER_RADIUS);
	const nearestY = Math.min(Math.max(y, CORNER_RADIUS), VIEW_BOX - CORNER_RADIUS);
	return Math.hypot(x - nearestX, y - nearestY) <= CORNER_RADIUS;
}

function insideRing(x, y) {
	const distance = Math.hypot(x - RING.cx, y - RING.cy);
	return Math.abs(distance - RING.radius) <= RING.halfWidth;
}

function insideTriangle(x, y) {
	const signs = TRIANGLE.map(([ax, ay], index) => {
		const [bx, by] = TRIANGLE[(index + 1) % TRIANGLE.length];
		return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
	});
	return signs.every((sign) => sign >= 0) || signs.every((sign) => sign <= 0);
}

/** Returns the straight (not premultiplied) RGBA colour of one pixel. */
function shadePixel(column, row, size, fullBleed) {
	let tile = 0;
	let accent = 0;
	for (let sy = 0; sy < SAMPLES; sy++) {
		for (let sx = 0; sx < SAMPLES; sx++) {
			const x = ((column + (sx + 0.5) / SAMPLES) * VIEW_BOX) / size;
			const y = ((row + (sy + 0.5) / SAMPLES) * VIEW_BOX) / size;
			if (!fullBleed && !insideRoundedSquare(x, y)) continue;
			if (insideRing(x, y) || insideTriangle(x, y)) accent++;
			else tile++;
		}
	}
	const covered = tile + accent;
	if (covered === 0) return [0, 0, 0, 0];
	const mix = (channel) => Math.round((TILE[channel] * tile + ACCENT[channel] * accent) / covered);
	return [mix(0), mix(1), mix(2), Math.round((255 * covered) / (SAMPLES * SAMPLES))];
}

function pngChunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA rows as a PNG file, every row with filter type 0 (none). */
function encodePng(size, pixelAt) {
	const rowLength = 1 + size * 4;
	const raw = Buffer.alloc(rowLength * size);
	for (let row = 0; row < size; row++) {
		for (let column = 0; column < size; column++) {
			const offset = row * rowLength + 1 + column * 4;
			raw.set(pixelAt(column, row), offset);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, default compression and filter
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(raw, { level: 9 })),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

mkdirSync(OUTPUT_DIR, { recursive: true });
for (const { file, size, fullBleed } of ICONS) {
	const png = encodePng(size, (column, row) => shadePixel(column, row, size, fullBleed));
	writeFileSync(join(OUTPUT_DIR, file), png);
	console.log(`wrote static/icons/${file} (${size}×${size}, ${png.length} bytes)`);
}
