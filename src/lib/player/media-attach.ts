import type { LoadedMedia } from '$lib/stores/player.svelte';
import { attachHls, type StreamHandle } from './hls';
import { SubtitleTracks } from './subtitles';

/**
 * Puts a resolved stream into the media element (a file URL as it is, an HLS playlist natively
 * or through hls.js) together with its text subtitles, and takes both out again.
 */
export class MediaAttachment {
	readonly subtitles: SubtitleTracks;
	#media: HTMLMediaElement;
	#onFatalError: (message: string) => void;
	#handle: StreamHandle | null = null;

	/** `onFatalError` receives stream errors that the element's `error` event does not report. */
	constructor(media: HTMLMediaElement, onFatalError: (message: string) => void) {
		this.#media = media;
		this.#onFatalError = onFatalError;
		this.subtitles = new SubtitleTracks(media);
	}

	/** Replaces what the element plays with `loaded`. Throws when the browser cannot play HLS. */
	async attach(loaded: LoadedMedia): Promise<void> {
		this.detach();
		const shown = loaded.subtitleBurnedIn ? -1 : loaded.subtitleStreamIndex;
		void this.subtitles.load(loaded.textSubtitles, shown);
		if (loaded.delivery === 'hls') {
			this.#handle = await attachHls(this.#media, loaded.url, this.#onFatalError);
		} else {
			this.#media.src = loaded.url;
		}
	}

	/** Stops hls.js, if it runs, and removes the subtitle tracks. The element's src stays. */
	detach(): void {
		this.#handle?.destroy();
		this.#handle = null;
		this.subtitles.clear();
	}
}
