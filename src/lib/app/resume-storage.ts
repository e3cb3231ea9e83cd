import { readStorage, removeStorage, writeStorage } from '$lib/identity';
import type { ResumeOwner, ResumeRecord } from './resume-record';

/** Each owner's record lives under this prefix, so switching servers keeps every record. */
const KEY_PREFIX = 'cue.resume:';
/** Records kept at most, one per server and user. The oldest beyond this are removed. */
export const MAX_SAVED_OWNERS = 5;

/** Returns the localStorage key of one owner's record. */
export function resumeKey(owner: ResumeOwner): string {
	return `${KEY_PREFIX}${encodeURIComponent(owner.serverUrl)}|${encodeURIComponent(owner.userId)}`;
}

/** Returns the keys to remove so that at most `max` records stay, the most recently saved first. */
export function keysBeyondLimit(
	records: { key: string; savedAt: number }[],
	max: number
): string[] {
	return [...records]
		.sort((a, b) => b.savedAt - a.savedAt)
		.slice(max)
		.map((record) => record.key);
}

export function readRecordText(owner: ResumeOwner): string | null {
	return readStorage(resumeKey(owner));
}

/** Writes one owner's record, then removes the oldest records of other owners beyond the limit. */
export function writeRecord(record: ResumeRecord): void {
	writeStorage(resumeKey(record), JSON.stringify(record));
	for (const key of keysBeyondLimit(storedRecords(), MAX_SAVED_OWNERS)) removeStorage(key);
}

export function removeRecord(owner: ResumeOwner): void {
	removeStorage(resumeKey(owner));
}

/** Lists the stored records by key and save time. An unreadable record counts as the oldest. */
function storedRecords(): { key: string; savedAt: number }[] {
	const records: { key: string; savedAt: number }[] = [];
	try {
		for (let index = 0; index < localStorage.length; index++) {
			const key = localStorage.key(index);
			if (key?.startsWith(KEY_PREFIX)) records.push({ key, savedAt: savedAtOf(key) });
		}
	} catch {
		// Storage that cannot be listed cannot fill up with records either.
	}
	return records;
}

function savedAtOf(key: string): number {
	try {
		const savedAt = (JSON.parse(readStorage(key) ?? '') as Partial<ResumeRecord>).savedAt;
		return typeof savedAt === 'number' ? savedAt : 0;
	} catch {
		return 0;
	}
}
