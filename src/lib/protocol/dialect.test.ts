import { describe, expect, it } from 'vitest';

import { EMBY_ONLY_COMMANDS, GENERAL_COMMAND_TYPES } from './commands';
import { eventNameFor, type CheckInEvent } from './checkin-events';
import { advertisedCommands, authorizationHeaders, dialectFor, loginBody } from './dialect';
import { sha1Hex } from './sha1';

const IDENTITY = { client: 'Cue', device: 'Hall tablet', deviceId: 'device-1', version: '0.1.0' };
const TOKEN = 'f'.repeat(32);

describe('authorizationHeaders', () => {
	it('sends Jellyfin only the Authorization header', () => {
		const headers = authorizationHeaders('jellyfin-12', IDENTITY, TOKEN);
		expect(Object.keys(headers)).toEqual(['Authorization']);
		expect(headers.Authorization).toMatch(/^MediaBrowser Client="Cue", /);
		expect(headers.Authorization).toContain(`Token="${TOKEN}"`);
	});

	it('sends Emby X-Emby-Authorization and X-Emby-Token', () => {
		const headers = authorizationHeaders('emby', IDENTITY, TOKEN);
		expect(headers['X-Emby-Token']).toBe(TOKEN);
		expect(headers['X-Emby-Authorization']).toContain('DeviceId="device-1"');
		expect(headers.Authorization).toBeUndefined();
	});

	it('sends no token header before sign-in', () => {
		expect(authorizationHeaders('emby', IDENTITY)).toEqual({
			'X-Emby-Authorization':
				'MediaBrowser Client="Cue", Device="Hall%20tablet", DeviceId="device-1", Version="0.1.0"'
		});
		expect(Object.keys(authorizationHeaders('mediabrowser', IDENTITY))).toEqual(['Authorization']);
	});

	it('names the user and token to MediaBrowser 3', () => {
		const headers = authorizationHeaders('mediabrowser', IDENTITY, TOKEN, 'a'.repeat(32));
		expect(headers.Authorization).toMatch(/^MediaBrowser UserId="a{32}", Client="Cue", /);
		expect(headers['X-MediaBrowser-Token']).toBe(TOKEN);
	});
});

describe('loginBody', () => {
	it('sends Pw to Jellyfin and Emby', () => {
		expect(loginBody('jellyfin', 'demo', 'secret')).toEqual({ Username: 'demo', Pw: 'secret' });
		expect(loginBody('emby', 'demo', 'secret')).toEqual({ Username: 'demo', Pw: 'secret' });
	});

	it('sends MediaBrowser 3 the SHA-1 of the password only', () => {
		const body = loginBody('mediabrowser', 'demo', 'secret');
		expect(body).toEqual({ Username: 'demo', Password: sha1Hex('secret') });
		expect(JSON.stringify(body)).not.toContain('"secret"');
	});
});

describe('advertisedCommands', () => {
	it('advertises Emby-only commands to Emby alone', () => {
		for (const name of EMBY_ONLY_COMMANDS) {
			expect(advertisedCommands('emby')).toContain(name);
			expect(advertisedCommands('jellyfin')).not.toContain(name);
			expect(advertisedCommands('jellyfin-12')).not.toContain(name);
		}
	});

	it('advertises to Jellyfin only names its enum defines', () => {
		const known: readonly string[] = GENERAL_COMMAND_TYPES;
		for (const name of advertisedCommands('jellyfin')) expect(known).toContain(name);
	});
});

describe('dialectFor', () => {
	it('treats a sign-in without a kind as Jellyfin', () => {
		expect(dialectFor(undefined).kind).toBe('jellyfin');
		expect(dialectFor(undefined).tokenParameter).toBe('ApiKey');
	});

	it('puts MediaBrowser 3 check-ins on the socket', () => {
		const dialect = dialectFor('mediabrowser');
		expect(dialect.checkInsOverSocket).toBe(true);
		expect(dialect.hasPlaybackInfo).toBe(false);
		expect(dialect.capabilitiesAsQuery).toBe(true);
	});

	it('expects ForceKeepAlive from Jellyfin only', () => {
		expect(dialectFor('jellyfin').sendsForceKeepAlive).toBe(true);
		expect(dialectFor('emby').sendsForceKeepAlive).toBe(false);
		expect(dialectFor('mediabrowser').sendsForceKeepAlive).toBe(false);
	});
});

describe('eventNameFor', () => {
	const events: CheckInEvent[] = ['timeupdate', 'pause', 'unpause', 'volumechange'];

	it('keeps jellyfin-web spelling for Jellyfin', () => {
		for (const event of events) expect(eventNameFor('jellyfin', event)).toBe(event);
	});

	it('uses Emby enum names for Emby', () => {
		expect(events.map((event) => eventNameFor('emby', event))).toEqual([
			'TimeUpdate',
			'Pause',
			'Unpause',
			'VolumeChange'
		]);
		expect(eventNameFor('emby', 'shufflequeuemodechange')).toBe('ShuffleChange');
		expect(eventNameFor('mediabrowser', 'playlistitemmove')).toBe('PlaylistItemMove');
	});
});
