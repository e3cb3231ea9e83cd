import { isApiError } from '$lib/api/errors';
import { MediaServerApi } from '$lib/api/media-server';
import { buildSocketUrl } from '$lib/connection/server-socket';
import { ServerLink, type TokenCheck } from '$lib/connection/server-link';
import { loadIdentity, saveDeviceName } from '$lib/identity';
import { createLogger } from '$lib/log';
import { SUPPORTED_COMMANDS } from '$lib/protocol/commands';
import type { InboundMessage, ParsedFrame } from '$lib/protocol/messages';
import type { AuthenticationResult, PublicSystemInfo } from '$lib/protocol/schemas';
import { PlaybackEngine, type EngineContext } from '$lib/player/engine';
import { RemoteControl } from '$lib/player/remote-control';
import { CheckInReporter } from '$lib/player/reporter';
import { Transport } from '$lib/player/transport';
import { startPlatformFeatures } from '$lib/platform/start';
import { commandLog } from '$lib/stores/command-log.svelte';
import { connection } from '$lib/stores/connection.svelte';
import { session, type SavedSignIn } from '$lib/stores/session.svelte';
import { notifications, type NotificationKind } from '$lib/stores/notifications.svelte';
import { player } from '$lib/stores/player.svelte';
import { tab } from '$lib/stores/tab.svelte';
import { sendStoppedOnExit, watchPageLifecycle } from './resume-exit';
import { ResumeKeeper } from './resume.svelte';
import { handleServerEvent } from './server-events';
import { removeRecord } from './resume-storage';
import { SessionSelfCheck } from './self-check';
import { TabCoordinator } from './tab-coordinator';
import { authenticate, probeServer } from './sign-in';

const log = createLogger('app');

/**
 * Cue's top level: it signs in and out, keeps the server link, and wires remote commands to the
 * playback engine. Created once per page.
 */
