import { removeEntry, upsertEntry, type ServerEntry } from '$lib/app/server-list';
import { readStorage, removeStorage, writeStorage } from '$lib/identity';
import type { ServerKind } from '$lib/protocol/server-kind';

/** The saved part of a sign-in, so that a reload comes back signed in. */
export interface SavedSignIn {
	serverUrl: string;
	serverName: string;
	serverVersion: string;
	serverId?: string;
	userId: string;
	userName: string;
	token: string;
	/** The server family; sign-ins saved before Cue spoke Emby have none and are Jellyfin. */
	serverKind?: ServerKind;
	/** MediaBrowser 3's `WebSocketPortNumber`, read from /System/Info at sign-in. */
	legacySocketPort?: number;
}

const CURRENT_KEY = 'cue.signIn';
const SERVERS_KEY = 'cue.servers';

function isComplete(value: Partial<SavedSignIn> | null | undefined): value is SavedSignIn {
	return Boolean(value?.serverUrl && value.userId && value.token);
}

function readJson(key: string): unknown {
	const text = readStorage(key);
	if (!text) return null;
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

function loadCurrent(): SavedSignIn | null {
	const value = readJson(CURRENT_KEY) as Partial<SavedSignIn> | null;
	return isComplete(value) ? value : null;
}

function loadServers(current: SavedSignIn | null): SavedSignIn[] {
	const value = readJson(SERVERS_KEY);
	const saved = Array.isArray(value) ? (value as Partial<SavedSignIn>[]).filter(isComplete) : [];
	// Sign-ins saved before the list existed live only under the current key.
	return current ? upsertEntry(saved, current) : saved;
}

/** The sign-in in use, and every server signed in to before, each with its own token. */
class SessionStore {
	current = $state.raw<SavedSignIn | null>(loadCurrent());
	servers = $state.raw<SavedSignIn[]>(loadServers(this.current));
	/** Shown on the sign-in page after a sign-out that the person did not ask for. */
	notice = $state<string | null>(null);

	constructor() {
		// Another tab that signs in or out changes the stored sign-in; this tab follows it.
		if (typeof window !== 'undefined') {
			window.addEventListener('storage', (event) => this.#followOtherTab(event));
		}
	}

	#followOtherTab(event: StorageEvent): void {
		if (event.key !== null && event.key !== CURRENT_KEY && event.key !== SERVERS_KEY) return;
		this.current = loadCurrent();
		this.servers = loadServers(this.current);
	}

	/** Makes this sign-in the current one and remembers it. */
	save(signIn: SavedSignIn): void {
		this.current = signIn;
		this.notice = null;
		this.#setServers(upsertEntry(this.servers, signIn));
		writeStorage(CURRENT_KEY, JSON.stringify(signIn));
	}

	/** Leaves the current server without forgetting it, for switching to another. */
	leave(): void {
		this.current = null;
		removeStorage(CURRENT_KEY);
	}

	/** Signs out of the current server: it is forgotten, the other servers stay. */
	clear(notice: string | null = null): void {
		if (this.current) this.forget(this.current);
		this.current = null;
		this.notice = notice;
		removeStorage(CURRENT_KEY);
	}

	forget(entry: ServerEntry): void {
		this.#setServers(removeEntry(this.servers, entry));
	}

	#setServers(servers: SavedSignIn[]): void {
		this.servers = servers;
		writeStorage(SERVERS_KEY, JSON.stringify(servers));
	}
}

export const session = new SessionStore();
