import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the committed demo videos and images (made by scripts/make-demo-media.sh). */
export const MEDIA_DIR = fileURLToPath(new URL('../media/', import.meta.url));

const sizes = new Map<string, number>();

export function mediaFilePath(file: string): string {
	return join(MEDIA_DIR, file);
}

/** Returns the size of a media file in bytes, reading it from disk once. */
export function mediaFileSize(file: string): number {
	let size = sizes.get(file);
	if (size === undefined) {
		size = statSync(mediaFilePath(file)).size;
		sizes.set(file, size);
	}
	return size;
}
