// Reads the page's JS heap through CDP after forcing garbage collection.

/**
 * Returns the V8 heap in use (`usedSize`), the Blink heap (`embedderHeapUsedSize`) and the DOM
 * counters, after three collections. The DevTools console keeps the arguments of logged messages
 * alive, a retention a person's browser without DevTools does not have, so they are discarded
 * first.
 */
export async function measureHeap(cdp) {
	await cdp.send('Runtime.discardConsoleEntries');
	for (let collection = 0; collection < 3; collection++) {
		await cdp.send('HeapProfiler.collectGarbage');
	}
	const usage = await cdp.send('Runtime.getHeapUsage');
	const dom = await cdp.send('Memory.getDOMCounters');
	return {
		usedSize: usage.usedSize,
		embedderHeapUsedSize: usage.embedderHeapUsedSize ?? null,
		documents: dom.documents,
		nodes: dom.nodes,
		listeners: dom.jsEventListeners
	};
}
