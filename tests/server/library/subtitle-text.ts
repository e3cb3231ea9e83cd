/**
 * Turns a sidecar subtitle file into the WebVTT that `Stream.vtt` returns: SubRip becomes WebVTT,
 * and every cue moves `startSeconds` earlier, as Jellyfin shifts cues for a stream that starts
 * later in the item. Cues that end before that point are dropped.
 */
const TIMING = /^(\S+) --> (\S+)(.*)$/;

function parseTimestamp(text: string): number {
	const parts = text.replace(',', '.').split(':').map(Number);
	return parts.reduce((total, part) => total * 60 + part, 0);
}

function formatTimestamp(seconds: number): string {
	const millis = Math.round(Math.max(0, seconds) * 1000);
	const hours = Math.floor(millis / 3_600_000);
	const minutes = Math.floor(millis / 60_000) % 60;
	const rest = (millis % 60_000) / 1000;
	const pad = (value: number, width: number) => value.toFixed(0).padStart(width, '0');
	return `${pad(hours, 2)}:${pad(minutes, 2)}:${rest.toFixed(3).padStart(6, '0')}`;
}

function shiftCue(block: string, startSeconds: number): string | undefined {
	const lines = block.split('\n');
	const timingAt = lines.findIndex((line) => TIMING.test(line));
	if (timingAt === -1) return undefined;
	const [, from, to, settings] = TIMING.exec(lines[timingAt]!)!;
	const end = parseTimestamp(to!) - startSeconds;
	if (end <= 0) return undefined;
	const start = parseTimestamp(from!) - startSeconds;
	const timing = `${formatTimestamp(start)} --> ${formatTimestamp(end)}${settings}`;
	return [timing, ...lines.slice(timingAt + 1)].join('\n');
}

export function toWebVtt(text: string, startSeconds = 0): string {
	const blocks = text
		.replace(/\r\n/g, '\n')
		.trim()
		.split(/\n{2,}/);
	const cues = blocks.flatMap((block) => shiftCue(block, startSeconds) ?? []);
	return ['WEBVTT', ...cues].join('\n\n') + '\n';
}
