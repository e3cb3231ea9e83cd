/**
 * Test-only access to the shared reference material (example messages and field-report inputs),
 * kept in ../shared/reference next to the repository checkout. Never import this from app code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** src/lib/protocol/testing → repository root → its parent folder. */
const REFERENCE_FOLDER = fileURLToPath(
	new URL('../../../../../shared/reference/', import.meta.url)
);

function requireFolder(name: string): string {
	const folder = `${REFERENCE_FOLDER}${name}`;
	if (!existsSync(folder)) {
		throw new Error(
			`Reference folder ${folder} is missing. These tests need the shared reference material ` +
				'checked out as ../shared/reference next to the repository.'
		);
	}
	return folder;
}

/** Names of the JSON files in the example-message corpus, sorted. */
export function listCorpusFiles(): string[] {
	const folder = requireFolder('corpus');
	return readdirSync(folder)
		.filter((name) => name.endsWith('.json'))
		.sort();
}

/** Raw text of one corpus file. */
export function readCorpusText(name: string): string {
	return readFileSync(`${requireFolder('corpus')}/${name}`, 'utf8');
}

export interface FieldInputStep {
	dir: 'server->client' | 'client->server' | 'http';
	payload: Record<string, unknown>;
}

export interface FieldInput {
	id: string;
	steps: FieldInputStep[];
	expect: string;
}

/** Reads one field-report input by its file name without extension, e.g. "B19". */
export function readFieldInput(fileStem: string): FieldInput {
	const text = readFileSync(`${requireFolder('field-inputs')}/${fileStem}.json`, 'utf8');
	return JSON.parse(text) as FieldInput;
}

/** Returns the socket frames a field input has the server send, as the text the client receives. */
export function serverFrames(input: FieldInput): string[] {
	return input.steps
		.filter((step) => step.dir === 'server->client' && 'MessageType' in step.payload)
		.map((step) => JSON.stringify(step.payload));
}
