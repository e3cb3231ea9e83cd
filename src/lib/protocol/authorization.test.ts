import { describe, expect, test } from 'vitest';
import { buildAuthorizationHeader, describeDevice, type ClientIdentity } from './authorization';

const identity: ClientIdentity = {
	client: 'Cue',
	device: 'Chrome on Linux',
	deviceId: 'fake-device-0001',
	version: '0.1.0'
};

describe('buildAuthorizationHeader', () => {
	test('exact format without a token', () => {
		expect(buildAuthorizationHeader(identity)).toBe(
			'MediaBrowser Client="Cue", Device="Chrome%20on%20Linux", DeviceId="fake-device-0001", Version="0.1.0"'
		);
	});

	test('appends the token last', () => {
		expect(buildAuthorizationHeader(identity, 'fake0token000000000000000000000a')).toBe(
			'MediaBrowser Client="Cue", Device="Chrome%20on%20Linux", DeviceId="fake-device-0001", ' +
				'Version="0.1.0", Token="fake0token000000000000000000000a"'
		);
	});

	test('empty token is left out', () => {
		expect(buildAuthorizationHeader(identity, '')).not.toContain('Token=');
	});

	test('encodes commas, quotes, plus and unicode', () => {
		const header = buildAuthorizationHeader({
			...identity,
			device: 'Kitchen, "big" TV + Ünïcødé 📺'
		});
		const device = /Device="([^"]*)"/.exec(header)?.[1];

		expect(device).toBe(
			'Kitchen%2C%20%22big%22%20TV%20%2B%20%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20%F0%9F%93%BA'
		);
		expect(decodeURIComponent(device ?? '')).toBe('Kitchen, "big" TV + Ünïcødé 📺');
	});

	test('header splits into exactly five pairs', () => {
		const header = buildAuthorizationHeader({ ...identity, device: 'a, b="c"' }, 't');
		const pairs = header.replace(/^MediaBrowser /, '').split(', ');
		expect(pairs.map((pair) => pair.split('=')[0])).toEqual([
			'Client',
			'Device',
			'DeviceId',
			'Version',
			'Token'
		]);
	});
});

describe('describeDevice', () => {
	const agents: [userAgent: string, expected: string][] = [
		[
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
			'Chrome on Linux'
		],
		[
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
			'Chrome on Linux'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
			'Firefox on Windows'
		],
		[
			'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
			'Safari on iPad'
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
			'Chrome on iPhone'
		],
		[
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
			'Safari on macOS'
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68',
			'Edge on Windows'
		],
		[
			'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
			'Chrome on Android'
		],
		[
			'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
			'Samsung Internet on Android'
		],
		[
			'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
			'Chrome on ChromeOS'
		],
		[
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0',
			'Opera on Linux'
		],
		['SomeBot/1.0 (Windows NT 10.0)', 'Web browser on Windows'],
		['curl/8.5.0', 'Web browser'],
		['', 'Web browser']
	];

	test.each(agents)('%s', (userAgent, expected) => {
		expect(describeDevice(userAgent)).toBe(expected);
	});
});
