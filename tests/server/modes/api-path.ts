import { MODE_FACTS, type ServerMode } from './server-mode.ts';

/**
 * Maps a request path to the path the API routes use, or returns undefined when the mode does
 * not serve it (a 404). Jellyfin strips a leading `/emby` or `/mediabrowser` from every path
 * (`UsePathTrim`) and serves both forms. Emby serves its API only under `/emby`, and
 * MediaBrowser 3 only under `/mediabrowser`, so there the prefix is required.
 */
export function apiPathFor(mode: ServerMode, path: string): string | undefined {
	const prefix = MODE_FACTS[mode].apiPrefix;
	const pattern = prefix === '' ? /^\/(emby|mediabrowser)(?=\/|$)/i : prefixPattern(prefix);
	if (prefix !== '' && !pattern.test(path)) return undefined;
	const trimmed = path.replace(pattern, '');
	return trimmed === '' ? '/' : trimmed;
}

function prefixPattern(prefix: string): RegExp {
	return new RegExp(`^${prefix}(?=/|$)`, 'i');
}
