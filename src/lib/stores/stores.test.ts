import { describe, expect, it, vi } from 'vitest';

import { commandLog } from './command-log.svelte';
import { notifications } from './notifications.svelte';

describe('notification store', () => {
	it('drops repeats by MessageId and stays bounded', () => {
		notifications.clear();
		const first = notifications.add({ messageId: 'm-1', kind: 'server', title: 'One', text: '' });
		const repeat = notifications.add({ messageId: 'm-1', kind: 'server', title: 'One', text: '' });
		expect(first).toBeDefined();
		expect(repeat).toBeUndefined();
		for (let index = 0; index < 1000; index++) {
			notifications.add({
				messageId: `bulk-${index}`,
				kind: 'server',
				title: `N${index}`,
				text: ''
			});
		}
		expect(notifications.entries).toHaveLength(300);
		expect(notifications.entries[0].title).toBe('N999');
		expect(notifications.unreadCount).toBe(300);
	});

	it('resolves notices once their condition is over', () => {
		notifications.clear();
		notifications.add({ kind: 'server-restarting', title: 'Restarting', text: '' });
		notifications.resolve(['server-restarting']);
		expect(notifications.entries[0].active).toBe(false);
	});

	it('shows one notice per active server state', () => {
		notifications.clear();
		const notice = { kind: 'restart-required' as const, title: 'Restart required', text: '' };
		expect(notifications.add({ ...notice, messageId: 'r-1' })).toBeDefined();
		expect(notifications.add({ ...notice, messageId: 'r-2' })).toBeUndefined();
		expect(notifications.entries).toHaveLength(1);
		notifications.resolve(['restart-required']);
		expect(notifications.add({ ...notice, messageId: 'r-3' })).toBeDefined();
		expect(notifications.entries).toHaveLength(2);
	});
});

describe('command log', () => {
	it('drops repeats by MessageId, but not empty ids, and stays bounded', () => {
		commandLog.clear();
		expect(commandLog.markSeen('id-1')).toBe(true);
		expect(commandLog.markSeen('id-1')).toBe(false);
		expect(commandLog.markSeen('00000000000000000000000000000000')).toBe(true);
		expect(commandLog.markSeen('00000000000000000000000000000000')).toBe(true);
		expect(commandLog.markSeen(undefined)).toBe(true);
		for (let index = 0; index < 1000; index++) {
			commandLog.add({ messageType: 'Playstate', summary: `Pause ${index}`, outcome: 'applied' });
		}
		commandLog.flush();
		expect(commandLog.entries).toHaveLength(300);
		expect(commandLog.entries[0].summary).toBe('Pause 999');
	});

	it('shows new entries and outcomes in one batch shortly after', async () => {
		vi.useFakeTimers();
		commandLog.clear();
		const first = commandLog.add({
			messageType: 'Playstate',
			summary: 'Pause',
			outcome: 'pending'
		});
		commandLog.update(first.id, 'applied');
		const second = commandLog.add({ messageType: 'Play', summary: 'PlayNow', outcome: 'pending' });
		expect(commandLog.entries).toEqual([]);
		vi.advanceTimersByTime(50);
		expect(commandLog.entries.map((entry) => [entry.summary, entry.outcome])).toEqual([
			['PlayNow', 'pending'],
			['Pause', 'applied']
		]);
		commandLog.update(second.id, 'ignored', 'the queue is empty');
		expect(commandLog.entries[0].outcome).toBe('pending');
		commandLog.flush();
		expect(commandLog.entries[0]).toMatchObject({
			outcome: 'ignored',
			detail: 'the queue is empty'
		});
		expect(commandLog.entries[1].outcome).toBe('applied');
		vi.useRealTimers();
	});
});
