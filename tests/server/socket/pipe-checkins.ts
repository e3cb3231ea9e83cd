import type { JsonObject } from '../core/json-input.ts';

type FieldKind = 'string' | 'boolean' | 'integer';

/**
 * The fields of MediaBrowser 3's pipe-delimited check-ins, in order, as the 2014 session
 * listener split them. Only the start and progress layouts are documented.
 * NOTE: the stop layout (`itemId|positionTicks|mediaSourceId`) is inferred, not confirmed.
 */
const PIPE_LAYOUTS: Record<string, [string, FieldKind][]> = {
	PlaybackStart: [
		['ItemId', 'string'],
		['CanSeek', 'boolean'],
		['QueueableMediaTypes', 'string'],
		['MediaSourceId', 'string'],
		['AudioStreamIndex', 'integer'],
		['SubtitleStreamIndex', 'integer']
	],
	PlaybackProgress: [
		['ItemId', 'string'],
		['PositionTicks', 'integer'],
		['IsPaused', 'boolean'],
		['IsMuted', 'boolean'],
		['MediaSourceId', 'string'],
		['VolumeLevel', 'integer'],
		['AudioStreamIndex', 'integer'],
		['SubtitleStreamIndex', 'integer']
	],
	PlaybackStopped: [
		['ItemId', 'string'],
		['PositionTicks', 'integer'],
		['MediaSourceId', 'string']
	]
};

function convert(name: string, kind: FieldKind, text: string): string | boolean | number {
	if (kind === 'string') return text;
	if (kind === 'boolean') {
		if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
		throw new Error(`${name} "${text}" is not a boolean.`);
	}
	if (/^-?\d+$/.test(text)) return Number(text);
	throw new Error(`${name} "${text}" is not an integer.`);
}

/**
 * Turns the Data of a pipe-delimited check-in (e.g. `PlaybackProgress` with
 * `itemId|positionTicks|isPaused|isMuted|mediaSourceId|volume|audioIdx|subtitleIdx`) into the
 * check-in body the JSON forms carry. Missing and empty parts are left out.
 */
export function pipeCheckInBody(type: string, data: unknown): JsonObject {
	const layout = PIPE_LAYOUTS[type];
	if (layout === undefined) throw new Error(`${type} has no pipe layout.`);
	if (typeof data !== 'string') throw new Error(`${type} Data is not a string.`);
	const parts = data.split('|');
	const body: JsonObject = {};
	layout.forEach(([name, kind], index) => {
		const text = parts[index]?.trim() ?? '';
		if (text !== '') body[name] = convert(name, kind, text);
	});
	return body;
}
