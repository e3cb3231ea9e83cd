import { describe, expect, it } from 'vitest';

import { removeEntry, upsertEntry } from './server-list';

const home = { serverUrl: 'http://home:8096', userId: 'AAAA', token: 'one' };
const cabin = { serverUrl: 'https://cabin.example/jellyfin', userId: 'bbbb', token: 'two' };

describe('server list', () => {
	it('keeps one entry per user and server, newest first', () => {
		const list = upsertEntry(upsertEntry([], home), cabin);
		expect(list.map((entry) => entry.token)).toEqual(['two', 'one']);
		const renewed = upsertEntry(list, { ...home, userId: 'aaaa', token: 'three' });
		expect(renewed.map((entry) => entry.token)).toEqual(['three', 'two']);
	});

	it('keeps other users of the same server apart', () => {
		const list = upsertEntry([home], { ...home, userId: 'cccc', token: 'guest' });
		expect(list).toHaveLength(2);
	});

	it('removes one entry and leaves the others', () => {
		const list = removeEntry([home, cabin], home);
		expect(list).toEqual([cabin]);
	});
});
