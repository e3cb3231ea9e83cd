// Talks to the server through the real Jellyfin endpoints with the remote's own token.
const CLIENT = 'Cue Demo Remote';
const DEVICE = 'Demo Remote';
const VERSION = '1.0.0';
const DEVICE_ID_KEY = 'cue-demo-remote-device-id';
const LOGIN_KEY = 'cue-demo-remote-login';
export const TICKS_PER_SECOND = 10_000_000;

/** Returns this browser's DeviceId, made once and kept in localStorage. */
export function deviceId() {
	let id = localStorage.getItem(DEVICE_ID_KEY);
	if (!id) {
		id = `remote-${crypto.randomUUID()}`;
		localStorage.setItem(DEVICE_ID_KEY, id);
	}
	return id;
}

let login = JSON.parse(sessionStorage.getItem(LOGIN_KEY) ?? 'null');

/** Returns `{ token, userId, userName }` of the signed-in user, or null. */
export function currentLogin() {
	return login;
}

function authorizationHeader() {
	const parts = [
		`Client="${encodeURIComponent(CLIENT)}"`,
		`Device="${encodeURIComponent(DEVICE)}"`,
		`DeviceId="${encodeURIComponent(deviceId())}"`,
		`Version="${VERSION}"`
	];
	if (login) parts.push(`Token="${login.token}"`);
	return `MediaBrowser ${parts.join(', ')}`;
}

/**
 * Sends one request and reports it to `onRequest(method, path, status)`. Returns the response,
 * whose `ok` the caller checks.
 */
export async function request(method, path, body, onRequest) {
	const headers = { Authorization: authorizationHeader() };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	let response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch (error) {
		onRequest(method, path, `failed: ${error.message}`);
		throw error;
	}
	onRequest(method, path, response.status);
	return response;
}

export async function signIn(username, password, onRequest) {
	const response = await request(
		'POST',
		'/Users/AuthenticateByName',
		{ Username: username, Pw: password },
		onRequest
	);
	if (!response.ok) throw new Error(`sign-in failed with HTTP ${response.status}`);
	const result = await response.json();
	login = { token: result.AccessToken, userId: result.User.Id, userName: result.User.Name };
	sessionStorage.setItem(LOGIN_KEY, JSON.stringify(login));
	return login;
}

/** Forgets the stored login without telling the server, e.g. after a 401. */
export function forgetLogin() {
	login = null;
	sessionStorage.removeItem(LOGIN_KEY);
}

export async function signOut(onRequest) {
	if (login) await request('POST', '/Sessions/Logout', undefined, onRequest).catch(() => {});
	forgetLogin();
}

/** Formats ticks as m:ss or h:mm:ss. */
export function formatTicks(ticks) {
	if (typeof ticks !== 'number') return '–';
	const total = Math.floor(ticks / TICKS_PER_SECOND);
	const seconds = String(total % 60).padStart(2, '0');
	const minutes = Math.floor(total / 60) % 60;
	const hours = Math.floor(total / 3600);
	return hours > 0
		? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
		: `${minutes}:${seconds}`;
}