export class Cue {
	readonly identity = loadIdentity();
	/** The device name controllers list; reactive for the UI. */
	deviceName = $state(this.identity.device);
	readonly engine: PlaybackEngine;
	readonly transport: Transport;
	readonly remote: RemoteControl;
	readonly reporter: CheckInReporter;
	readonly resumer: ResumeKeeper;
	#api: MediaServerApi | null = null;
	#link: ServerLink | null = null;
	#tabs = new TabCoordinator({
		activate: () => this.#activate(),
		deactivate: () => void this.#deactivate()
	});
	#selfCheck = new SessionSelfCheck({
		isControllable: () => this.#isControllable(),
		postCapabilities: () => this.#postCapabilities(),
		reconnect: () => this.#link?.reconnect()
	});

	constructor() {
		const context: EngineContext = {
			api: () => this.#api,
			userId: () => session.current?.userId ?? null
		};
		this.reporter = new CheckInReporter(() => {
			const api = this.#api;
			if (!api?.token) return null;
			return {
				start: (body) => this.#watchForRevokedToken(api.reportPlaybackStart(body)),
				progress: (body) => this.#watchForRevokedToken(api.reportPlaybackProgress(body)),
				stopped: (body) => this.#watchForRevokedToken(api.reportPlaybackStopped(body)),
				stoppedOnExit: (body) => api.reportPlaybackStoppedOnExit(body)
			};
		});
		this.engine = new PlaybackEngine(context, this.reporter);
		this.transport = new Transport(this.engine);
		this.remote = new RemoteControl(this.engine, this.transport, context);
		this.resumer = new ResumeKeeper({
			engine: this.engine,
			transport: this.transport,
			reporter: this.reporter,
			api: context.api
		});
		this.resumer.start();
		// Registered before the tab coordinator's pagehide listener, which gives up the player role.
		watchPageLifecycle({
			resumer: this.resumer,
			engine: this.engine,
			sendStoppedOnExit: () => this.sendStoppedOnExit()
		});
		startPlatformFeatures({
			media: this.engine.media,
			transport: this.transport,
			api: context.api,
			beforeReload: () => this.engine.shutdown()
		});
	}

	get api(): MediaServerApi | null {
		return this.#api;
	}

	retryNow(): void {
		this.#link?.retryNow();
	}

	/** Connects with the saved sign-in, if there is one and no other tab is the player. */
	resume(): void {
		if (session.current) this.#tabs.start();
	}

	/**
	 * Renames this device. The name travels in the authorization header of every request, so the
	 * capabilities are posted again for the server to pick it up at once.
	 */
	async renameDevice(name: string): Promise<void> {
		saveDeviceName(name);
		this.identity.device = loadIdentity().device;
		this.deviceName = this.identity.device;
		if (connection.state === 'connected') await this.#postCapabilities();
	}

	/**
	 * Reports Stopped for what is loaded with a request that outlives the page, once per play
	 * session, and returns whether it sent one. The resume record stays, so the next load resumes.
	 */
	sendStoppedOnExit(): boolean {
		return tab.role === 'active' && sendStoppedOnExit(this.engine, this.reporter);
	}

	/** Makes this tab the player when another tab of this browser is. */
	takeOver(): void {
		this.#tabs.takeOver();
	}

	async signIn(address: string, username: string, password: string): Promise<void> {
		const { url, info } = await probeServer(address, this.identity);
		const api = new MediaServerApi(url, this.identity);
		const result = await authenticate(api, username, password);
		this.completeSignIn(url, info, result);
	}

	/** Saves a sign-in that succeeded, by password or by Quick Connect, and connects. */
	completeSignIn(url: string, info: PublicSystemInfo, result: AuthenticationResult): void {
		const signIn: SavedSignIn = {
			serverUrl: url,
			serverName: info.ServerName ?? url,
			serverVersion: info.Version ?? '',
			serverId: result.ServerId ?? info.Id,
			userId: result.User.Id,
			userName: result.User.Name,
			token: result.AccessToken
		};
		session.save(signIn);
		log.info('signed in', { server: url, userId: signIn.userId });
		this.#tabs.start();
	}

	/**
	 * Reports Stopped, ends the server session and deletes the token and the saved queue. The
	 * DeviceId stays.
	 */
	async signOut(): Promise<void> {
		const api = this.#api;
		this.resumer.forget();
		this.#tabs.release();
		await this.engine.shutdown();
		this.#link?.stop();
		this.#link = null;
		if (api?.token) {
			await api.logout().catch((error) => log.warn('server sign-out failed', { error }));
		}
		this.#disconnect(null);
	}

	/**
	 * Leaves the current server without signing out, so another can be chosen: playback stops and
	 * is reported, the socket closes, and the token stays saved for coming back.
	 */
	async leaveServer(): Promise<void> {
		this.#tabs.release();
		await this.engine.shutdown();
		this.#link?.stop();
		this.#link = null;
		this.#selfCheck.stop();
		this.#api = null;
		session.leave();
		connection.set('signed-out');
	}

	/** Connects to a server signed in to before, with its saved token. */
	connectTo(signIn: SavedSignIn): void {
		session.save(signIn);
		log.info('switching server', { server: signIn.serverUrl, userId: signIn.userId });
		this.#tabs.start();
	}

	/** Signs out of a saved server that is not the current one; the others are untouched. */
	async forgetServer(signIn: SavedSignIn): Promise<void> {
		session.forget(signIn);
		removeRecord({ serverUrl: signIn.serverUrl, userId: signIn.userId });
		const api = new MediaServerApi(signIn.serverUrl, this.identity, signIn.token);
		await api.logout().catch((error) => log.warn('server sign-out failed', { error }));
	}

	#activate(): void {
		const signIn = session.current;
		if (!signIn) return;
		this.resumer.restore({ serverUrl: signIn.serverUrl, userId: signIn.userId });
		this.#connect(signIn);
	}

	/** Another tab became the player: stop playing here and let go of the socket. */
	async #deactivate(): Promise<void> {
		this.#selfCheck.stop();
		this.#link?.stop();
		this.#link = null;
		await this.engine.shutdown();
		connection.set('signed-out');
	}

	#connect(signIn: SavedSignIn): void {
		this.#link?.stop();
		this.#api = new MediaServerApi(signIn.serverUrl, this.identity, signIn.token);
		this.#link = new ServerLink({
			socketUrl: () => buildSocketUrl(signIn.serverUrl, signIn.token, this.identity.deviceId),
			onOpen: () => this.#afterSocketOpen(),
			onMessage: (message) => this.#handleMessage(message, signIn),
			onInvalid: (frame) => this.#recordInvalidFrame(frame),
			checkToken: () => this.#checkToken(),
			serverAnswers: () => this.#serverAnswers(),
			onTokenRevoked: () => this.#handleRevokedToken(signIn),
			onNoForceKeepAlive: () => void this.#selfCheck.check()
		});
		this.#link.start();
		this.#selfCheck.start();
	}

	/** Posts the capabilities on every new socket, since a restarted server has lost them, then reports. */
	async #afterSocketOpen(): Promise<void> {
		await this.#postCapabilities();
		const restarted = notifications.entries.some(
			(entry) =>
				entry.active &&
				(entry.kind === 'server-restarting' || entry.kind === 'server-shutting-down')
		);
		const over: NotificationKind[] = ['server-restarting', 'server-shutting-down'];
		notifications.resolve(restarted ? [...over, 'restart-required'] : over);
		this.reporter.resendUndelivered();
		this.engine.reportProgress('timeupdate');
		await this.resumer.loadRestored();
	}

	async #postCapabilities(): Promise<void> {
		await this.#api?.postCapabilities({
			PlayableMediaTypes: ['Audio', 'Video'],
			SupportedCommands: [...SUPPORTED_COMMANDS],
			SupportsMediaControl: true,
			SupportsPersistentIdentifier: false
		});
		log.info('capabilities posted', { deviceId: this.identity.deviceId });
	}

	async #isControllable(): Promise<boolean | undefined> {
		try {
			const sessions = (await this.#api?.getSessionsForDevice(this.identity.deviceId)) ?? [];
			return sessions.some((entry) => entry.SupportsRemoteControl === true);
		} catch (error) {
			log.warn('reading the own session failed', { error });
			return undefined;
		}
	}

	#handleMessage(message: InboundMessage, signIn: SavedSignIn): void {
		const handled = handleServerEvent(message, {
			serverName: () => session.current?.serverName ?? signIn.serverName,
			fetchItems: async (ids) => (await this.#api?.getItems(signIn.userId, ids)) ?? [],
			expectRestart: () => this.#link?.expectRestart(),
			signOutLocally: (notice) => this.#signOutLocally(notice)
		});
		if (!handled) this.remote.handle(message);
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
			await this.#api?.getSessionsForDevice(this.identity.deviceId);
			return 'valid';
		} catch (error) {
			return isApiError(error, 'unauthorized') ? 'revoked' : 'unknown';
		}
	}

	async #serverAnswers(): Promise<boolean> {
		try {
			await this.#api?.fetchPublicInfo();
			return true;
		} catch {
			return false;
		}
	}

	/** Signs out locally when a check-in gets 401, the first sign that the token was revoked. */
	#watchForRevokedToken(request: Promise<void>): Promise<void> {
		return request.catch((error: unknown) => {
			const signIn = session.current;
			if (isApiError(error, 'unauthorized') && signIn && this.#api) {
				this.#handleRevokedToken(signIn);
			}
			throw error;
		});
	}

	#handleRevokedToken(signIn: SavedSignIn): void {
		log.warn('the server no longer accepts the token; signing out', { server: signIn.serverUrl });
		this.#signOutLocally(
			`${signIn.serverName} no longer accepts this sign-in (the token was revoked or expired). Sign in again.`
		);
	}

	/**
	 * Signs out without the server's help. The queue and position are saved for this user first,
	 * so that signing in again resumes them. The player is then emptied without any report, so the
	 * rejected token is not sent again and another user starts with an empty player.
	 */
	#signOutLocally(notice: string): void {
		this.resumer.saveNow();
		this.#tabs.release();
		this.#link?.stop();
		this.#link = null;
		this.#disconnect(notice);
		void this.engine.shutdown();
	}

	#disconnect(notice: string | null): void {
		this.#selfCheck.stop();
		this.#api = null;
		session.clear(notice);
		connection.set('signed-out');
		player.unlocked = false;
	}
}
