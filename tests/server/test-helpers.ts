import WebSocket from 'ws';

import { startServer, type RunningServer, type ServerOptions } from './index.ts';

/** Client fields the tests send unless a test overrides them. */
export const TEST_CLIENT = { client: 'Cue Test', device: 'Vitest', version: '0.0.1' };

export interface AuthFields {
	client?: string;
	device?: string;
	deviceId?: string;
	version?: string;
	token?: string;
}

/** Builds `MediaBrowser Key="Value", …` with URL-encoded values, leaving out absent keys. */
export function authHeader(fields: AuthFields): string {
	const pairs = [
		['Client', fields.client],
		['Device', fields.device],
		['DeviceId', fields.deviceId],
		['Version', fields.version],
		['Token', fields.token]
	]
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${key}="${encodeURIComponent(value ?? '')}"`);
	return `MediaBrowser ${pairs.join(', ')}`;
}

export function startTestServer(options: ServerOptions = {}): Promise<RunningServer> {
	return startServer({ quiet: true, ...options });
}

export interface RequestOptions {
	auth?: AuthFields;
	headers?: Record<string, string>;
	body?: unknown;
}

/** Sends a request. A body that is not a string is sent as JSON. */
export function call(
	server: RunningServer,
	method: string,
	path: string,
	options: RequestOptions = {}
): Promise<Response> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.auth) headers.Authorization = authHeader(options.auth);
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	return fetch(`${server.url}${path}`, { method, headers, body });
}

export interface LoginResult {
	token: string;
	userId: string;
	sessionId: string;
	auth: AuthFields;
	body: Record<string, unknown>;
}

/** Signs in as a demo user and returns the token and the auth fields to reuse. */
export async function login(
	server: RunningServer,
	deviceId: string,
	user = { name: 'demo', password: 'demo' },
	client = TEST_CLIENT.client
): Promise<LoginResult> {
	const auth = { ...TEST_CLIENT, client, deviceId };
	const response = await call(server, 'POST', '/Users/AuthenticateByName', {
		auth,
		body: { Username: user.name, Pw: user.password }
	});
	if (response.status !== 200) throw new Error(`login failed with HTTP ${response.status}`);
	const body = (await response.json()) as Record<string, unknown>;
	const token = body.AccessToken as string;
	const sessionInfo = body.SessionInfo as { Id: string; UserId: string };
	return {
		token,
		userId: sessionInfo.UserId,
		sessionId: sessionInfo.Id,
		auth: { ...auth, token },
		body
	};
}

/** Posts capabilities that make a session remote-controllable (once it has a socket). */
export async function postPlayerCapabilities(
	server: RunningServer,
	auth: AuthFields
): Promise<void> {
	const response = await call(server, 'POST', '/Sessions/Capabilities/Full', {
		auth,
		body: {
			PlayableMediaTypes: ['Audio', 'Video'],
			SupportedCommands: ['SetVolume', 'Mute', 'DisplayMessage'],
			SupportsMediaControl: true
		}
	});
	if (response.status !== 204) throw new Error(`capabilities failed with HTTP ${response.status}`);
}

export interface SocketMessage {
	MessageType: string;
	MessageId?: string;
	Data?: unknown;
	raw: string;
}

/** Parses a frame. One that is not a JSON message gets an empty MessageType. */
function parseFrame(raw: string): Omit<SocketMessage, 'raw'> {
	try {
		return JSON.parse(raw) as SocketMessage;
	} catch {
		return { MessageType: '' };
	}
}

/** A `ws` client that keeps every message it receives, for tests to wait on. */
export class TestSocket {
	readonly messages: SocketMessage[] = [];
	readonly closed: Promise<{ code: number; reason: string }>;

	private constructor(readonly ws: WebSocket) {
		ws.on('message', (data) => {
			const raw = (data as Buffer).toString('utf8');
			this.messages.push({ ...parseFrame(raw), raw });
		});
		this.closed = new Promise((resolve) => {
			ws.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
		});
	}

	/** Opens a socket, appending `query` verbatim (e.g. `ApiKey=…&deviceId=…`). */
	static open(server: RunningServer, query: string, path = '/socket'): Promise<TestSocket> {
		return TestSocket.connect(`${server.url.replace('http', 'ws')}${path}?${query}`);
	}

	/** Opens a socket at a full `ws://` URL. */
	static connect(url: string): Promise<TestSocket> {
		const ws = new WebSocket(url);
		const socket = new TestSocket(ws);
		return new Promise((resolve, reject) => {
			ws.once('open', () => resolve(socket));
			ws.once('error', reject);
		});
	}

	/** Waits for the message of a type with index `skip` among those of that type. */
	async next(messageType: string, timeoutMs = 2000, skip = 0): Promise<SocketMessage> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = this.messages.filter((message) => message.MessageType === messageType)[skip];
			if (found) return found;
			if (Date.now() > deadline)
				throw new Error(`no ${messageType} message within ${timeoutMs} ms`);
			await sleep(10);
		}
	}

	count(messageType: string): number {
		return this.messages.filter((message) => message.MessageType === messageType).length;
	}

	send(value: unknown): void {
		this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
	}

	close(): Promise<{ code: number; reason: string }> {
		this.ws.close(1000, 'test done');
		return this.closed;
	}
}

/** Tries to open a socket and returns the HTTP status of the rejected handshake. */
export function rejectedHandshakeStatus(server: RunningServer, query: string): Promise<number> {
	const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket?${query}`);
	return new Promise((resolve, reject) => {
		ws.once('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			ws.terminate();
		});
		ws.once('open', () => reject(new Error('the handshake was accepted')));
		ws.once('error', () => {});
	});
}

/** Connects a player: signs in, posts capabilities and opens a socket, so controllers can drive it. */
export async function connectPlayer(server: RunningServer, deviceId: string) {
	const player = await login(server, deviceId);
	await postPlayerCapabilities(server, player.auth);
	const socket = await TestSocket.open(server, `ApiKey=${player.token}&deviceId=${deviceId}`);
	await socket.next('ForceKeepAlive');
	return { ...player, socket };
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
