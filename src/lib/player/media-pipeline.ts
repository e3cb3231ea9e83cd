/**
 * The parts of playback that Cue loads with a dynamic import on the first play, so the initial
 * bundle carries no codec tables, DeviceProfile builder, HLS or subtitle code.
 */
import { buildDeviceProfile } from './device-profile';
import type { PlaybackCapabilities } from './loader';

export { fetchPlaybackInfo, resolveMedia } from './loader';
export { MediaAttachment } from './media-attach';

/** Finds out what the browser plays, through the media element's canPlayType. */
export function probeCapabilities(media: HTMLMediaElement): PlaybackCapabilities {
	const canPlayType = (type: string) => media.canPlayType(type);
	return { canPlayType, profile: buildDeviceProfile(canPlayType) };
}
