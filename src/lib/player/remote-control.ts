import { createLogger } from '$lib/log';
import type {
	GeneralCommand,
	InboundMessage,
	PlayRequest,
	PlaystateRequest
} from '$lib/protocol/messages';
import { tickOffsetToSeconds, ticksToSeconds } from '$lib/protocol/ticks';
import { commandLog, type CommandLogEntry } from '$lib/stores/command-log.svelte';
import { player } from '$lib/stores/player.svelte';
import type { ActionResult, EngineContext, PlaybackEngine } from './engine';
import { GENERAL_COMMAND_HANDLERS } from './general-commands';
import { FAST_FORWARD_SECONDS, REWIND_SECONDS } from './skip-steps';
import { addToQueue, playInstantMix, playNow, playShuffled } from './queue-commands';
import type { Transport } from './transport';
import { describeMessage } from './describe';

/**
 * How far past the item's end a Seek may aim and still count: the server's RunTimeTicks and the
 * element's duration differ a little. A farther target is a bad command and changes nothing.
 */
const SEEK_PAST_END_TOLERANCE_SECONDS = 10;

const log = createLogger('remote');

/**
 * Applies remote commands in the order they arrived. A Play waits for its items to be fetched,
 * and the commands after it wait their turn, so a Pause sent right after a Play pauses that Play.
 */
export class RemoteControl {
	#engine: PlaybackEngine;
	#transport: Transport;
	#context: EngineContext;
	#chain: Promise<void> = Promise.resolve();

	constructor(engine: PlaybackEngine, transport: Transport, context: EngineContext) {
		this.#engine = engine;
		this.#transport = transport;
		this.#context = context;
	}

	handle(message: InboundMessage): void {
		if (!commandLog.markSeen(message.MessageId)) {
			log.debug('dropping a repeated message', { messageId: message.MessageId });
			return;
		}
		const entry = commandLog.add({
			messageId: message.MessageId,
			messageType: message.MessageType,
			summary: describeMessage(message),
			outcome: 'pending'
		});
		this.#chain = this.#chain.then(() => this.#run(message, entry));
	}

	/** Resolves when every command received so far has been applied. */
	idle(): Promise<void> {
		return this.#chain;
	}

	async #run(message: InboundMessage, entry: CommandLogEntry): Promise<void> {
		try {
			const result = await this.#dispatch(message);
			if (result === 'applied') {
				commandLog.update(entry.id, 'applied');
			} else {
				commandLog.update(entry.id, 'ignored', result.ignored);
				const write = result.ignored.startsWith('invalid') ? log.warn : log.info;
				write(`${entry.summary}: ${result.ignored}`, { messageId: message.MessageId });
			}
			// Controllers see the effect of every command at once, not at the next 10 s report.
			this.#engine.reportProgress('timeupdate');
		} catch (error) {
			log.warn(`${message.MessageType} failed`, { messageId: message.MessageId, error });
			commandLog.update(entry.id, 'failed', (error as Error).message);
		}
	}

	#dispatch(message: InboundMessage): Promise<ActionResult> | ActionResult {
		switch (message.MessageType) {
			case 'Play':
				return this.#play(message.Data);
			case 'Playstate':
				return this.#playstate(message.Data);
			case 'GeneralCommand':
				return this.#generalCommand(message.Data);
			default:
				return { ignored: 'noted; Cue takes no action on this message yet' };
		}
	}

	#play(request: PlayRequest): Promise<ActionResult> {
		switch (request.PlayCommand) {
			case 'PlayNext':
				return addToQueue(this.#engine, this.#context, request.ItemIds, 'next');
			case 'PlayLast':
				return addToQueue(this.#engine, this.#context, request.ItemIds, 'last');
			case 'PlayNow':
				return playNow(this.#engine, this.#context, request);
			case 'PlayInstantMix':
				return playInstantMix(this.#engine, this.#context, request);
			case 'PlayShuffle':
				return playShuffled(this.#engine, this.#context, request);
		}
	}

	#playstate(request: PlaystateRequest): ActionResult {
		const transport = this.#transport;
		switch (request.Command) {
			case 'Stop':
				return transport.stop();
			case 'Pause':
				return transport.pause();
			case 'Unpause':
				return transport.unpause();
			case 'PlayPause':
				return transport.togglePlay();
			case 'NextTrack':
				return transport.next();
			case 'PreviousTrack':
				return transport.previous();
			case 'Seek':
				return this.#seekTo(request.SeekPositionTicks ?? 0);
			case 'Rewind':
				return transport.seekBy(-REWIND_SECONDS);
			case 'FastForward':
				return transport.seekBy(FAST_FORWARD_SECONDS);
			case 'SeekRelative':
				return this.#seekBy(request.SeekPositionTicks ?? 0);
			default:
				return { ignored: `${request.Command} is not supported` };
		}
	}

	/** Seek: an absolute position, rejected when negative or past the end of the item. */
	#seekTo(ticks: number): ActionResult {
		if (ticks < 0)
			return { ignored: `invalid SeekPositionTicks ${ticks}: a position is never negative` };
		return this.#seekWithinItem(ticksToSeconds(ticks), ticks);
	}

	/** Emby's SeekRelative: a signed offset; a target before the start plays from the start. */
	#seekBy(ticks: number): ActionResult {
		const target = Math.max(0, this.#engine.positionSeconds() + tickOffsetToSeconds(ticks));
		return this.#seekWithinItem(target, ticks);
	}

	#seekWithinItem(seconds: number, ticks: number): ActionResult {
		const length = player.durationSeconds;
		if (length > 0 && seconds > length + SEEK_PAST_END_TOLERANCE_SECONDS) {
			return {
				ignored: `invalid SeekPositionTicks ${ticks}: past the end of the item (${Math.round(length)} s)`
			};
		}
		return this.#transport.seek(seconds);
	}

	#generalCommand(command: GeneralCommand): Promise<ActionResult> | ActionResult {
		// An own-property check, so that names such as "constructor" or "__proto__" stay unknown.
		if (!Object.hasOwn(GENERAL_COMMAND_HANDLERS, command.Name)) {
			return { ignored: `${command.Name} is not supported` };
		}
		const handler = GENERAL_COMMAND_HANDLERS[command.Name as keyof typeof GENERAL_COMMAND_HANDLERS];
		return handler(command.Arguments, {
			engine: this.#engine,
			transport: this.#transport,
			context: this.#context
		});
	}
}
