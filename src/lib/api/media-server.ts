import type { KyInstance } from 'ky';
import * as z from 'zod/mini';

import type { ClientIdentity } from '$lib/protocol/authorization';
import {
	authorizationHeaders,
	dialectFor,
	loginBody,
	type Dialect,
	type ServerKind
} from '$lib/protocol/dialect';
import {
	AuthenticationResultSchema,
	ItemsResultSchema,
	PlaybackInfoResponseSchema,
	PublicSystemInfoSchema,
	SessionInfoSchema,
	SystemInfoSchema,
	type AuthenticationResult,
	type BaseItem,
	type MediaSource,
	type PlaybackInfoResponse,
	type PublicSystemInfo,
	type SessionInfo,
	type SystemInfo
} from '$lib/protocol/schemas';
import { normaliseId } from '$lib/protocol/ids';
import { CheckInApi } from './checkin-api';
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

/** The server family an API instance talks to, and the signed-in user if known. */
export interface ServerDetails {
	kind?: ServerKind;
	/** MediaBrowser 3 names the user in the authorization header. */
	userId?: string;
}

/**
 * The HTTP API of a Jellyfin, Emby or MediaBrowser server as Cue uses it. One instance serves one
 * API base, which includes any /emby or /mediabrowser prefix. The token can change (sign-in,
 * sign-out) without building a new instance.
 */
export class MediaServerApi {
	readonly baseUrl: string;
	readonly dialect: Dialect;
	/** Check-ins over HTTP (unused for MediaBrowser 3, which takes them over the socket). */
	readonly checkIns: CheckInApi;
	#identity: ClientIdentity;
	#token: string | undefined;
	#userId: string | undefined;
	#http: KyInstance;

	constructor(
		baseUrl: string,
		identity: ClientIdentity,
		token?: string,
		server: ServerDetails = {}
	) {
		this.baseUrl = baseUrl;
		this.dialect = dialectFor(server.kind);
		this.#identity = identity;
		this.#token = token;
		this.#userId = server.userId;
		this.#http = createHttp(baseUrl, () => this.authorizationHeaders());
		this.checkIns = new CheckInApi(baseUrl, () => this.authorizationHeaders());
	}

	/** Returns the authorization headers of the next request, in the form this server family reads. */
	authorizationHeaders(): Record<string, string> {
		return authorizationHeaders(this.dialect.kind, this.#identity, this.#token, this.#userId);
	}

	get token(): string | undefined {
		return this.#token;
	}

	setToken(token: string | undefined): void {
		this.#token = token;
	}

	setUserId(userId: string | undefined): void {
		this.#userId = userId;
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
		const json = loginBody(this.dialect.kind, username, password);
		const options = { method: 'post', json };
		return requestJson(
			this.#http,
			'Users/AuthenticateByName',
			options,
			AuthenticationResultSchema,
			'Signing in'
		);
	}

	/** Reads /System/Info, which needs a token; MediaBrowser 3 names its socket port there. */
	fetchSystemInfo(): Promise<SystemInfo> {
		const what = 'Reading the system information';
		return requestJson(this.#http, 'System/Info', {}, SystemInfoSchema, what);
	}

	/**
	 * Posts the capabilities. Emby and MediaBrowser 3 require the session `Id`; MediaBrowser 3 only
	 * has the query form, which carries the lists as comma-separated values.
	 */
	postCapabilities(capabilities: Capabilities, sessionId?: string): Promise<void> {
		const what = 'Posting capabilities';
		const id = sessionId ? { Id: sessionId } : {};
		if (this.dialect.capabilitiesAsQuery) {
			const searchParams = {
				...id,
				PlayableMediaTypes: capabilities.PlayableMediaTypes.join(','),
				SupportedCommands: capabilities.SupportedCommands.join(','),
				SupportsMediaControl: String(capabilities.SupportsMediaControl)
			};
			return requestVoid(
				this.#http,
				'Sessions/Capabilities',
				{ method: 'post', searchParams },
				what
			);
		}
		const options = { method: 'post', json: capabilities, searchParams: id };
		return requestVoid(this.#http, 'Sessions/Capabilities/Full', options, what);
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
			const result = await this.#fetchItemChunk(userId, chunk);
			for (const item of result.Items) byId.set(normaliseId(item.Id), item);
		}
		return ids.flatMap((id) => byId.get(normaliseId(id)) ?? []);
	}

	/** Jellyfin serves `/Items?ids=&userId=`; Emby and MediaBrowser 3 `/Users/{userId}/Items?Ids=`. */
	#fetchItemChunk(userId: string, ids: string[]) {
		const what = 'Fetching items';
		if (this.dialect.itemsUnderUser) {
			const searchParams = { Ids: ids.join(','), Fields: ITEM_FIELDS };
			const path = `Users/${encodeURIComponent(userId)}/Items`;
			return requestJson(this.#http, path, { searchParams }, ItemsResultSchema, what);
		}
		const searchParams = { ids: ids.join(','), userId, fields: ITEM_FIELDS };
		return requestJson(this.#http, 'Items', { searchParams }, ItemsResultSchema, what);
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

	/**
	 * Returns the direct-play URL for a media source. A media element cannot send headers, so the
	 * token travels in the query, as `ApiKey` to Jellyfin and `api_key` to Emby and MediaBrowser.
	 */
	streamUrl(item: BaseItem, source: MediaSource, playSessionId: string | undefined): string {
		const kind = item.MediaType === 'Audio' ? 'Audio' : 'Videos';
		const container = source.Container ?? '';
		const extension = /^[a-z0-9]+$/i.test(container) ? `.${container}` : '';
		const params = new URLSearchParams({ Static: 'true', mediaSourceId: source.Id });
		params.set('deviceId', this.#identity.deviceId);
		if (this.#token) params.set(this.dialect.tokenParameter, this.#token);
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

export { normaliseId };
