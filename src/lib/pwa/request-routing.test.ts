import { describe, expect, it } from 'vitest';

import { chooseResponseSource, type RoutedRequest } from './request-routing';

const ORIGIN = 'http://127.0.0.1:4173';
const PRECACHED = new Set(['/_app/immutable/entry/start.abc.js', '/manifest.webmanifest']);

function route(overrides: Partial<RoutedRequest>) {
	const request: RoutedRequest = { method: 'GET', mode: 'cors', url: `${ORIGIN}/`, ...overrides };
	return chooseResponseSource(request, ORIGIN, PRECACHED);
}

describe('chooseResponseSource', () => {
	it('serves the shell for same-origin navigations', () => {
		expect(route({ mode: 'navigate', url: `${ORIGIN}/` })).toBe('shell');
		expect(route({ mode: 'navigate', url: `${ORIGIN}/?debug` })).toBe('shell');
		expect(route({ mode: 'navigate', url: `${ORIGIN}/some/deep/link` })).toBe('shell');
	});

	it('serves precached files by path', () => {
		expect(route({ url: `${ORIGIN}/_app/immutable/entry/start.abc.js` })).toBe('precached');
		expect(route({ mode: 'navigate', url: `${ORIGIN}/manifest.webmanifest` })).toBe('precached');
	});

	it('leaves other same-origin requests to the network', () => {
		expect(route({ url: `${ORIGIN}/_app/version.json` })).toBe('network');
		expect(route({ url: `${ORIGIN}/Items/abc/Images/Primary` })).toBe('network');
	});

	it('never answers cross-origin requests', () => {
		const server = 'http://127.0.0.1:8097';
		expect(route({ url: `${server}/Items/abc/Images/Primary?tag=1` })).toBe('network');
		expect(route({ url: `${server}/Audio/abc/stream?Static=true` })).toBe('network');
		expect(route({ mode: 'navigate', url: `${server}/web/` })).toBe('network');
		expect(route({ url: `http://127.0.0.1:4174/manifest.webmanifest` })).toBe('network');
	});

	it('leaves requests other than GET to the network', () => {
		expect(route({ method: 'POST', mode: 'navigate' })).toBe('network');
		expect(route({ method: 'HEAD', url: `${ORIGIN}/manifest.webmanifest` })).toBe('network');
	});
});
