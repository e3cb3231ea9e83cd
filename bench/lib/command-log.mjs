// Reads the command log panel of Cue's page: one list item per remote command, newest first, with
// its summary and its outcome (pending, applied, ignored, failed or invalid).

/** Returns the log entries, oldest first, after asking the panel to show all of them. */
export async function readCommandLog(page) {
	const showAll = page
		.getByRole('region', { name: 'Remote commands' })
		.getByRole('button', { name: /^Show all/ });
	if ((await showAll.count()) > 0) await showAll.click();
	const entries = await page.$$eval('[data-testid="command-log"] li', (items) =>
		items.map((item) => ({
			summary: item.querySelector('.summary')?.textContent?.trim() ?? '',
			outcome: item.dataset.outcome ?? ''
		}))
	);
	return entries.reverse();
}

/** Returns a DisplayMessage frame whose header `marker` finds its entry in the log. */
export function markerFrame(mix, marker) {
	return mix.message('GeneralCommand', {
		Name: 'DisplayMessage',
		Arguments: { Header: marker, Text: 'bench marker', TimeoutMs: '1000' }
	});
}

/**
 * Waits until the entry whose summary contains `marker` is no longer pending. Cue applies remote
 * commands one after another, so every command received before it is done too.
 */
export async function waitForMarker(page, marker, timeoutMs) {
	await page.waitForFunction(
		(text) =>
			[...document.querySelectorAll('[data-testid="command-log"] li')].some(
				(item) => item.textContent.includes(text) && item.dataset.outcome !== 'pending'
			),
		marker,
		{ timeout: timeoutMs, polling: 100 }
	);
}
