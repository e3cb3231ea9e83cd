import type { MediaServerApi, PlaybackInfoRequest } from '$lib/api/media-server';
import { dialectFor, type ServerKind } from '$lib/protocol/dialect';
import type { BaseItem, PlaybackInfoResponse } from '$lib/protocol/schemas';

export interface RecordedReport {
	kind: 'start' | 'progress' | 'stopped';
	body: Record<string, unknown>;
}

/** Returns the PlaybackInfo response to a request; `session` is the PlaySessionId to hand out. */
export type PlaybackInfoAnswer = (
	itemId: string,
	request: PlaybackInfoRequest,
	session: string
) => PlaybackInfoResponse;

/** By default every item is one MP3 file that plays directly. */
const directMp3: PlaybackInfoAnswer = (itemId, _request, session) =>
	({
		MediaSources: [{ Id: itemId, Container: 'mp3', MediaStreams: [] }],
		PlaySessionId: session
	}) as unknown as PlaybackInfoResponse;

/**
 * Creates a test-only in-memory stand-in for the server API: a few items and a record of
 * check-ins. `kind` picks the server family whose rules the API follows.
 */
export function createFakeApi(itemIds: string[], kind: ServerKind = 'jellyfin') {
	const items = new Map<string, BaseItem>(
		itemIds.map((id, index) => [
			id,
			{ Id: id, Name: `Item ${index + 1}`, MediaType: 'Audio', RunTimeTicks: 1_200_000_000 }
		])
	);
	const reports: RecordedReport[] = [];
	const playbackInfoRequests: PlaybackInfoRequest[] = [];
	/** PlaySessionIds Cue pinged, and those whose transcodes it stopped. */
	const pings: string[] = [];
	const stoppedTranscodes: string[] = [];
	/** URLs that `isStreamAvailable` reports as gone. */
	const goneStreams = new Set<string>();
	const server = { answer: directMp3 };
	let playSessions = 0;

	const api = {
		baseUrl: 'http://server.invalid',
		dialect: dialectFor(kind),
		async getItems(_userId: string, ids: string[]): Promise<BaseItem[]> {
			return ids.flatMap((id) => items.get(id) ?? []);
		},
		async getPlaybackInfo(
			itemId: string,
			request: PlaybackInfoRequest
		): Promise<PlaybackInfoResponse> {
			playSessions++;
			playbackInfoRequests.push(request);
			return server.answer(itemId, request, `session${playSessions}`);
		},
		async getInstantMix(_userId: string, itemId: string): Promise<BaseItem[]> {
			return [...items.values()].sort((item) => (item.Id === itemId ? -1 : 0));
		},
		async pingPlaySession(playSessionId: string): Promise<void> {
			pings.push(playSessionId);
		},
		async stopTranscode(playSessionId: string): Promise<void> {
			stoppedTranscodes.push(playSessionId);
		},
		async isStreamAvailable(url: string): Promise<boolean> {
			return !goneStreams.has(url);
		},
		streamUrl(item: BaseItem): string {
			return `http://server.invalid/Audio/${item.Id}/stream.mp3`;
		},
		imageUrl(itemId: string): string {
			return `http://server.invalid/Items/${itemId}/Images/Primary`;
		}
	};
	const transport = {
		start: async (body: Record<string, unknown>) => void reports.push({ kind: 'start', body }),
		progress: async (body: Record<string, unknown>) =>
			void reports.push({ kind: 'progress', body }),
		stopped: async (body: Record<string, unknown>) => void reports.push({ kind: 'stopped', body })
	};
	return {
		api: api as unknown as MediaServerApi,
		transport,
		reports,
		items,
		playbackInfoRequests,
		pings,
		stoppedTranscodes,
		goneStreams,
		/** Replaces how the fake server responds to PlaybackInfo. */
		answerPlaybackInfo(answer: PlaybackInfoAnswer): void {
			server.answer = answer;
		}
	};
}
