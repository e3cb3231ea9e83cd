import { describe, expect, it } from 'vitest';

import type { MediaServerApi } from '$lib/api/media-server';
import { dialectFor, type ServerKind } from '$lib/protocol/dialect';
import { createCheckInTransport } from './check-in-transport';

function fakeApi(kind: ServerKind) {
	const posted: { kind: string; body: Record<string, unknown> }[] = [];
	const record = (name: string) => async (body: Record<string, unknown>) =>
		void posted.push({ kind: name, body });
	const checkIns = {
		start: record('start'),
		progress: record('progress'),
		stopped: record('stopped'),
		stoppedOnExit: (body: Record<string, unknown>) => void posted.push({ kind: 'exit', body })
	};
	const api = { dialect: dialectFor(kind), checkIns } as unknown as MediaServerApi;
	return { api, posted };
}

const passThrough = { watch: (request: Promise<void>) => request };

describe('createCheckInTransport', () => {
	it('posts Jellyfin check-ins with jellyfin-web event names', async () => {
		const { api, posted } = fakeApi('jellyfin');
		const transport = createCheckInTransport(api, { ...passThrough, sendOverSocket: () => false });
		await transport.progress({ ItemId: 'a', EventName: 'pause' });
		expect(posted).toEqual([{ kind: 'progress', body: { ItemId: 'a', EventName: 'pause' } }]);
	});

	it('spells event names the Emby way for Emby', async () => {
		const { api, posted } = fakeApi('emby');
		const transport = createCheckInTransport(api, { ...passThrough, sendOverSocket: () => false });
		await transport.progress({ ItemId: '1942', EventName: 'volumechange' });
		expect(posted[0]?.body.EventName).toBe('VolumeChange');
	});

	it('sends MediaBrowser 3 check-ins over the socket', async () => {
		const { api, posted } = fakeApi('mediabrowser');
		const frames: string[] = [];
		const sendOverSocket = (text: string) => frames.push(text) > 0;
		const transport = createCheckInTransport(api, { ...passThrough, sendOverSocket });
		await transport.start({ ItemId: 'a' });
		await transport.progress({ ItemId: 'a', EventName: 'timeupdate' });
		await transport.stopped({ ItemId: 'a', PositionTicks: 5 });
		expect(posted).toEqual([]);
		expect(frames.map((text) => JSON.parse(text))).toEqual([
			{ MessageType: 'ReportPlaybackStart', Data: { ItemId: 'a' } },
			{ MessageType: 'ReportPlaybackProgress', Data: { ItemId: 'a', EventName: 'TimeUpdate' } },
			{ MessageType: 'ReportPlaybackStopped', Data: { ItemId: 'a', PositionTicks: 5 } }
		]);
	});

	it('fails a socket check-in while the socket is closed', async () => {
		const { api } = fakeApi('mediabrowser');
		const transport = createCheckInTransport(api, { ...passThrough, sendOverSocket: () => false });
		await expect(transport.stopped({ ItemId: 'a' })).rejects.toThrow(
			'ReportPlaybackStopped was not sent: the socket is not open'
		);
	});
});
