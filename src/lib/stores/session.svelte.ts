import { readStorage, removeStorage, writeStorage } from '$lib/identity';

/** What Cue keeps of a sign-in, so that a reload comes back signed in. */
export interface SavedSignIn {
	serverUrl: string;
	serverName: string;
	serverVersion: string;
	serverId?: string;
	userId: string;
	userName: string;
	token: string;
}

const STORAGE_KEY = 'cue.signIn';

function loadSignIn(): SavedSignIn | null {
	const text = readStorage(STORAGE_KEY);
	if (!text) return null;
	try {
		const value = JSON.parse(text) as Partial<SavedSignIn>;
		const complete = value.serverUrl && value.userId && value.token;
		return complete ? (value as SavedSignIn) : null;
	} catch {
		return null;
	}
}

class SessionStore {
	current = $state.raw<SavedSignIn | null>(loadSignIn());
	/** Shown on the sign-in page after a sign-out that the person did not ask for. */
	notice = $state<string | null>(null);

	save(signIn: SavedSignIn): void {
		this.current = signIn;
		this.notice = null;
		writeStorage(STORAGE_KEY, JSON.stringify(signIn));
	}

	clear(notice: string | null = null): void {
		this.current = null;
		this.notice = notice;
		removeStorage(STORAGE_KEY);
	}
}

export const session = new SessionStore();
