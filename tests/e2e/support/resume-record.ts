import type { Page } from '@playwright/test';

/** What the tests read of Cue's saved resume state. */
export interface SavedResume {
	userId: string;
	positionSeconds: number;
	items: { Id: string }[];
}

/** Returns every resume record in the page's localStorage, one per server and user. */
export async function savedResumes(page: Page): Promise<SavedResume[]> {
	return page.evaluate(() =>
		Object.keys(localStorage)
			.filter((key) => key.startsWith('cue.resume:'))
			.map((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as SavedResume)
	);
}
