import {
	readChoiceArgument,
	readIntegerArgument,
	readStringArgument,
	type EmbyOnlyCommand,
	type SupportedCommand
} from '$lib/protocol/commands';
import { REPEAT_MODES } from '$lib/protocol/checkin';
import { readWireNumber } from '$lib/protocol/fields';
import { messages } from '$lib/stores/messages.svelte';
import { notifications } from '$lib/stores/notifications.svelte';
import { player } from '$lib/stores/player.svelte';
import { view } from '$lib/stores/view.svelte';
import type { CommandHandler } from './command-handler';
import { EMBY_COMMAND_HANDLERS } from './emby-commands';
import type { ActionResult, EngineContext } from './engine';
import { toggleFullscreen } from './fullscreen';
import { playNow } from './queue-commands';

export type { CommandTools } from './command-handler';

type Arguments = Record<string, string>;
type Handler = CommandHandler;

const VOLUME_STEP = 0.05;
/** Highest media stream Index accepted in arguments, far above what a real file has. */
const MAX_STREAM_INDEX = 10_000;
const MAX_MESSAGE_TIMEOUT_MS = 24 * 60 * 60 * 1000;

function invalid(name: string, args: Arguments): ActionResult {
	return { ignored: `invalid ${name} "${args[name] ?? ''}"` };
}

/** Handlers of the commands Cue advertises to every server. */
const SHARED_COMMAND_HANDLERS: Record<SupportedCommand, Handler> = {
	SetVolume: (args, { transport }) => {
		const volume = readIntegerArgument(args, 'Volume', 0, 100);
		return volume === undefined ? invalid('Volume', args) : transport.setVolume(volume / 100);
	},
	VolumeUp: (_, { transport }) => transport.setVolume(player.volume + VOLUME_STEP),
	VolumeDown: (_, { transport }) => transport.setVolume(player.volume - VOLUME_STEP),
	Mute: (_, { transport }) => transport.setMuted(true),
	Unmute: (_, { transport }) => transport.setMuted(false),
	ToggleMute: (_, { transport }) => transport.setMuted(!player.muted),
	SetAudioStreamIndex: (args, { transport }) => {
		const index = readIntegerArgument(args, 'Index', 0, MAX_STREAM_INDEX);
		return index === undefined ? invalid('Index', args) : transport.selectAudioStream(index);
	},
	SetSubtitleStreamIndex: (args, { transport }) => {
		// -1 turns subtitles off.
		const index = readIntegerArgument(args, 'Index', -1, MAX_STREAM_INDEX);
		return index === undefined ? invalid('Index', args) : transport.selectSubtitleStream(index);
	},
	DisplayMessage: (args) => {
		const text = readStringArgument(args, 'Text');
		const header = readStringArgument(args, 'Header');
		if (!text && !header) return { ignored: 'DisplayMessage without Header or Text' };
		const timeoutMs = readIntegerArgument(args, 'TimeoutMs', 1, MAX_MESSAGE_TIMEOUT_MS);
		messages.show(header ?? 'Message', text ?? '', timeoutMs);
		// The toast goes away; the notification panel keeps the message for later reading.
		notifications.add({ kind: 'message', title: header ?? 'Message', text: text ?? '' });
		return 'applied';
	},
	SetRepeatMode: (args, { transport }) => {
		const mode = readChoiceArgument(args, 'RepeatMode', REPEAT_MODES);
		return mode ? transport.setRepeatMode(mode) : invalid('RepeatMode', args);
	},
	SetShuffleQueue: (args, { transport }) => {
		const mode = readChoiceArgument(args, 'ShuffleMode', ['Sorted', 'Shuffle'] as const);
		return mode ? transport.setShuffle(mode === 'Shuffle') : invalid('ShuffleMode', args);
	},
	ToggleFullscreen: async (): Promise<ActionResult> => {
		await toggleFullscreen();
		return 'applied';
	},
	SetMaxStreamingBitrate: (args) => {
		const bitrate = readIntegerArgument(args, 'Bitrate', 1, Number.MAX_SAFE_INTEGER);
		if (bitrate === undefined) return invalid('Bitrate', args);
		player.maxStreamingBitrate = bitrate;
		return 'applied';
	},
	PlayMediaSource: (args, { engine, context }) => {
		const itemId = readStringArgument(args, 'ItemId');
		if (!itemId) return invalid('ItemId', args);
		return playNow(engine, context, {
			ItemIds: [itemId],
			PlayCommand: 'PlayNow',
			MediaSourceId: readStringArgument(args, 'MediaSourceId'),
			AudioStreamIndex: readIntegerArgument(args, 'AudioStreamIndex', 0, MAX_STREAM_INDEX),
			SubtitleStreamIndex: readIntegerArgument(args, 'SubtitleStreamIndex', -1, MAX_STREAM_INDEX),
			StartPositionTicks: readWireNumber(args.StartPositionTicks)
		});
	},
	DisplayContent: (args, { context }) => showInfoCard(args, context),
	GoHome: () => {
		view.home();
		return 'applied';
	},
	Back: () => (view.back() ? 'applied' : { ignored: 'nothing to go back from' })
};

/**
 * The handler of every GeneralCommand Cue advertises to some server. The type requires exactly one
 * handler per advertised name, so the capabilities never list a command Cue ignores.
 */
export const GENERAL_COMMAND_HANDLERS: Record<SupportedCommand | EmbyOnlyCommand, Handler> = {
	...SHARED_COMMAND_HANDLERS,
	...EMBY_COMMAND_HANDLERS
};

/** DisplayContent: shows an information card for the item, fetched from the server. */
async function showInfoCard(args: Arguments, context: EngineContext): Promise<ActionResult> {
	const itemId = readStringArgument(args, 'ItemId');
	if (!itemId) return invalid('ItemId', args);
	const api = context.api();
	const userId = context.userId();
	const [item] = api && userId ? await api.getItems(userId, [itemId]) : [];
	view.infoCard = item ?? {
		Id: itemId,
		Name: readStringArgument(args, 'ItemName') ?? 'Unknown item',
		Type: readStringArgument(args, 'ItemType')
	};
	return 'applied';
}
