// Counts the requests of a browser context and the bytes they transferred over the network
// (response headers and encoded body). It counts the page's own requests, the page's requests
// that its service worker served from its cache (no transfer), and the worker's own requests.

/** Resolves like `promise`, or with `fallback` after 2 s, because some Playwright calls never resolve. */
function within2s(promise, fallback) {
	const timeout = new Promise((resolve) => setTimeout(() => resolve(fallback), 2000));
	return Promise.race([promise.catch(() => fallback), timeout]);
}

async function describe(request, failed) {
	// The response of the service worker's own script never arrives in Playwright 1.64.
	const response = failed ? null : await within2s(request.response(), null);
	const sizes = response ? await within2s(request.sizes(), null) : null;
	const fromCache = response?.fromServiceWorker() ?? false;
	// A response from the HTTP cache transferred nothing; its sizes add up to 0 or less.
	const transferred = sizes ? Math.max(0, sizes.responseHeadersSize + sizes.responseBodySize) : 0;
	let kind = 'page';
	if (request.serviceWorker()) kind = 'serviceWorker';
	else if (fromCache) kind = 'servedByWorker';
	return {
		kind,
		startTime: request.timing().startTime,
		failed,
		bytes: fromCache ? 0 : transferred
	};
}

function tally(records) {
	return {
		count: records.length,
		bytes: records.reduce((sum, record) => sum + record.bytes, 0)
	};
}

/** Starts counting; call `summary(readyEpochMs)` once the page is ready. */
export function countRequests(context) {
	const pending = [];
	let inFlight = 0;
	let lastChange = Date.now();
	const ended = (request, failed) => {
		inFlight -= 1;
		lastChange = Date.now();
		pending.push(describe(request, failed));
	};
	context.on('request', () => {
		inFlight += 1;
		lastChange = Date.now();
	});
	context.on('requestfinished', (request) => ended(request, false));
	context.on('requestfailed', (request) => ended(request, true));

	/** Waits until no request has started or ended for `quietMs`, at most `maxMs`. */
	async function settled(quietMs, maxMs) {
		const deadline = Date.now() + maxMs;
		while (Date.now() < deadline) {
			if (inFlight <= 0 && Date.now() - lastChange >= quietMs) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** Returns the counts before `readyEpochMs` and once the network has been quiet for 500 ms. */
	async function summary(readyEpochMs) {
		await settled(500, 5000);
		const records = await Promise.all(pending);
		const ofKind = (kind) => records.filter((record) => record.kind === kind);
		const overNetwork = records.filter((record) => record.kind !== 'servedByWorker');
		return {
			// The service worker's requests have no reliable start time, so only the page's count.
			beforeReady: tally(ofKind('page').filter((record) => record.startTime <= readyEpochMs)),
			page: tally(ofKind('page')),
			serviceWorker: tally(ofKind('serviceWorker')),
			servedByWorker: ofKind('servedByWorker').length,
			total: tally(overNetwork),
			failed: records.filter((record) => record.failed).length
		};
	}

	return { summary };
}
