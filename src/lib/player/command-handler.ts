import type { ActionResult, EngineContext, PlaybackEngine } from './engine';
import type { Transport } from './transport';

/** The engine, transport and context a GeneralCommand handler works with. */
export interface CommandTools {
	engine: PlaybackEngine;
	transport: Transport;
	context: EngineContext;
}

/** Obeys one GeneralCommand, given its string `Arguments`. */
export type CommandHandler = (
	args: Record<string, string>,
	tools: CommandTools
) => ActionResult | Promise<ActionResult>;
