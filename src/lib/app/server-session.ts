/**
 * Everything Cue needs to talk to one signed-in server: the HTTP API, the socket link, the
 * session self-check and the remote control. The page loads this module when it connects, so
 * the first screen does not wait for the HTTP client, the socket code or the validation library.
 */
import { isApiError } from '$lib/api/errors';
import { MediaServerApi } from '$lib/api/media-server';
import { ServerLink, type TokenCheck } from '$lib/connection/server-link';
import { createLogger } from '$lib/log';
import type { ClientIdentity } from '$lib/protocol/authorization';
import { advertisedCommands } from '$lib/protocol/dialect';
import type { InboundMessage, ParsedFrame } from '$lib/protocol/messages';
import { buildIdentityFrame, buildSocketUrl } from '$lib/protocol/socket-address';
import type { EngineContext, PlaybackEngine } from '$lib/player/engine';
import { RemoteControl } from '$lib/player/remote-control';
import type { CheckInTransport } from '$lib/player/reporter';
import type { Transport } from '$lib/player/transport';
import { commandLog } from '$lib/stores/command-log.svelte';
import { session, type SavedSignIn } from '$lib/stores/session.svelte';
import { createCheckInTransport } from './check-in-transport';
import { SessionSelfCheck } from './self-check';
import { handleServerEvent } from './server-events';

export { signInWithPassword, logOutOf, readSocketPort } from './server-sign-in';

export interface SessionHooks {
	identity: ClientIdentity;
	engine: PlaybackEngine;
	transport: Transport;
	context: EngineContext;
	/** Runs after the capabilities of a new socket are posted. */
	afterCapabilities(): Promise<void>;
	/** Signs out without the server's help, showing `notice` on the sign-in page. */
	signOutLocally(notice: string): void;
}

const log = createLogger('app');

/** One signed-in server: its API, its socket link and the remote control that obeys it. */
export class ServerSession {
	readonly api: MediaServerApi;
	readonly #signIn: SavedSignIn;
	readonly #hooks: SessionHooks;
	readonly #link: ServerLink;
	readonly #remote: RemoteControl;
	readonly #selfCheck: SessionSelfCheck;
	/** Whether the capabilities POST sent alongside the first socket handshake was accepted. */
	#firstCapabilities: Promise<boolean> | null = null;

