import type { KyInstance } from 'ky';
import * as z from 'zod/mini';

import { createLogger } from '$lib/log';
import { buildAuthorizationHeader, type ClientIdentity } from '$lib/protocol/authorization';
import {
	AuthenticationResultSchema,
	ItemsResultSchema,
	PlaybackInfoResponseSchema,
	PublicSystemInfoSchema,
	SessionInfoSchema,
	type AuthenticationResult,
	type BaseItem,
	type MediaSource,
	type PlaybackInfoResponse,
	type PublicSystemInfo,
	type SessionInfo
} from '$lib/protocol/schemas';
import { createHttp, requestJson, requestVoid } from './http';

export interface Capabilities {
	PlayableMediaTypes: string[];
	SupportedCommands: string[];
	SupportsMediaControl: boolean;
	SupportsPersistentIdentifier: boolean;
}

export interface PlaybackInfoRequest {
	userId: string;
	startTimeTicks?: number;
	mediaSourceId?: string;
	audioStreamIndex?: number;
	subtitleStreamIndex?: number;
	maxStreamingBitrate?: number;
	/** Jellyfin `DeviceProfile`: what the client plays directly and which transcodes it takes. */
	deviceProfile?: unknown;
	/** False requests a transcode even where the server would offer the file as it is. */
	enableDirectPlay?: boolean;
}

const ITEM_FIELDS = 'MediaSources,MediaStreams,Overview,ParentId';
/** Ids per /Items request: 100 Jellyfin ids make a query of about 3.3 KB, well inside URL limits. */
const IDS_PER_REQUEST = 100;
/** Maximum number of items Cue requests in an instant mix. */
const INSTANT_MIX_LIMIT = 200;
/** Below the 64 KiB that browsers allow for the bodies of all pending keepalive requests. */
const MAX_KEEPALIVE_BODY_BYTES = 60_000;

const log = createLogger('api');

/**
 * The Jellyfin HTTP API as Cue uses it. One instance serves one server address; the token can
 * change (sign-in, sign-out) without building a new instance.
 */
export class MediaServerApi {
	readonly baseUrl: string;
	#identity: ClientIdentity;
	#token: string | undefined;
	#http: KyInstance;

	constructor(baseUrl: string, identity: ClientIdentity, token?: string) {
		this.baseUrl = baseUrl;
		this.#identity = identity;
		this.#token = token;
		this.#http = createHttp(baseUrl, () => buildAuthorizationHeader(this.#identity, this.#token));
	}

	get token(): string | undefined {
		return this.#token;
	}

	setToken(token: string | undefined): void {
		this.#token = token;
	}

	fetchPublicInfo(): Promise<PublicSystemInfo> {
		const options = { timeout: 5000 };
		return requestJson(
			this.#http,
			'System/Info/Public',
			options,
			PublicSystemInfoSchema,
			'Reading the server information'
		);
	}

	authenticateByName(username: string, password: string): Promise<AuthenticationResult> {
		const options = { method: 'post', json: { Username: username, Pw: password } };
		return requestJson(
			this.#http,
			'Users/AuthenticateByName',
			options,
			AuthenticationResultSchema,
			'Signing in'
		);
	}

