import { loadIdentity, saveDeviceName } from '$lib/identity';
import { createLogger } from '$lib/log';
import type { MediaServerApi } from '$lib/api/media-server';
import type { AuthenticationResult } from '$lib/protocol/schemas';
import { PlaybackEngine, type EngineContext } from '$lib/player/engine';
import { CheckInReporter } from '$lib/player/reporter';
import { Transport } from '$lib/player/transport';
import { startPlatformFeatures } from '$lib/platform/start';
import { connection } from '$lib/stores/connection.svelte';
import { session, type SavedSignIn } from '$lib/stores/session.svelte';
import { notifications, type NotificationKind } from '$lib/stores/notifications.svelte';
import { player } from '$lib/stores/player.svelte';
import { tab } from '$lib/stores/tab.svelte';
import { sendStoppedOnExit, watchPageLifecycle } from './resume-exit';
import { ResumeKeeper } from './resume.svelte';
import { removeRecord } from './resume-storage';
import type { ServerSession } from './server-session';
import type { ProbedServer } from './sign-in';
import { TabCoordinator } from './tab-coordinator';

const log = createLogger('app');

/** The server code, loaded on first use so that the first screen does not wait for it. */
const loadServerCode = () => import('./server-session');

/**
 * Cue's top level: it signs in and out, keeps the server session, and wires remote commands to
 * the playback engine. Created once per page.
 */
export class Cue {
	readonly identity = loadIdentity();
	/** The device name controllers list; reactive for the UI. */
	deviceName = $state(this.identity.device);
	readonly engine: PlaybackEngine;
	readonly transport: Transport;
	readonly reporter: CheckInReporter;
	readonly resumer: ResumeKeeper;
	#server: ServerSession | null = null;
	/** Bumped on every connect and disconnect, so a connect still loading can tell it is stale. */
	#connectGeneration = 0;
	#tabs = new TabCoordinator({
		activate: () => this.#activate(),
		deactivate: () => void this.#deactivate()
	});

	constructor() {
		const context: EngineContext = {
			api: () => this.api,
			userId: () => session.current?.userId ?? null
		};
		this.reporter = new CheckInReporter(() => this.#server?.checkInTransport() ?? null);
		this.engine = new PlaybackEngine(context, this.reporter);
		this.transport = new Transport(this.engine);
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
		return this.#server?.api ?? null;
	}

	retryNow(): void {
		this.#server?.retryNow();
	}

	/** Connects with the saved sign-in, if there is one and no other tab is the player. */
	resume(): void {
		if (!session.current) return;
		// The server code loads while the tabs agree on the player, not after.
		void loadServerCode().catch(() => undefined);
		this.#tabs.start();
	}

	/**
	 * Renames this device. The name travels in the authorization header of every request, so the
	 * capabilities are posted again for the server to pick it up at once.
	 */
	async renameDevice(name: string): Promise<void> {
		saveDeviceName(name);
		this.identity.device = loadIdentity().device;
		this.deviceName = this.identity.device;
		if (connection.state === 'connected') await this.#server?.postCapabilities();
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
		const { signInWithPassword } = await loadServerCode();
		const { server, result } = await signInWithPassword(this.identity, address, username, password);
		await this.completeSignIn(server, result);
	}

	/**
	 * Saves a sign-in that succeeded, by password or by Quick Connect, and connects. For
	 * MediaBrowser 3 it first reads the port of the server's separate socket listener.
	 */
	async completeSignIn(server: ProbedServer, result: AuthenticationResult): Promise<void> {
		const { url, info, kind } = server;
		const signIn: SavedSignIn = {
			serverUrl: url,
			serverName: info.ServerName ?? url,
			serverVersion: info.Version ?? '',
			serverKind: kind,
			serverId: result.ServerId ?? info.Id,
			userId: result.User.Id,
			userName: result.User.Name,
			token: result.AccessToken
		};
		if (kind === 'mediabrowser') {
			const { readSocketPort } = await loadServerCode();
			signIn.legacySocketPort = await readSocketPort(signIn, this.identity);
		}
		session.save(signIn);
		log.info('signed in', { server: url, kind, userId: signIn.userId });
		this.#tabs.start();
	}

	/**
	 * Reports Stopped, ends the server session and deletes the token and the saved queue. The
	 * DeviceId stays.
	 */
	async signOut(): Promise<void> {
		const server = this.#server;
		this.resumer.forget();
		this.#tabs.release();
		await this.engine.shutdown();
		this.#stopServer();
		await server?.logout();
		this.#disconnect(null);
	}

	/**
	 * Leaves the current server without signing out, so another can be chosen: playback stops and
	 * is reported, the socket closes, and the token stays saved for coming back.
	 */
	async leaveServer(): Promise<void> {
		this.#tabs.release();
		await this.engine.shutdown();
		this.#stopServer();
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
		const { logOutOf } = await loadServerCode();
		await logOutOf(signIn, this.identity);
	}

	#activate(): void {
		const signIn = session.current;
		if (!signIn) return;
		void this.resumer.restore({ serverUrl: signIn.serverUrl, userId: signIn.userId });
		void this.#connect(signIn);
	}

	/** Another tab became the player: stop playing here and let go of the socket. */
	async #deactivate(): Promise<void> {
		// The socket closes first, but the API stays for the Stopped report of what was playing.
		this.#server?.stop();
		await this.engine.shutdown();
		this.#stopServer();
		connection.set('signed-out');
	}

	async #connect(signIn: SavedSignIn): Promise<void> {
		this.#stopServer();
		const generation = this.#connectGeneration;
		connection.set('connecting');
		let code: Awaited<ReturnType<typeof loadServerCode>>;
		try {
			code = await loadServerCode();
		} catch (error) {
			log.warn('loading the server code failed', { error });
			connection.set('connecting', 'Cue could not load part of itself. Reload the page.');
			return;
		}
		if (generation !== this.#connectGeneration || session.current !== signIn) return;
		this.#server = new code.ServerSession(signIn, {
			identity: this.identity,
			engine: this.engine,
			transport: this.transport,
			context: { api: () => this.api, userId: () => session.current?.userId ?? null },
			afterCapabilities: () => this.#afterCapabilities(),
			signOutLocally: (notice) => this.#signOutLocally(notice)
		});
		this.#server.start();
	}

	#stopServer(): void {
		this.#connectGeneration++;
		this.#server?.stop();
		this.#server = null;
	}

	/** After the capabilities of each new socket: clears restart notices, then reports. */
	async #afterCapabilities(): Promise<void> {
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

	/**
	 * Signs out without the server's help. The queue and position are saved for this user first,
	 * so that signing in again resumes them. The player is then emptied without any report, so the
	 * rejected token is not sent again and another user starts with an empty player.
	 */
	#signOutLocally(notice: string): void {
		this.resumer.saveNow();
		this.#tabs.release();
		this.#stopServer();
		this.#disconnect(notice);
		void this.engine.shutdown();
	}

	#disconnect(notice: string | null): void {
		this.#stopServer();
		session.clear(notice);
		connection.set('signed-out');
		player.unlocked = false;
	}
}
