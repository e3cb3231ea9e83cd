/** Jellyfin ids compare without case and without dashes; Emby's decimal ids pass through unchanged. */
export function normaliseId(id: string): string {
	return id.replaceAll('-', '').toLowerCase();
}