	constructor(signIn: SavedSignIn, hooks: SessionHooks) {
		this.#signIn = signIn;
		this.#hooks = hooks;
		this.api = new MediaServerApi(signIn.serverUrl, hooks.identity, signIn.token, {
			kind: signIn.serverKind,
			userId: signIn.userId
		});
		this.#remote = new RemoteControl(hooks.engine, hooks.transport, hooks.context);
		this.#link = this.#createLink();
		this.#selfCheck = new SessionSelfCheck({
			isControllable: () => this.#isControllable(),
			postCapabilities: () => this.postCapabilities(),
			reconnect: () => this.#link.reconnect()
		});
	}

	start(): void {
		// Jellyfin finds the session of a capabilities POST by its token, so the first POST needs no
		// socket and goes out during the handshake instead of after it.
		if (!this.api.dialect.capabilitiesNeedSessionId) {
			this.#firstCapabilities = this.postCapabilities().then(
				() => true,
				(error: unknown) => {
					log.info('the first capabilities POST failed; posting once the socket opens', { error });
					return false;
				}
			);
		}
		this.#link.start();
		this.#selfCheck.start();
	}

	stop(): void {
		this.#selfCheck.stop();
		this.#link.stop();
	}

	retryNow(): void {
		this.#link.retryNow();
	}

	/** Returns how check-ins reach this server, or null once the token is gone. */
	checkInTransport(): CheckInTransport | null {
		if (!this.api.token) return null;
		return createCheckInTransport(this.api, {
			sendOverSocket: (text) => this.#link.send(text),
			watch: (request) => this.#watchForRevokedToken(request)
		});
	}

	/** Ends the server session; a failure is logged, as the token is dropped either way. */
	async logout(): Promise<void> {
		await this.api.logout().catch((error) => log.warn('server sign-out failed', { error }));
	}

	/**
	 * Posts the capabilities. Emby and MediaBrowser 3 need this device's session id with them, which
	 * GET /Sessions returns.
	 */
	async postCapabilities(): Promise<void> {
		const api = this.api;
		const sessionId = api.dialect.capabilitiesNeedSessionId
			? await this.#ownSessionId()
			: undefined;
		const capabilities = {
			PlayableMediaTypes: ['Audio', 'Video'],
			SupportedCommands: advertisedCommands(api.dialect.kind),
			SupportsMediaControl: true,
			SupportsPersistentIdentifier: false
		};
		await api.postCapabilities(capabilities, sessionId);
		log.info('capabilities posted', { deviceId: this.#hooks.identity.deviceId, sessionId });
	}

	#createLink(): ServerLink {
		const { identity } = this.#hooks;
		const signIn = this.#signIn;
		const dialect = this.api.dialect;
		const target = {
			kind: dialect.kind,
			baseUrl: signIn.serverUrl,
			token: signIn.token,
			deviceId: identity.deviceId,
			legacySocketPort: signIn.legacySocketPort
		};
		return new ServerLink({
			socketUrl: () => buildSocketUrl(target),
			greeting: dialect.kind === 'mediabrowser' ? () => buildIdentityFrame(identity) : undefined,
			expectForceKeepAlive: dialect.sendsForceKeepAlive,
			onOpen: async () => {
				const first = this.#firstCapabilities;
				this.#firstCapabilities = null;
				if (!first || !(await first)) await this.postCapabilities();
				await this.#hooks.afterCapabilities();
			},
			// A POST made before a socket that failed may predate a server restart, so it no longer counts.
			onClosed: () => (this.#firstCapabilities = null),
			onMessage: (message) => this.#handleMessage(message),
			onInvalid: (frame) => this.#recordInvalidFrame(frame),
			checkToken: () => this.#checkToken(),
			serverAnswers: () => this.#serverAnswers(),
			onTokenRevoked: () => this.#handleRevokedToken(),
			onNoForceKeepAlive: () => void this.#selfCheck.check()
		});
	}

	async #ownSessionId(): Promise<string> {
		const deviceId = this.#hooks.identity.deviceId;
		const sessions = await this.api.getSessionsForDevice(deviceId);
		const own = sessions.find((entry) => entry.DeviceId === deviceId);
		if (!own) throw new Error(`the server lists no session for device ${deviceId}`);
		return own.Id;
	}

	async #isControllable(): Promise<boolean | undefined> {
		try {
			const sessions = await this.api.getSessionsForDevice(this.#hooks.identity.deviceId);
			return sessions.some((entry) => entry.SupportsRemoteControl === true);
		} catch (error) {
			log.warn('reading the own session failed', { error });
			return undefined;
		}
	}

	#handleMessage(message: InboundMessage): void {
		const signIn = this.#signIn;
		const handled = handleServerEvent(message, {
			serverName: () => session.current?.serverName ?? signIn.serverName,
			fetchItems: (ids) => this.api.getItems(signIn.userId, ids),
			expectRestart: () => this.#link.expectRestart(),
			signOutLocally: (notice) => this.#hooks.signOutLocally(notice)
		});
		if (!handled) this.#remote.handle(message);
	}

	#recordInvalidFrame(frame: Extract<ParsedFrame, { kind: 'invalid' }>): void {
		log.warn(`ignoring an invalid frame: ${frame.reason}`, { messageId: frame.messageId });
		commandLog.add({
			messageId: frame.messageId,
			messageType: frame.messageType ?? 'invalid frame',
			summary: 'Invalid message',
			outcome: 'invalid',
			detail: frame.reason
		});
	}

	async #checkToken(): Promise<TokenCheck> {
		try {
			await this.api.getSessionsForDevice(this.#hooks.identity.deviceId);
			return 'valid';
		} catch (error) {
			return isApiError(error, 'unauthorized') ? 'revoked' : 'unknown';
		}
	}

	async #serverAnswers(): Promise<boolean> {
		try {
			await this.api.fetchPublicInfo();
			return true;
		} catch {
			return false;
		}
	}

	/** Signs out locally when a check-in gets 401, the first sign that the token was revoked. */
	#watchForRevokedToken(request: Promise<void>): Promise<void> {
		return request.catch((error: unknown) => {
			if (isApiError(error, 'unauthorized') && session.current?.token === this.#signIn.token) {
				this.#handleRevokedToken();
			}
			throw error;
		});
	}

	#handleRevokedToken(): void {
		const signIn = this.#signIn;
		log.warn('the server no longer accepts the token; signing out', { server: signIn.serverUrl });
		this.#hooks.signOutLocally(
			`${signIn.serverName} no longer accepts this sign-in (the token was revoked or expired). Sign in again.`
		);
	}
}
