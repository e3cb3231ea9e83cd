/**
 * Test-only stand-ins for the browser pieces the player uses, so the engine, the transport and the
 * remote control run in Vitest without a DOM. Events fire in a later microtask, as a real media
 * element queues them.
 */
const HAVE_NOTHING = 0;
const HAVE_ENOUGH_DATA = 4;

export class FakeMediaElement extends EventTarget {
	paused = true;
	ended = false;
	duration = Number.NaN;
	readyState = HAVE_NOTHING;
	error: { code: number; message: string } | null = null;
	seekable = { length: 0 };
	/** When false, play() rejects with NotAllowedError as a browser does without a gesture. */
	autoplayAllowed = true;
	/** Length in seconds each newly loaded source reports. */
	sourceDuration = 120;
	/** When set, each newly loaded source fails with this error instead of loading. */
	loadError: { code: number; message: string } | null = null;
	/** MIME types (matched as substrings) for which canPlayType returns ''; it returns 'probably' for all others. */
	unplayableTypes: string[] = [];
	#src: string | null = null;
	#currentTime = 0;
	#volume = 1;
	#muted = false;
	#playbackRate = 1;

	get currentTime(): number {
		return this.#currentTime;
	}
	set currentTime(seconds: number) {
		this.#currentTime = seconds;
		this.#fire('seeking', 'seeked', 'timeupdate');
	}
	get volume(): number {
		return this.#volume;
	}
	set volume(value: number) {
		if (!(value >= 0 && value <= 1)) throw new RangeError(`volume ${value} is outside [0, 1]`);
		this.#volume = value;
		this.#fire('volumechange');
	}
	get muted(): boolean {
		return this.#muted;
	}
	set muted(value: boolean) {
		this.#muted = value;
		this.#fire('volumechange');
	}
	get playbackRate(): number {
		return this.#playbackRate;
	}
	set playbackRate(value: number) {
		this.#playbackRate = value;
		this.#fire('ratechange');
	}
	set src(url: string) {
		this.#src = url;
		this.load();
	}
	get src(): string {
		return this.#src ?? '';
	}

	canPlayType(type: string): string {
		return this.unplayableTypes.some((unplayable) => type.includes(unplayable)) ? '' : 'probably';
	}

	getAttribute(name: string): string | null {
		return name === 'src' ? this.#src : null;
	}
	removeAttribute(name: string): void {
		if (name === 'src') this.#src = null;
	}

	load(): void {
		this.paused = true;
		this.ended = false;
		this.#currentTime = 0;
		this.readyState = HAVE_NOTHING;
		this.duration = Number.NaN;
		this.seekable = { length: 0 };
		if (this.#src === null) return;
		const loadError = this.loadError;
		if (loadError) {
			queueMicrotask(() => {
				this.error = loadError;
				this.#fire('error');
			});
			return;
		}
		queueMicrotask(() => {
			this.duration = this.sourceDuration;
			this.readyState = HAVE_ENOUGH_DATA;
			this.seekable = { length: 1 };
			this.#fire('durationchange', 'loadedmetadata');
		});
	}

	play(): Promise<void> {
		if (!this.autoplayAllowed) {
			return Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'));
		}
		if (!this.paused) return Promise.resolve();
		this.paused = false;
		this.#fire('play', 'playing');
		return Promise.resolve();
	}

	pause(): void {
		if (this.paused) return;
		this.paused = true;
		this.#fire('pause');
	}

	/** Plays to the end: the element fires `ended` as a real one does. */
	finish(): void {
		this.#currentTime = this.duration;
		this.paused = true;
		this.ended = true;
		this.#fire('ended');
	}

	#fire(...types: string[]): void {
		queueMicrotask(() => {
			for (const type of types) this.dispatchEvent(new Event(type));
		});
	}
}
