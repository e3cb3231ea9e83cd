import { describe, expect, it } from 'vitest';

import { keysBeyondLimit, resumeKey } from './resume-storage';

describe('resumeKey', () => {
	it('differs per server and per user', () => {
		const owner = { serverUrl: 'http://jf.test:8096', userId: 'user-1' };
		expect(resumeKey(owner)).not.toBe(resumeKey({ ...owner, userId: 'user-2' }));
		expect(resumeKey(owner)).not.toBe(resumeKey({ ...owner, serverUrl: 'http://other:8096' }));
	});

	it('cannot be forged by a separator in the address', () => {
		const a = resumeKey({ serverUrl: 'http://a|b', userId: 'c' });
		const b = resumeKey({ serverUrl: 'http://a', userId: 'b|c' });
		expect(a).not.toBe(b);
	});
});

describe('keysBeyondLimit', () => {
	it('keeps the most recently saved records', () => {
		const records = [
			{ key: 'old', savedAt: 1 },
			{ key: 'new', savedAt: 3 },
			{ key: 'middle', savedAt: 2 }
		];
		expect(keysBeyondLimit(records, 2)).toEqual(['old']);
	});

	it('removes nothing within the limit', () => {
		expect(keysBeyondLimit([{ key: 'a', savedAt: 1 }], 2)).toEqual([]);
	});
});
