import { describe, expect, it } from 'vitest';

import { md5Guid } from './core/wire.ts';
import { sessionIdFor } from './index.ts';

describe('session id derivation', () => {
	// Pairs from anonymised Jellyfin captures (10.8.10 AuthenticateByName, 10.11.11 GET /Sessions)
	// whose ids were recomputed for the fake Client and DeviceId with the server's algorithm.
	it.each([
		[
			'example_test_client',
			'00000000-1111-4222-8333-444444444444',
			'84362137efe2ccd2a0c5e3f09d36c6f5'
		],
		['Jellyfin Web', 'VGVzdERldmljZUlk', '40feea8017dde26e7c1f7e56c62e4947']
	])('derives the id of %s + %s', (client, deviceId, expected) => {
		expect(sessionIdFor(client, deviceId)).toBe(expected);
	});

	it('swaps the first three Guid groups of the MD5 digest', () => {
		// MD5 of "" in UTF-16LE is d41d8cd98f00b204e9800998ecf8427e read as a .NET Guid.
		expect(md5Guid('')).toBe('d98c1dd4008f04b2e9800998ecf8427e');
	});
});
