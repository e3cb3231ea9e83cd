/**
 * Shows text subtitles as `<track>` elements in the media element. Cue fetches each WebVTT file
 * itself and gives the track a blob: URL: a track from the server's origin would need the media
 * element to make CORS requests for the media too.
 */
import { createLogger } from '$lib/log';

/** A text subtitle stream that the server delivers as a WebVTT file. */
export interface TextSubtitle {
	/** The stream's own `Index`. */
	index: number;
	/** Absolute URL of the WebVTT file. */
	url: string;
	label: string;
	language?: string;
}

const log = createLogger('subtitles');

/** The stream Index of a track element is kept in this data attribute, for tests and debugging. */
const INDEX_ATTRIBUTE = 'data-stream-index';

export class SubtitleTracks {
	#media: HTMLMediaElement;
	#tracks = new Map<number, HTMLTrackElement>();
	#blobUrls: string[] = [];
	/** Item position of the element's time 0; cues are in item time, so they move by this much. */
	#offsetSeconds = 0;
	/** How much later than in the file the cues show (SetSubtitleOffset); kept across items. */
	#delaySeconds = 0;
	/** The shift applied to each track's cues, and each cue's times as the file has them. */
	#shifted = new WeakMap<TextTrack, number>();
	#originalTimes = new WeakMap<TextTrackCue, { start: number; end: number }>();
	#generation = 0;
	/** The stream Index whose track shows, or -1. */
	#selected = -1;

	constructor(media: HTMLMediaElement) {
		this.#media = media;
		// Chromium 156 turned on another track by itself after tracks were added. Cue shows only
		// the track it reports to the server, so it sets the modes back.
		media.textTracks?.addEventListener('change', () => this.#applySelection());
	}

	/** False where there is no DOM (unit tests): the tracks are then not shown at all. */
	get #available(): boolean {
		return typeof document !== 'undefined' && typeof this.#media.appendChild === 'function';
	}

	/** Replaces the tracks with `subtitles` and shows `selected` (-1 shows none). */
	async load(subtitles: TextSubtitle[], selected: number): Promise<void> {
		this.clear();
		this.#selected = selected;
		if (!this.#available || subtitles.length === 0) return;
		const generation = this.#generation;
		const texts = await Promise.all(subtitles.map(fetchText));
		if (generation !== this.#generation) return;
		subtitles.forEach((subtitle, position) => {
			const text = texts[position];
			if (text !== undefined) this.#addTrack(subtitle, text);
		});
		this.show(selected);
	}

	/** Shows the track of stream `index` and hides the others; -1 hides all. */
	show(index: number): void {
		this.#selected = index;
		this.#applySelection();
	}

	#applySelection(): void {
		for (const [index, element] of this.#tracks) {
			const mode = index === this.#selected ? 'showing' : 'disabled';
			if (element.track.mode !== mode) element.track.mode = mode;
		}
	}

	has(index: number): boolean {
		return this.#tracks.has(index);
	}

	/** Sets the item position of the element's time 0 and moves the loaded cues to match. */
	setOffset(seconds: number): void {
		this.#offsetSeconds = seconds;
		for (const element of this.#tracks.values()) this.#alignCues(element.track);
	}

	/** Shows the cues `seconds` later than the file's times (earlier when negative). */
	setDelay(seconds: number): void {
		this.#delaySeconds = seconds;
		for (const element of this.#tracks.values()) this.#alignCues(element.track);
	}

	clear(): void {
		this.#generation++;
		for (const element of this.#tracks.values()) element.remove();
		this.#tracks.clear();
		for (const url of this.#blobUrls) URL.revokeObjectURL(url);
		this.#blobUrls = [];
		this.#offsetSeconds = 0;
	}

	#addTrack(subtitle: TextSubtitle, text: string): void {
		const element = document.createElement('track');
		element.kind = 'subtitles';
		element.label = subtitle.label;
		if (subtitle.language) element.srclang = subtitle.language;
		element.setAttribute(INDEX_ATTRIBUTE, String(subtitle.index));
		const url = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
		this.#blobUrls.push(url);
		element.src = url;
		element.addEventListener('load', () => this.#alignCues(element.track));
		element.addEventListener('error', () =>
			log.warn(`subtitle stream ${subtitle.index} ("${subtitle.label}") is not valid WebVTT`)
		);
		this.#media.appendChild(element);
		this.#tracks.set(subtitle.index, element);
	}

	/**
	 * Moves a track's cues from item time to element time, plus the delay. Each cue keeps its times
	 * from the file, so that cues clamped at 0 come back when the shift shrinks again.
	 */
	#alignCues(track: TextTrack): void {
		const cues = track.cues;
		if (!cues || cues.length === 0) return;
		const shift = this.#offsetSeconds - this.#delaySeconds;
		if (shift === (this.#shifted.get(track) ?? 0)) return;
		for (const cue of Array.from(cues)) {
			const original = this.#originalTimes.get(cue) ?? { start: cue.startTime, end: cue.endTime };
			this.#originalTimes.set(cue, original);
			cue.startTime = Math.max(0, original.start - shift);
			cue.endTime = Math.max(0, original.end - shift);
		}
		this.#shifted.set(track, shift);
	}
}

/** Fetches a subtitle file. The log names the stream, never the URL, which carries the token. */
async function fetchText(subtitle: TextSubtitle): Promise<string | undefined> {
	const name = `subtitle stream ${subtitle.index} ("${subtitle.label}")`;
	try {
		const response = await fetch(subtitle.url);
		if (response.ok) return await response.text();
		log.warn(`fetching ${name} failed with HTTP ${response.status}; it is not shown`);
	} catch (error) {
		log.warn(`fetching ${name} failed; it is not shown`, { error });
	}
	return undefined;
}