	postCapabilities(capabilities: Capabilities): Promise<void> {
		const options = { method: 'post', json: capabilities };
		return requestVoid(this.#http, 'Sessions/Capabilities/Full', options, 'Posting capabilities');
	}

	/**
	 * Fetches items and returns them in the order of `ids`, repeats kept. Up to 100 distinct ids
	 * take one request; more are fetched 100 at a time.
	 */
	async getItems(userId: string, ids: string[]): Promise<BaseItem[]> {
		const unique = [...new Set(ids)];
		const byId = new Map<string, BaseItem>();
		for (let start = 0; start < unique.length; start += IDS_PER_REQUEST) {
			const chunk = unique.slice(start, start + IDS_PER_REQUEST);
			const searchParams = { ids: chunk.join(','), userId, fields: ITEM_FIELDS };
			const what = 'Fetching items';
			const result = await requestJson(
				this.#http,
				'Items',
				{ searchParams },
				ItemsResultSchema,
				what
			);
			for (const item of result.Items) byId.set(normaliseId(item.Id), item);
		}
		return ids.flatMap((id) => byId.get(normaliseId(id)) ?? []);
	}

	getPlaybackInfo(itemId: string, request: PlaybackInfoRequest): Promise<PlaybackInfoResponse> {
		const json = {
			UserId: request.userId,
			StartTimeTicks: request.startTimeTicks,
			MediaSourceId: request.mediaSourceId,
			AudioStreamIndex: request.audioStreamIndex,
			SubtitleStreamIndex: request.subtitleStreamIndex,
			MaxStreamingBitrate: request.maxStreamingBitrate,
			DeviceProfile: request.deviceProfile,
			EnableDirectPlay: request.enableDirectPlay ?? true,
			EnableDirectStream: request.enableDirectPlay ?? true,
			EnableTranscoding: true,
			AutoOpenLiveStream: true
		};
		const path = `Items/${encodeURIComponent(itemId)}/PlaybackInfo`;
		return requestJson(
			this.#http,
			path,
			{ method: 'post', json },
			PlaybackInfoResponseSchema,
			'Reading playback information'
		);
	}

	/** Fetches the instant mix of an item: similar items, the item itself first for a track. */
	async getInstantMix(userId: string, itemId: string): Promise<BaseItem[]> {
		const searchParams = { userId, fields: ITEM_FIELDS, limit: INSTANT_MIX_LIMIT };
		const path = `Items/${encodeURIComponent(itemId)}/InstantMix`;
		const result = await requestJson(
			this.#http,
			path,
			{ searchParams },
			ItemsResultSchema,
			'Fetching an instant mix'
		);
		return result.Items;
	}

	/** Keeps the server's transcoding job of a play session alive while nothing is fetched. */
	pingPlaySession(playSessionId: string): Promise<void> {
		const options = { method: 'post', searchParams: { playSessionId } };
		return requestVoid(this.#http, 'Sessions/Playing/Ping', options, 'Pinging the transcode');
	}

	/** Tells the server that Cue no longer needs the transcode of a play session. */
	stopTranscode(playSessionId: string): Promise<void> {
		const searchParams = { deviceId: this.#identity.deviceId, playSessionId };
		const options = { method: 'delete', searchParams };
		return requestVoid(this.#http, 'Videos/ActiveEncodings', options, 'Stopping the transcode');
	}

	/** Returns whether the server still serves a stream URL, by a HEAD request for it. */
	async isStreamAvailable(url: string): Promise<boolean> {
		try {
			return (await fetch(url, { method: 'HEAD' })).ok;
		} catch {
			return false;
		}
	}

	reportPlaybackStart(body: Record<string, unknown>): Promise<void> {
		return requestVoid(
			this.#http,
			'Sessions/Playing',
			{ method: 'post', json: body },
			'Start check-in'
		);
	}

	reportPlaybackProgress(body: Record<string, unknown>): Promise<void> {
		const options = { method: 'post', json: body };
		return requestVoid(this.#http, 'Sessions/Playing/Progress', options, 'Progress check-in');
	}

	reportPlaybackStopped(body: Record<string, unknown>): Promise<void> {
		const options = { method: 'post', json: body };
		return requestVoid(this.#http, 'Sessions/Playing/Stopped', options, 'Stop check-in');
	}

	/**
	 * Sends a Stopped report with `fetch(…, { keepalive: true })`, which the browser completes
	 * after the page is gone. sendBeacon cannot carry the Authorization header. Browsers cap the
	 * bodies of pending keepalive requests at 64 KiB in total, so a long NowPlayingQueue is left out.
	 */
	reportPlaybackStoppedOnExit(body: Record<string, unknown>): void {
		let text = JSON.stringify(body);
		if (new TextEncoder().encode(text).length > MAX_KEEPALIVE_BODY_BYTES) {
			text = JSON.stringify({ ...body, NowPlayingQueue: undefined });
		}
		const headers = {
			Authorization: buildAuthorizationHeader(this.#identity, this.#token),
			'Content-Type': 'application/json'
		};
		fetch(`${this.baseUrl}/Sessions/Playing/Stopped`, {
			method: 'POST',
			keepalive: true,
			headers,
			body: text
		}).catch((error) => log.warn('the Stopped report on exit failed', { error }));
	}

	logout(): Promise<void> {
		return requestVoid(this.#http, 'Sessions/Logout', { method: 'post' }, 'Signing out');
	}

	getSessionsForDevice(deviceId: string): Promise<SessionInfo[]> {
		const searchParams = { deviceId };
		return requestJson(
			this.#http,
			'Sessions',
			{ searchParams },
			z.array(SessionInfoSchema),
			'Reading sessions'
		);
	}

	/** Returns the direct-play URL for a media source. The token travels as `ApiKey`, as a media element cannot send headers. */
	streamUrl(item: BaseItem, source: MediaSource, playSessionId: string | undefined): string {
		const kind = item.MediaType === 'Audio' ? 'Audio' : 'Videos';
		const container = source.Container ?? '';
		const extension = /^[a-z0-9]+$/i.test(container) ? `.${container}` : '';
		const params = new URLSearchParams({ Static: 'true', mediaSourceId: source.Id });
		params.set('deviceId', this.#identity.deviceId);
		if (this.#token) params.set('ApiKey', this.#token);
		if (source.ETag) params.set('Tag', source.ETag);
		if (playSessionId) params.set('PlaySessionId', playSessionId);
		return `${this.baseUrl}/${kind}/${encodeURIComponent(item.Id)}/stream${extension}?${params}`;
	}

	imageUrl(itemId: string, tag: string | undefined, maxWidth = 640): string {
		const params = new URLSearchParams({ maxWidth: String(maxWidth), quality: '90' });
		if (tag) params.set('tag', tag);
		return `${this.baseUrl}/Items/${encodeURIComponent(itemId)}/Images/Primary?${params}`;
	}
}

/** Jellyfin ids compare without case and without dashes; Emby's decimal ids pass through unchanged. */
export function normaliseId(id: string): string {
	return id.replaceAll('-', '').toLowerCase();
}
