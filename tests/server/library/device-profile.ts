import { field, isObject, type JsonObject } from '../core/json-input.ts';

/**
 * The parts of a posted `DeviceProfile` that decide how the server offers a file: which
 * containers and codecs the client plays directly, how it wants transcodes, and how it takes each
 * subtitle format. Names compare without case; an empty codec list accepts every codec, as in
 * Jellyfin's `DirectPlayProfile`.
 */
export interface DirectPlayRule {
	type: string;
	containers: string[];
	videoCodecs: string[];
	audioCodecs: string[];
}

export interface TranscodingRule {
	type: string;
	container: string;
	protocol: string;
	videoCodecs: string[];
	audioCodecs: string[];
}

export interface SubtitleRule {
	format: string;
	method: string;
}

export interface ProfileRules {
	directPlay: DirectPlayRule[];
	transcoding: TranscodingRule[];
	subtitles: SubtitleRule[];
}

function text(entry: JsonObject, name: string): string {
	const value = field(entry, name);
	return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

function list(entry: JsonObject, name: string): string[] {
	return text(entry, name)
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

function entries(profile: JsonObject, name: string): JsonObject[] {
	const value = field(profile, name);
	return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Reads `DeviceProfile` from a PlaybackInfo body; undefined when the client posted none. */
export function readDeviceProfile(body: JsonObject): ProfileRules | undefined {
	const profile = field(body, 'DeviceProfile');
	if (!isObject(profile)) return undefined;
	return {
		directPlay: entries(profile, 'DirectPlayProfiles').map((entry) => ({
			type: text(entry, 'Type'),
			containers: list(entry, 'Container'),
			videoCodecs: list(entry, 'VideoCodec'),
			audioCodecs: list(entry, 'AudioCodec')
		})),
		transcoding: entries(profile, 'TranscodingProfiles').map((entry) => ({
			type: text(entry, 'Type'),
			container: text(entry, 'Container'),
			protocol: text(entry, 'Protocol'),
			videoCodecs: list(entry, 'VideoCodec'),
			audioCodecs: list(entry, 'AudioCodec')
		})),
		subtitles: entries(profile, 'SubtitleProfiles').map((entry) => ({
			format: text(entry, 'Format'),
			method: text(entry, 'Method')
		}))
	};
}

/** True when `codec` is in `accepted`, or `accepted` is empty (any codec). */
export function acceptsCodec(accepted: string[], codec: string | undefined): boolean {
	return accepted.length === 0 || (codec !== undefined && accepted.includes(codec.toLowerCase()));
}
