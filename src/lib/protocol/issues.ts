/**
 * Short, readable reasons for zod validation failures. The schemas in this folder set their own
 * messages as verb phrases ("must be an integer"), so a reason reads "ItemIds[0] must be a string".
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const ARTICLE_BY_TYPE: Record<string, string> = {
	array: 'an array',
	object: 'an object',
	string: 'a string',
	number: 'a number',
	int: 'an integer',
	boolean: 'a boolean',
	record: 'an object'
};

/** Formats an issue path the way the fields are written in JavaScript: `Data.ItemIds[0]`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') text += `[${key}]`;
		else text += text === '' ? String(key) : `.${String(key)}`;
	}
	return text;
}

/** Messages set by the schemas in this folder. Anything else is zod's generic text. */
const OWN_MESSAGE = /^(must|has|is) /;

function describeProblem(issue: Issue): string {
	const isTypeProblem = issue.code === 'invalid_type' || issue.code === 'invalid_union';
	if (isTypeProblem && (issue.input === undefined || issue.input === null)) return 'is missing';
	if (OWN_MESSAGE.test(issue.message)) return issue.message;

	if (issue.code === 'invalid_type') {
		return `must be ${ARTICLE_BY_TYPE[issue.expected] ?? issue.expected}`;
	}
	if (issue.code === 'too_small' && (issue.origin === 'array' || issue.origin === 'string')) {
		return 'must not be empty';
	}
	return 'is invalid';
}

/**
 * Describes the first issue of a failed parse as "subject: path problem", for example
 * "Play: ItemIds[0] must be a string". An issue on the value itself is named `rootName`.
 * Parse with `{ reportInput: true }` so that a missing field reads "is missing".
 */
export function describeFirstIssue(
	subject: string,
	error: z.core.$ZodError,
	rootName = 'value'
): string {
	const issue = error.issues[0];
	if (issue === undefined) return `${subject}: ${rootName} is invalid`;

	const path = formatIssuePath(issue.path);
	return `${subject}: ${path === '' ? rootName : path} ${describeProblem(issue)}`;
}
