// Tracks what a page has in flight in real time: HTTP requests, and sockets that have not yet
// received their first frame. Under a fake clock, a jump past a request's timeout or a socket's
// handshake timeout would fail it, so a benchmark waits for this to be empty between jumps.

export function trackActivity(page) {
	let requests = 0;
	let openingSockets = 0;
	page.on('request', () => (requests += 1));
	page.on('requestfinished', () => (requests -= 1));
	page.on('requestfailed', () => (requests -= 1));
	page.on('websocket', (socket) => {
		openingSockets += 1;
		let opening = true;
		const opened = () => {
			if (!opening) return;
			opening = false;
			openingSockets -= 1;
		};
		// The test server sends ForceKeepAlive as soon as it binds the socket to a session.
		socket.once('framereceived', opened);
		socket.once('close', opened);
	});
	return {
		/** Returns true when no request is in flight and every socket has had a frame. */
		isQuiet: () => requests <= 0 && openingSockets <= 0
	};
}
