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

/**
 * How long a command applied at once waits before it records its outcome and, when no media
 * event has reported the new state by then, reports it itself. A buffered seek takes a few
 * milliseconds, and a check-in sent during it would compete with it for the processor.
 */
const FOLLOW_UP_DELAY_MS = 50;

const log = createLogger('remote');

/**
 * Applies remote commands in the order they arrived. A Play waits for its items to be fetched,
 * and the commands after it wait their turn, so a Pause sent right after a Play pauses that Play.
 * With nothing waiting, a command is applied in the task that received it. Its media event
 * sends the check-in, and the rest (its outcome in the log, a check-in when no event sent one)
 * follows 50 ms later.
 */
export class RemoteControl {
	#engine: PlaybackEngine;
	#transport: Transport;
	#context: EngineContext;
	#chain: Promise<void> = Promise.resolve();
	/** Commands waiting in `#chain` or still running there. */
	#waiting = 0;
	/** Follow-ups of commands applied at once, run together after FOLLOW_UP_DELAY_MS. */
	#followUps: (() => void)[] = [];
	#followUpTimer: ReturnType<typeof setTimeout> | undefined;

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
		if (this.#waiting === 0) {
			this.#applyNow(message, entry);
			return;
		}
		this.#waiting++;
		this.#chain = this.#chain.then(() => this.#run(message, entry)).finally(() => this.#waiting--);
	}

	/** Resolves when every command received so far has been applied. */
	idle(): Promise<void> {
		return this.#chain;
	}

	/** Runs the waiting follow-ups now; tests call it instead of waiting for the delay. */
	runFollowUps(): void {
		clearTimeout(this.#followUpTimer);
		this.#followUpTimer = undefined;
		const followUps = this.#followUps;
		this.#followUps = [];
		for (const followUp of followUps) followUp();
	}

	/**
	 * Applies a command while no other is waiting. One that has to wait for the server (a Play, a
	 * stream change) becomes the command the next ones wait for.
	 */
	#applyNow(message: InboundMessage, entry: CommandLogEntry): void {
		let result: Promise<ActionResult> | ActionResult;
		try {
			result = this.#dispatch(message);
		} catch (error) {
			this.#fail(message, entry, error);
			return;
		}
		if (result instanceof Promise) {
			this.#waiting++;
			this.#chain = result
				.then(
					(settled) => this.#finish(message, entry, settled),
					(error: unknown) => this.#fail(message, entry, error)
				)
				.finally(() => this.#waiting--);
			return;
		}
		const reportsBefore = this.#engine.reportCount();
		this.#followUps.push(() => this.#finish(message, entry, result, reportsBefore));
		this.#followUpTimer ??= setTimeout(() => this.runFollowUps(), FOLLOW_UP_DELAY_MS);
	}

	async #run(message: InboundMessage, entry: CommandLogEntry): Promise<void> {
		try {
			this.#finish(message, entry, await this.#dispatch(message));
		} catch (error) {
			this.#fail(message, entry, error);
		}
	}

	/**
	 * Records the outcome, then reports the new state at once (controllers see the effect of every
	 * command, not at the next 10 s report), unless a media event has reported it since
	 * `reportsBefore`.
	 */
	#finish(
		message: InboundMessage,
		entry: CommandLogEntry,
		result: ActionResult,
		reportsBefore?: number
	): void {
		if (result === 'applied') {
			commandLog.update(entry.id, 'applied');
		} else {
			commandLog.update(entry.id, 'ignored', result.ignored);
			const write = result.ignored.startsWith('invalid') ? log.warn : log.info;
			write(`${entry.summary}: ${result.ignored}`, { messageId: message.MessageId });
		}
		if (reportsBefore === undefined || this.#engine.reportCount() === reportsBefore) {
			this.#engine.reportProgress('timeupdate');
		}
	}

	#fail(message: InboundMessage, entry: CommandLogEntry, error: unknown): void {
		log.warn(`${message.MessageType} failed`, { messageId: message.MessageId, error });
		commandLog.update(entry.id, 'failed', (error as Error).message);
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
