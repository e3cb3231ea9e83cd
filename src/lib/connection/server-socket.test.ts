import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
	CONNECT_TIMEOUT_CLOSE_CODE,
	CONNECT_TIMEOUT_MS,
	DEAD_LINK_CLOSE_CODE,
	FORCE_KEEP_ALIVE_WAIT_MS,
	ServerSocket,
	type SocketOptions
} from './server-socket';

/** Stands in for the browser's WebSocket: the test opens it and delivers frames by hand. */
class FakeWebSocket {
	static readonly CONNECTING = 0;
	static readonly OPEN = 1;
	static readonly CLOSING = 2;
	static readonly CLOSED = 3;
	static last: FakeWebSocket | null = null;
	readyState = FakeWebSocket.CONNECTING;
	sent: string[] = [];
	closedByClient = false;
	onopen: (() => void) | null = null;
	onmessage: ((event: { data: unknown }) => void) | null = null;
	onclose: ((event: { code: number; reason: string }) => void) | null = null;
	onerror: (() => void) | null = null;

	constructor(readonly url: string) {
		FakeWebSocket.last = this;
	}

	send(text: string): void {
		this.sent.push(text);
	}

	close(): void {
		this.closedByClient = true;
		this.readyState = FakeWebSocket.CLOSING;
	}

	acceptHandshake(): void {
		this.readyState = FakeWebSocket.OPEN;
		this.onopen?.();
	}

	deliver(message: Record<string, unknown>): void {
		this.onmessage?.({ data: JSON.stringify(message) });
	}

	keepAlivesSent(): number {
		return this.sent.filter((text) => text === '{"MessageType":"KeepAlive"}').length;
	}
}

interface Recorder {
	messages: string[];
	closes: number[];
	missingForceKeepAlive: number;
}

function openSocket(options: SocketOptions = { expectForceKeepAlive: true }): {
	socket: ServerSocket;
	fake: FakeWebSocket;
	events: Recorder;
} {
	const events: Recorder = { messages: [], closes: [], missingForceKeepAlive: 0 };
	const socket = new ServerSocket(
		'ws://127.0.0.1:1/socket',
		{
			onOpen: () => {},
			onMessage: (message) => events.messages.push(message.MessageType),
			onInvalid: () => {},
			onClose: (code) => events.closes.push(code),
			onNoForceKeepAlive: () => events.missingForceKeepAlive++
		},
		options
	);
	socket.open();
	return { socket, fake: FakeWebSocket.last!, events };
}

/** Makes the fake server echo every KeepAlive, as Jellyfin does, for `ms` milliseconds. */
function echoKeepAlives(fake: FakeWebSocket, ms: number): void {
	let answered = 0;
	for (let elapsed = 0; elapsed < ms; elapsed += 1000) {
		vi.advanceTimersByTime(1000);
		while (answered < fake.keepAlivesSent()) {
			fake.deliver({ MessageType: 'KeepAlive', MessageId: `${answered}` });
			answered++;
		}
	}
}

beforeEach(() => {
	vi.useFakeTimers();
	vi.stubGlobal('WebSocket', FakeWebSocket);
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('ServerSocket handshake', () => {
	it('gives up on a handshake that hangs', () => {
		const { fake, events } = openSocket();
		vi.advanceTimersByTime(CONNECT_TIMEOUT_MS - 1);
		expect(events.closes).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(events.closes).toEqual([CONNECT_TIMEOUT_CLOSE_CODE]);
		expect(fake.closedByClient).toBe(true);
	});

	it('reports a socket that gets no ForceKeepAlive', () => {
		const { fake, events } = openSocket();
		fake.acceptHandshake();
		vi.advanceTimersByTime(FORCE_KEEP_ALIVE_WAIT_MS);
		expect(events.missingForceKeepAlive).toBe(1);
		expect(events.closes).toEqual([]);
	});

	it('expects no ForceKeepAlive from Emby or MediaBrowser', () => {
		const { fake, events } = openSocket({ expectForceKeepAlive: false });
		fake.acceptHandshake();
		vi.advanceTimersByTime(10 * FORCE_KEEP_ALIVE_WAIT_MS);
		expect(events.missingForceKeepAlive).toBe(0);
		expect(events.closes).toEqual([]);
	});

	it('sends the greeting before anything else', () => {
		const greeting = '{"MessageType":"Identity","Data":"Cue|d|1|Tablet"}';
		const { fake } = openSocket({ expectForceKeepAlive: false, greeting: () => greeting });
		expect(fake.sent).toEqual([]);
		fake.acceptHandshake();
		vi.advanceTimersByTime(30_000);
		expect(fake.sent[0]).toBe(greeting);
		expect(fake.keepAlivesSent()).toBe(1);
	});

	it('is satisfied by a prompt ForceKeepAlive', () => {
		const { fake, events } = openSocket();
		fake.acceptHandshake();
		fake.deliver({ MessageType: 'ForceKeepAlive', Data: 60 });
		vi.advanceTimersByTime(CONNECT_TIMEOUT_MS + FORCE_KEEP_ALIVE_WAIT_MS);
		expect(events.missingForceKeepAlive).toBe(0);
		expect(events.closes).toEqual([]);
	});
});

describe('ServerSocket keep-alive', () => {
	it('stays open over idle minutes with a healthy server', () => {
		const { fake, events } = openSocket();
		fake.acceptHandshake();
		fake.deliver({ MessageType: 'ForceKeepAlive', Data: 60 });
		echoKeepAlives(fake, 10 * 60_000);
		expect(fake.keepAlivesSent()).toBeGreaterThanOrEqual(19);
		expect(fake.closedByClient).toBe(false);
		expect(events.closes).toEqual([]);
	});

	it('keeps alive every 30 s without ForceKeepAlive', () => {
		const { fake, events } = openSocket();
		fake.acceptHandshake();
		vi.advanceTimersByTime(10 * 60_000);
		expect(fake.keepAlivesSent()).toBe(20);
		expect(events.closes).toEqual([]);
	});

	it('closes a half-open link that went silent', () => {
		const { fake, events } = openSocket();
		fake.acceptHandshake();
		fake.deliver({ MessageType: 'ForceKeepAlive', Data: 60 });
		echoKeepAlives(fake, 60_000);
		// From here the server's frames are lost, yet the browser still reports OPEN.
		vi.advanceTimersByTime(64_000);
		expect(events.closes).toEqual([]);
		vi.advanceTimersByTime(2000);
		expect(fake.readyState).toBe(FakeWebSocket.CLOSING);
		expect(events.closes).toEqual([DEAD_LINK_CLOSE_CODE]);
	});

	it('delivers a command after two silent hours', () => {
		const { fake, events } = openSocket();
		fake.acceptHandshake();
		vi.advanceTimersByTime(2 * 60 * 60_000);
		fake.deliver({
			MessageType: 'Playstate',
			MessageId: '2'.repeat(32),
			Data: { Command: 'Pause', ControllingUserId: '1'.repeat(32) }
		});
		expect(events.messages).toEqual(['Playstate']);
		expect(fake.keepAlivesSent()).toBe(240);
		expect(events.closes).toEqual([]);
	});

	it('reports nothing after a close on purpose', () => {
		const { socket, fake, events } = openSocket();
		fake.acceptHandshake();
		socket.close();
		vi.advanceTimersByTime(CONNECT_TIMEOUT_MS + FORCE_KEEP_ALIVE_WAIT_MS + 120_000);
		expect(events.closes).toEqual([]);
		expect(events.missingForceKeepAlive).toBe(0);
	});
});
