import { describe, expect, it } from 'vitest';

import { buildIdentityFrame, buildSocketUrl } from './socket-address';

const TOKEN = 't'.repeat(32);

describe('buildSocketUrl', () => {
	it('puts ApiKey and deviceId on /socket for Jellyfin', () => {
		const url = buildSocketUrl({
			kind: 'jellyfin-12',
			baseUrl: 'https://media.example/jellyfin',
			token: TOKEN,
			deviceId: 'device-1'
		});
		expect(url).toBe(`wss://media.example/jellyfin/socket?ApiKey=${TOKEN}&deviceId=device-1`);
	});

	it('opens /embywebsocket beside the /emby API', () => {
		const url = buildSocketUrl({
			kind: 'emby',
			baseUrl: 'http://192.168.1.5:8096/emby',
			token: TOKEN,
			deviceId: 'device-1'
		});
		expect(url).toBe(`ws://192.168.1.5:8096/embywebsocket?api_key=${TOKEN}&deviceId=device-1`);
	});

	it('keeps a base path in front of the Emby socket', () => {
		const url = buildSocketUrl({
			kind: 'emby',
			baseUrl: 'https://home.example/media/emby',
			token: TOKEN,
			deviceId: 'd'
		});
		expect(url).toBe(`wss://home.example/media/embywebsocket?api_key=${TOKEN}&deviceId=d`);
	});

	it('uses the MediaBrowser socket port without a token', () => {
		const url = buildSocketUrl({
			kind: 'mediabrowser',
			baseUrl: 'http://[::1]:8096/mediabrowser',
			token: TOKEN,
			deviceId: 'd',
			legacySocketPort: 8945
		});
		expect(url).toBe('ws://[::1]:8945/mediabrowser');
	});
});

describe('buildIdentityFrame', () => {
	it('joins client, DeviceId, version and name with pipes', () => {
		const frame = buildIdentityFrame({
			client: 'Cue',
			device: 'Hall | tablet',
			deviceId: 'device-1',
			version: '0.1.0'
		});
		expect(JSON.parse(frame)).toEqual({
			MessageType: 'Identity',
			Data: 'Cue|device-1|0.1.0|Hall   tablet'
		});
	});
});
