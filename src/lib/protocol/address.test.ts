import { describe, expect, test } from 'vitest';
import { normaliseServerAddress } from './address';

describe('normaliseServerAddress', () => {
	const accepted: [input: string, expected: string][] = [
		['jf.local:8096/', 'http://jf.local:8096'],
		['jf.local:8096', 'http://jf.local:8096'],
		['http://jf.local:8096', 'http://jf.local:8096'],
		['http://jf.local:8096///', 'http://jf.local:8096'],
		['  http://jf.local:8096/  ', 'http://jf.local:8096'],
		['\tjf.local\n', 'http://jf.local'],
		['https://media.example.org', 'https://media.example.org'],
		['HTTPS://Media.Example.org/', 'https://media.example.org'],
		['https://example.org/jellyfin/', 'https://example.org/jellyfin'],
		['example.org:8920/jellyfin', 'http://example.org:8920/jellyfin'],
		['http://example.org/emby/', 'http://example.org/emby'],
		['http://jf.local:8096/jellyfin/?foo=1#/home', 'http://jf.local:8096/jellyfin'],
		['http://jf.local:8096?x=y', 'http://jf.local:8096'],
		['192.168.1.20:8096', 'http://192.168.1.20:8096'],
		['localhost:8096', 'http://localhost:8096'],
		['[::1]:8096', 'http://[::1]:8096'],
		['http://[::1]:8096/', 'http://[::1]:8096'],
		['https://[2001:db8::5]/jf', 'https://[2001:db8::5]/jf'],
		['http://jf.local:8096/web/#/home', 'http://jf.local:8096'],
		['http://jf.local:8096/web/index.html#!/home.html', 'http://jf.local:8096'],
		['https://example.org/jellyfin/web/', 'https://example.org/jellyfin'],
		['https://example.org/website', 'https://example.org/website']
	];

	test.each(accepted)('accepts %j', (input, expected) => {
		expect(normaliseServerAddress(input)).toEqual({ ok: true, url: expected });
	});

	const rejected: [input: string, errorPart: string][] = [
		['', 'empty'],
		['   ', 'empty'],
		['ftp://jf.local', 'Unsupported scheme "ftp:"'],
		['javascript:alert(1)', 'Unsupported scheme "javascript:"'],
		['file:///etc/passwd', 'Unsupported scheme "file:"'],
		['ws://jf.local:8096', 'Unsupported scheme "ws:"'],
		['jf local:8096', 'not a valid server address'],
		['http://', 'not a valid server address'],
		['http://alice:secret@jf.local', 'user name and password']
	];

	test.each(rejected)('rejects %j', (input, errorPart) => {
		const result = normaliseServerAddress(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toContain(errorPart);
	});

	test('rejection names http and https as the fix', () => {
		const result = normaliseServerAddress('ftp://jf.local');
		expect(result).toEqual({
			ok: false,
			error: 'Unsupported scheme "ftp:" in the server address. Use http:// or https://.'
		});
	});

	test('long invalid input is shortened in the error', () => {
		const result = normaliseServerAddress(`a b${'x'.repeat(500)}`);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.length).toBeLessThan(120);
	});
});
