import { describe, expect, test } from 'vitest';

import { describeServer, detectServerKind } from './server-kind';

describe('detectServerKind', () => {
	const cases: [
		product: string | undefined,
		version: string | undefined,
		prefix: '' | '/emby' | '/mediabrowser',
		expected: string | undefined
	][] = [
		['Jellyfin Server', '10.8.10', '', 'jellyfin'],
		['Jellyfin Server', '10.11.11', '', 'jellyfin'],
		['Jellyfin Server', '12.0.0', '', 'jellyfin-12'],
		['Emby Server', '4.8.11.0', '/emby', 'emby'],
		[undefined, '4.8.11.0', '/emby', 'emby'],
		[undefined, '10.7.7', '', 'jellyfin'],
		[undefined, '12.1.0', '', 'jellyfin-12'],
		[undefined, '3.5.2.0', '/emby', 'emby'],
		[undefined, '3.0.5211.0', '/mediabrowser', 'mediabrowser'],
		['Plex Media Server', '1.40.0', '', undefined],
		[undefined, undefined, '', undefined],
		[undefined, 'not a version', '', undefined],
		[undefined, '2.0', '', undefined]
	];

	test.each(cases)('%s %s at %j is %s', (product, version, prefix, expected) => {
		expect(detectServerKind({ ProductName: product, Version: version }, prefix)).toBe(expected);
	});
});

describe('describeServer', () => {
	test('names the family and version', () => {
		expect(describeServer('jellyfin', { Version: '10.11.11' })).toBe('Jellyfin 10.11.11');
		expect(describeServer('emby', { Version: '4.8.11.0' })).toBe('Emby 4.8.11.0');
		expect(describeServer('mediabrowser', {})).toBe('MediaBrowser');
	});
});
