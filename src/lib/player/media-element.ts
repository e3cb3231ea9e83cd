/** The outcome of a call to `play()`. */
export type PlayAttempt = 'started' | 'blocked' | 'interrupted' | 'failed';

/** Creates the one media element Cue plays everything through. Audio plays in it too. */
export function createMediaElement(): HTMLVideoElement {
	const media = document.createElement('video');
	media.preload = 'auto';
	media.playsInline = true;
	media.crossOrigin = null;
	media.className = 'media-element';
	media.setAttribute('aria-label', 'Now playing');
	return media;
}

/**
 * Calls `play()` and classifies the outcome. Browsers reject with NotAllowedError when no user
 * gesture allowed sound, and with AbortError when a pause or a new source interrupted the call.
 */
export async function attemptPlay(media: HTMLMediaElement): Promise<PlayAttempt> {
	try {
		await media.play();
		return 'started';
	} catch (error) {
		const name = error instanceof DOMException ? error.name : '';
		if (name === 'NotAllowedError') return 'blocked';
		if (name === 'AbortError') return 'interrupted';
		return 'failed';
	}
}

// 0.1 s of 8 kHz 8-bit mono silence as a WAV file, built once.
function silentWavUrl(): string {
	const samples = 800;
	const bytes = new Uint8Array(44 + samples);
	const view = new DataView(bytes.buffer);
	const ascii = (offset: number, text: string) =>
		[...text].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
	ascii(0, 'RIFF');
	view.setUint32(4, 36 + samples, true);
	ascii(8, 'WAVEfmt ');
	view.setUint32(16, 16, true);
	view.setUint16(20, 1, true);
	view.setUint16(22, 1, true);
	view.setUint32(24, 8000, true);
	view.setUint32(28, 8000, true);
	view.setUint16(32, 1, true);
	view.setUint16(34, 8, true);
	ascii(36, 'data');
	view.setUint32(40, samples, true);
	bytes.fill(128, 44);
	return `data:audio/wav;base64,${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * Plays a moment of silence inside a user gesture. Chromium then lets the page start sound later
 * without a gesture, and Safari unlocks this element for good.
 */
export async function unlockPlayback(media: HTMLMediaElement): Promise<boolean> {
	if (media.currentSrc && !media.paused) return true;
	const hadSource = Boolean(media.getAttribute('src'));
	if (!hadSource) media.src = silentWavUrl();
	const outcome = await attemptPlay(media);
	if (!hadSource) {
		media.pause();
		media.removeAttribute('src');
		media.load();
	}
	return outcome === 'started' || outcome === 'interrupted';
}
