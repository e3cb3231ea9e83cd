import type { MediaServerApi } from '$lib/api/media-server';
import type { BaseItem, PlaybackInfoResponse } from '$lib/protocol/schemas';

export interface RecordedReport {
	kind: 'start' | 'progress' | 'stopped';
	body: Record<string, unknown>;
}

/** A test-only in-memory stand-in for the server API: a few items and a record of check-ins. */
export function createFakeApi(itemIds: string[]) {
	const items = new Map<string, BaseItem>(
		itemIds.map((id, index) => [
			id,
			{ Id: id, Name: `Item ${index + 1}`, MediaType: 'Audio', RunTimeTicks: 1_200_000_000 }
		])
	);
	const reports: RecordedReport[] = [];
	let playSessions = 0;

	const api = {
		async getItems(_userId: string, ids: string[]): Promise<BaseItem[]> {
			return ids.flatMap((id) => items.get(id) ?? []);
		},
		async getPlaybackInfo(itemId: string): Promise<PlaybackInfoResponse> {
			playSessions++;
			return {
				MediaSources: [{ Id: itemId, Container: 'mp3', MediaStreams: [] }],
				PlaySessionId: `session${playSessions}`
			} as unknown as PlaybackInfoResponse;
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
	return { api: api as unknown as MediaServerApi, transport, reports, items };
}
