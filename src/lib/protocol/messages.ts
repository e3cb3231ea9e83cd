/**
 * Socket frames from Jellyfin 10.8–10.11, Emby and legacy MediaBrowser servers. A frame is one JSON
 * document `{"MessageType", "MessageId"?, "Data"?}`. Property order varies between versions.
 */
import type * as z from 'zod/mini';
import { describeFirstIssue } from './issues';
import {
	ForceKeepAliveDataSchema,
	GeneralCommandSchema,
	LibraryUpdateInfoSchema,
	PlayRequestSchema,
	PlaystateRequestSchema,
	UserDataChangeInfoSchema,
	UserDeletedDataSchema,
	UserUpdateInfoSchema
} from './message-data';
import {
	OPAQUE_DATA_TYPES,
	type DataByMessageType,
	type InboundMessage,
	type OpaqueDataType,
	type ParsedFrame
} from './message-types';

export { PLAY_COMMANDS, PLAYSTATE_COMMANDS } from './message-types';
export type {
	GeneralCommand,
	InboundMessage,
	LibraryUpdateInfo,
	ParsedFrame,
	PlayCommand,
	PlayRequest,
	PlaystateCommand,
	PlaystateRequest,
	UserDataChangeInfo,
	UserUpdateInfo
} from './message-types';
export type { UserItemData } from './media-schemas';

export const KEEP_ALIVE_FRAME = '{"MessageType":"KeepAlive"}';

/**
 * Frames longer than this (1 MiB) are rejected before JSON parsing. It is Cue's own bound, not a
 * server limit: the largest message a player needs, a Play with 10,000 Jellyfin ids, is about
 * 340 KB.
 */
export const MAX_FRAME_CHARACTERS = 1024 * 1024;

/** Real message type names are under 40 characters, so a longer one is garbage and is not echoed. */
const MAX_MESSAGE_TYPE_CHARACTERS = 100;

const DATA_SCHEMAS: { [T in keyof DataByMessageType]: z.ZodMiniType<DataByMessageType[T]> } = {
	ForceKeepAlive: ForceKeepAliveDataSchema,
	Play: PlayRequestSchema,
	Playstate: PlaystateRequestSchema,
	GeneralCommand: GeneralCommandSchema,
	UserDataChanged: UserDataChangeInfoSchema,
	LibraryChanged: LibraryUpdateInfoSchema,
	UserDeleted: UserDeletedDataSchema,
	UserUpdated: UserUpdateInfoSchema
};

type HandledType = keyof DataByMessageType | OpaqueDataType | 'KeepAlive';

/** Handled message types by lower-case name, so a type in any case maps to its canonical spelling. */
const HANDLED_TYPES = new Map<string, HandledType>(
	[...Object.keys(DATA_SCHEMAS), ...OPAQUE_DATA_TYPES, 'KeepAlive'].map((type) => [
		type.toLowerCase(),
		type as HandledType
	])
);

interface Envelope {
	messageType: string;
	messageId?: string;
	data: unknown;
}

function describeJsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return `a ${typeof value}`;
}

function checkMessageType(value: unknown): string | undefined {
	if (value === undefined || value === null) return 'is missing';
	if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
	if (value.length > MAX_MESSAGE_TYPE_CHARACTERS) {
		return `is longer than ${MAX_MESSAGE_TYPE_CHARACTERS} characters`;
	}
	return undefined;
}

/** Reads the envelope of a frame, or returns why the frame is not one. */
function readEnvelope(text: unknown): Envelope | { reason: string } {
	if (typeof text !== 'string') return { reason: 'frame is not text' };
	if (text.length > MAX_FRAME_CHARACTERS) {
		return { reason: `frame is longer than ${MAX_FRAME_CHARACTERS} characters` };
	}

	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { reason: 'frame is not valid JSON' };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { reason: `frame is ${describeJsonType(value)}, expected a JSON object` };
	}

	const fields = value as Record<string, unknown>;
	const messageId =
		typeof fields.MessageId === 'string' && fields.MessageId !== '' ? fields.MessageId : undefined;
	const problem = checkMessageType(fields.MessageType);
	if (problem !== undefined) return { reason: `MessageType ${problem}`, ...idField(messageId) };
	return { messageType: fields.MessageType as string, messageId, data: fields.Data ?? undefined };
}

/** Returns `{ messageId }` for a frame that has one, so absent ids leave no key behind. */
function idField(messageId: string | undefined): { messageId?: string } {
	return messageId === undefined ? {} : { messageId };
}

function buildMessage(type: HandledType, envelope: Envelope): ParsedFrame {
	const messageIdField = envelope.messageId === undefined ? {} : { MessageId: envelope.messageId };
	if (type === 'KeepAlive') {
		return { kind: 'message', message: { MessageType: type, ...messageIdField } };
	}
	if (!(type in DATA_SCHEMAS)) {
		const dataField = envelope.data === undefined ? {} : { Data: envelope.data };
		const message = { MessageType: type as OpaqueDataType, ...messageIdField, ...dataField };
		return { kind: 'message', message };
	}

	const schema = DATA_SCHEMAS[type as keyof DataByMessageType];
	const result = schema.safeParse(envelope.data, { reportInput: true });
	if (!result.success) {
		const reason = describeFirstIssue(type, result.error, 'Data');
		return { kind: 'invalid', reason, messageType: type, ...idField(envelope.messageId) };
	}
	// The schema table ties each type to its Data type, which TypeScript cannot follow through the lookup.
	const message = { MessageType: type, ...messageIdField, Data: result.data } as InboundMessage;
	return { kind: 'message', message };
}

function readFrame(text: string): ParsedFrame {
	const envelope = readEnvelope(text);
	if ('reason' in envelope) return { kind: 'invalid', ...envelope };

	const type = HANDLED_TYPES.get(envelope.messageType.trim().toLowerCase());
	if (type !== undefined) return buildMessage(type, envelope);
	return { kind: 'unknown', messageType: envelope.messageType, ...idField(envelope.messageId) };
}

/**
 * Parses one socket text frame. Message types and enum values match in any case and come back in
 * canonical case. Never throws, whatever the input.
 */
export function parseFrame(text: string): ParsedFrame {
	try {
		return readFrame(text);
	} catch (error) {
		// Nothing above is meant to throw. This keeps the promise if a schema ever does.
		return { kind: 'invalid', reason: `frame could not be read: ${String(error).slice(0, 80)}` };
	}
}
