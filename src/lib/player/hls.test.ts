import { beforeEach, describe, expect, it, vi } from 'vitest';

import { attachHls } from './hls';

/** Builds a stand-in for hls.js that records the calls Cue makes. */
const hlsJs = vi.hoisted(() => {
	const instances: FakeHls[] = [];
	class FakeHls {
		static Events = { ERROR: 'hlsError' };
		static supported = true;
		static isSupported() {
			return FakeHls.supported;
		}
		source: string | null = null;
		media: unknown = null;
		destroyed = false;
		listeners = new Map<string, (event: string, data: unknown) => void>();
		constructor() {
			instances.push(this);
		}
		on(event: string, listener: (event: string, data: unknown) => void) {
			this.listeners.set(event, listener);
		}
		loadSource(url: string) {
			this.source = url;
		}
		attachMedia(media: unknown) {
			this.media = media;
		}
		destroy() {
			this.destroyed = true;
		}
	}
	return { FakeHls, instances };
});

vi.mock('hls.js/light', () => ({ default: hlsJs.FakeHls }));

const STREAM_URL = 'http://server.invalid/videos/a/master.m3u8?PlaySessionId=p';

function mediaElement(nativeHls: boolean) {
	return {
		src: '',
		canPlayType: (type: string) =>
			nativeHls && type === 'application/vnd.apple.mpegurl' ? 'maybe' : ''
	} as unknown as HTMLMediaElement;
}

describe('attachHls', () => {
	beforeEach(() => {
		hlsJs.instances.length = 0;
		hlsJs.FakeHls.supported = true;
	});

	it('plays natively when possible', async () => {
		const media = mediaElement(true);
		const handle = await attachHls(media, STREAM_URL, () => {}, false);
		expect(media.src).toBe(STREAM_URL);
		expect(hlsJs.instances).toHaveLength(0);
		handle.destroy();
	});

	it('falls back to hls.js', async () => {
		const media = mediaElement(false);
		const handle = await attachHls(media, STREAM_URL, () => {}, false);
		const [hls] = hlsJs.instances;
		expect(hls?.source).toBe(STREAM_URL);
		expect(hls?.media).toBe(media);
		expect(media.src).toBe('');
		handle.destroy();
		expect(hls?.destroyed).toBe(true);
	});

	it('uses hls.js when forced', async () => {
		await attachHls(mediaElement(true), STREAM_URL, () => {}, true);
		expect(hlsJs.instances).toHaveLength(1);
	});

	it('reports only fatal errors', async () => {
		const errors: string[] = [];
		await attachHls(mediaElement(false), STREAM_URL, (message) => errors.push(message), false);
		const listener = hlsJs.instances[0]!.listeners.get('hlsError')!;
		listener('hlsError', { fatal: false, details: 'bufferStalledError' });
		listener('hlsError', {
			fatal: true,
			details: 'manifestLoadError',
			response: { code: 404, text: '' }
		});
		expect(errors).toEqual(['the HLS stream failed: manifestLoadError (HTTP 404)']);
	});

	it('rejects without any HLS support', async () => {
		hlsJs.FakeHls.supported = false;
		await expect(attachHls(mediaElement(false), STREAM_URL, () => {}, false)).rejects.toThrow(
			'neither natively nor through hls.js'
		);
	});
});
