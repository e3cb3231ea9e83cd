/**
 * The server families Cue speaks to, identified by /System/Info/Public, and what differs between
 * them on the wire. Jellyfin 10.8–10.11 and 12 share one dialect except for legacy authorization,
 * which 12.0 turns off; Emby 4 and the MediaBrowser 3 protocol differ in paths, headers and the
 * socket.
 */
import type { PublicSystemInfo } from './schemas';

export type ServerKind = 'jellyfin' | 'jellyfin-12' | 'emby' | 'mediabrowser';

/** Path prefixes tried in order when looking for a server: none, Emby's, the old MediaBrowser's. */
export const API_PREFIXES = ['', '/emby', '/mediabrowser'] as const;
export type ApiPrefix = (typeof API_PREFIXES)[number];

function majorVersion(version: string | undefined): number | undefined {
	const major = Number.parseInt(version ?? '', 10);
	return Number.isFinite(major) ? major : undefined;
}

/**
 * Decides the kind from `ProductName` first, then from the major version. Returns undefined for
 * anything that is not a server of this family.
 */
export function detectServerKind(
	info: PublicSystemInfo,
	prefix: ApiPrefix = ''
): ServerKind | undefined {
	const product = info.ProductName?.toLowerCase() ?? '';
	const major = majorVersion(info.Version);
	if (product.includes('jellyfin'))
		return major !== undefined && major >= 12 ? 'jellyfin-12' : 'jellyfin';
	if (product.includes('emby')) return 'emby';
	if (product !== '') return undefined;
	if (major === undefined) return undefined;
	if (major >= 12) return 'jellyfin-12';
	if (major === 10) return 'jellyfin';
	if (major === 4) return 'emby';
	if (major === 3) return prefix === '/mediabrowser' ? 'mediabrowser' : 'emby';
	return undefined;
}

const KIND_LABELS: Record<ServerKind, string> = {
	jellyfin: 'Jellyfin',
	'jellyfin-12': 'Jellyfin',
	emby: 'Emby',
	mediabrowser: 'MediaBrowser'
};

/** Returns a label for the sign-in page, such as "Jellyfin 10.11.11" or "Emby 4.8.11.0". */
export function describeServer(kind: ServerKind, info: PublicSystemInfo): string {
	return `${KIND_LABELS[kind]} ${info.Version ?? ''}`.trim();
}
