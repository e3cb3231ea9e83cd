import fc from 'fast-check';

import { listCorpusFiles, readCorpusText } from '$lib/protocol/testing/reference';

const MESSAGE_TYPES = [
	'Play',
	'Playstate',
	'GeneralCommand',
	'ForceKeepAlive',
	'KeepAlive',
	'UserDataChanged',
	'LibraryChanged',
	'UserUpdated',
	'UserDeleted',
	'ServerRestarting',
	'ServerShuttingDown',
	'RestartRequired',
	'Sessions',
	'NotificationAdded'
];

/** Returns every corpus example that is a socket envelope, parsed. */
export function corpusEnvelopes(): Record<string, unknown>[] {
	return listCorpusFiles().flatMap((name) => {
		try {
			const value = JSON.parse(readCorpusText(name)) as unknown;
			const isEnvelope = typeof value === 'object' && value !== null && 'MessageType' in value;
			return isEnvelope ? [value as Record<string, unknown>] : [];
		} catch {
			return [];
		}
	});
}

/** Lists every path to a value inside a JSON document. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (typeof value !== 'object' || value === null) return [prefix];
	const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
	return [
		prefix,
		...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...prefix, key]))
	];
}

/** Replaces (or, for `undefined`, deletes) the value at `path` in a deep copy. */
function replaceAt(document: unknown, path: (string | number)[], replacement: unknown): unknown {
	if (path.length === 0) return replacement;
	const copy = structuredClone(document) as Record<string | number, unknown>;
	let parent = copy;
	for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
	const last = path[path.length - 1];
	if (replacement === undefined) delete parent[last];
	else parent[last] = replacement;
	return copy;
}

/** Builds a corpus example with up to three of its values replaced by random JSON or removed. */
export function mutatedCorpusFrame(examples: Record<string, unknown>[]): fc.Arbitrary<string> {
	const edit = fc.tuple(fc.nat(), fc.option(fc.jsonValue(), { nil: undefined }));
	return fc
		.tuple(fc.constantFrom(...examples), fc.array(edit, { maxLength: 3 }))
		.map(([example, edits]) => {
			let document: unknown = example;
			for (const [choice, replacement] of edits) {
				const paths = pathsOf(document);
				document = replaceAt(document, paths[choice % paths.length], replacement);
			}
			return JSON.stringify(document) ?? 'undefined';
		});
}

/** Random frames: text, JSON of any shape, envelopes of known types with random data, mutants. */
export function anyFrame(examples: Record<string, unknown>[]): fc.Arbitrary<string> {
	const envelope = fc
		.record({
			MessageType: fc.oneof(fc.constantFrom(...MESSAGE_TYPES), fc.string()),
			MessageId: fc.option(fc.string(), { nil: undefined }),
			Data: fc.jsonValue()
		})
		.map((value) => JSON.stringify(value));
	return fc.oneof(
		fc.string(),
		fc.jsonValue().map((value) => JSON.stringify(value)),
		envelope,
		mutatedCorpusFrame(examples)
	);
}
