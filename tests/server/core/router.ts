import type { IncomingMessage, ServerResponse } from 'node:http';

import type { AuthInfo } from '../auth/authenticate.ts';
import type { ServerState } from '../state.ts';
import type { QueryParams } from './query.ts';

/** What a route handler gets for one request. */
export interface RequestContext {
	state: ServerState;
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	path: string;
	query: QueryParams;
	params: Record<string, string>;
	auth: AuthInfo;
	bodyText: string;
	remoteAddress: string;
}

export type RouteHandler = (ctx: RequestContext) => void | Promise<void>;

export interface Route {
	methods: readonly string[];
	/** Path template such as `/Sessions/{sessionId}/Playing/{command}`; literals match any case. */
	pattern: string;
	/** True for `[Authorize]` endpoints, which return 401 without valid credentials. */
	auth: boolean;
	handler: RouteHandler;
}

interface CompiledRoute extends Route {
	segments: RegExp[];
	literalCount: number;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'method-not-allowed' }
	| { kind: 'not-found' };

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileSegment(segment: string): RegExp {
	const source = segment
		.split(/(\{[A-Za-z]+\})/)
		.map((part) =>
			/^\{[A-Za-z]+\}$/.test(part) ? `(?<${part.slice(1, -1)}>.+?)` : escapeRegExp(part)
		)
		.join('');
	return new RegExp(`^${source}$`, 'i');
}

/** Matches request paths against route templates, literal segments before parameters. */
export class Router {
	private readonly routes: CompiledRoute[] = [];

	add(...routes: Route[]): void {
		for (const route of routes) {
			const parts = route.pattern.split('/').filter((part) => part !== '');
			this.routes.push({
				...route,
				segments: parts.map(compileSegment),
				literalCount: parts.filter((part) => !part.includes('{')).length
			});
		}
		this.routes.sort((a, b) => b.literalCount - a.literalCount);
	}

	match(method: string, path: string): RouteMatch {
		const parts = path.split('/').filter((part) => part !== '');
		let pathMatched = false;
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (params === undefined) continue;
			pathMatched = true;
			if (route.methods.includes(method)) return { kind: 'found', route, params };
		}
		return { kind: pathMatched ? 'method-not-allowed' : 'not-found' };
	}
}

function matchSegments(segments: RegExp[], parts: string[]): Record<string, string> | undefined {
	if (segments.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (const [index, segment] of segments.entries()) {
		const result = segment.exec(parts[index] ?? '');
		if (result === null) return undefined;
		for (const [name, value] of Object.entries(result.groups ?? {})) {
			params[name] = safeDecode(value);
		}
	}
	return params;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Returns a route of the control API: under `/__test`, without authentication. */
export function testRoute(method: string, pattern: string, handler: Route['handler']): Route {
	return { methods: [method], pattern: `/__test${pattern}`, auth: false, handler };
}
