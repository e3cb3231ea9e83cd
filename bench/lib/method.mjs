// Method paragraphs of BENCHMARKS.md, one per section.

export const METHOD = {
	command: [
		'A controller (its own device, signed in like a phone app) sends each command through the',
		"server's session endpoints. The server stamps the frame just before it writes it to Cue's",
		'socket (`hrTime` in its log: `performance.timeOrigin + performance.now()` in Node); the page',
		'stamps the media event the same way from a capture-phase listener on `document`, added with',
		'`page.addInitScript`. The listener hands the stamp to the benchmark 30 ms later, so that',
		"the benchmark's own messages never run between the event and Cue's listener or beside the",
		'check-in. Pause, Unpause and Seek run in rounds on the 24 s WAV track while it',
		'plays, each command 60–100 ms after the previous one settled; the track is buffered whole',
		'first and every Seek target lies inside the buffered range. PlayNow cycles through the five',
		'audio tracks, then through two videos (H.264 MP4 and VP9 WebM), after one unmeasured PlayNow',
		'of each item. The test server renders WAV audio on its event loop, so each PlayNow waits',
		'until the server has written the previous stream.'
	],
	checkin: [
		'From the media event in the page to the arrival at the server (`receivedHrTime`, stamped when',
		'the request reaches the handler) of the first check-in that reports the new state:',
		'`IsPaused`, or the position after a Seek. Local actions call `pause()` or `play()` on the',
		"media element from the page. Cue reports from the element's event; after a remote Seek the",
		"command's own report can leave before seeked fires, so a negative time means the server had",
		'the new state first. The start check-in is `POST /Sessions/Playing` after the `playing` event',
		"of a PlayNow. The rows marked sent give, from Playwright's request timing, when the page put",
		"the request on the connection, which separates the page's part from the server's. Chromium",
		'keeps a CORS preflight for 5 s and Jellyfin sends no `Access-Control-Max-Age`, so a check-in',
		'more than 5 s after the previous one to its path waits for an OPTIONS round trip first; the',
		'notes count those samples and give the others alone.'
	],
	breakdown: [
		'A second Cue page, with WebSocket and the media element methods wrapped to stamp their',
		'calls, splits command to action into: the frame reaching the page (socket `message`), Cue',
		'handling it up to the media call, and the element firing its event after the call. The',
		"local rows call `pause()` and `play()` from the page, with none of Cue's command handling",
		'around them, to show what the browser alone takes on this machine.'
	],
	'cold-start': [
		'Each run opens a new browser context (empty HTTP cache, no service worker) that holds only',
		"Cue's localStorage with a saved sign-in, and navigates to the app. Ready for remote control",
		"is the later of the socket's open and the accepted capabilities POST, both stamped by the",
		"server, minus the page's `performance.timeOrigin` (navigation start). The throttled runs set",
		'`Emulation.setCPUThrottlingRate` to 4 before the navigation; the measured slowdown is the',
		'ratio of a fixed loop timed throttled and unthrottled on the same page.'
	],
	size: [
		'`measureBuild` of scripts/bundle-size.mjs on the measured build: the JavaScript and CSS every',
		"page loads at start, each first screen's JavaScript, and the whole build folder, gzipped at",
		'level 9 and raw.'
	],
	memory: [
		'V8 heap in use (`Runtime.getHeapUsage`) after `HeapProfiler.collectGarbage` three times, with',
		"the DevTools console's retained messages discarded first. Messages: a seeded mix of Playstate",
		'(30 %), GeneralCommand (25 %), UserDataChanged (15 %), LibraryChanged (10 %), KeepAlive (4 %),',
		'message types Cue does not handle (8 %), malformed frames (8 %) and Play (0.3 %), sent as raw',
		'frames in pipelined batches of 5,000, each batch applied before the next, to a fresh page',
		'of its own. Every reading follows the same state (the first track loaded and paused) and',
		'waits until the server has received no check-in for 2 s. The reading after the first fifth',
		"of the messages, once Cue's bounded stores are full, separates their filling from a steady",
		"climb. Idle: a fresh page under Playwright's fake clock, moved 30 s at a time with",
		"`clock.fastForward` over the day, with ForceKeepAlive 60 (Jellyfin's default), so the",
		"keep-alive timer fires every 30 s; between jumps the benchmark waits for the server's",
		"KeepAlive reply and the page's requests."
	],
	burst: [
		'The burst is sent as pipelined `POST /__test/sessions/{id}/raw` requests on one connection,',
		'which the server handles, and so writes, in order. Its duration is from the first to the last',
		"frame the server wrote. The command log panel (Cue's list of received commands with their",
		'outcome) gives the applied commands in order; out of order counts the applied commands that',
		'would have to move to match the order on the wire (length minus the longest run in order).'
	],
	fuzz: [
		'`src/lib/fuzz.test.ts` through Vitest with a raised CUE_FUZZ_RUNS; a setup file counts the',
		'cases of every fast-check property. It runs alongside the dead-link detection, which spends',
		'its time waiting for the keep-alive threshold.'
	]
};
