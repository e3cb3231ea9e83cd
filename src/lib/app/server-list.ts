/**
 * The servers a person has signed in to, each with its own token. Pure list operations for the
 * session store; an entry is one user on one server.
 */
export interface ServerEntry {
	serverUrl: string;
	userId: string;
}

export function sameEntry(left: ServerEntry, right: ServerEntry): boolean {
	return (
		left.serverUrl === right.serverUrl && left.userId.toLowerCase() === right.userId.toLowerCase()
	);
}

/** Adds the entry at the front, replacing an older sign-in of the same user on the same server. */
export function upsertEntry<T extends ServerEntry>(entries: readonly T[], entry: T): T[] {
	return [entry, ...entries.filter((existing) => !sameEntry(existing, entry))];
}

export function removeEntry<T extends ServerEntry>(entries: readonly T[], entry: ServerEntry): T[] {
	return entries.filter((existing) => !sameEntry(existing, entry));
}
