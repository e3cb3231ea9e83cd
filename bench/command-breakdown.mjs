// Splits command to action into its steps, to show where the time goes: the server writes the
// frame, the page's socket fires `message`, Cue calls pause(), play() or sets currentTime, and the
// element fires its event. The stamps come from wrappers around WebSocket and the media element
// methods, so this runs in a page of its own (a second device), apart from the main figures.
import { addMediaProbe, mediaEventCount, waitForMediaEvent } from './lib/media-probe.mjs';
import { pauseAndWait, playAndWait, settle, waitBuffered } from './lib/playback.mjs';
import { signInOnPage } from './lib/player.mjs';
import { quantile } from './lib/stats.mjs';

function installStamps() {
	const now = () => performance.timeOrigin + performance.now();
	const stamps = { messages: [], calls: [] };
	const keep = (list, entry) => {
		list.push(entry);
		if (list.length > 200) list.shift();
	};
	const NativeWebSocket = window.WebSocket;
	window.WebSocket = class extends NativeWebSocket {
		constructor(...args) {
			super(...args);
			this.addEventListener('message', (event) => {
				const time = now();
				const id = /"MessageId":"([^"]*)"/.exec(String(event.data))?.[1];
				if (id) keep(stamps.messages, { id, time });
			});
		}
	};
	const prototype = HTMLMediaElement.prototype;
	for (const name of ['pause', 'play']) {
		const original = prototype[name];
		prototype[name] = function (...args) {
			keep(stamps.calls, { name, time: now() });
			return original.apply(this, args);
		};
	}
	const currentTime = Object.getOwnPropertyDescriptor(prototype, 'currentTime');
	Object.defineProperty(prototype, 'currentTime', {
		...currentTime,
		set(value) {
			keep(stamps.calls, { name: 'currentTime', time: now() });
			currentTime.set.call(this, value);
		}
	});
	window.__cueBenchStamps = stamps;
}

/**
 * Remote commands, then the same calls made by the page itself: the local ones show how long the
 * browser alone takes from the call to the event, with none of Cue's command handling around it.
 */
const STEPS = [
	{ label: 'Pause → pause', command: 'Pause', event: 'pause', call: 'pause' },
	{ label: 'Unpause → playing', command: 'Unpause', event: 'playing', call: 'play' },
	{ label: 'Seek → seeked', command: 'Seek', event: 'seeked', call: 'currentTime' },
	{ label: 'local pause() → pause', event: 'pause', call: 'pause' },
	{ label: 'local play() → playing', event: 'playing', call: 'play' }
];

async function sendStep(bench, step) {
	if (step.command) {
		const seekSeconds = step.command === 'Seek' ? 3 + Math.random() * 17 : undefined;
		await bench.remote.playstate(bench.sessionId, step.command, seekSeconds);
		return;
	}
	await bench.player.page.evaluate((name) => {
		const media = document.querySelector('video, audio');
		void media[name]();
	}, step.call);
}

async function measureOnce(bench, step) {
	const { page } = bench.player;
	const since = await bench.log.cursor();
	const afterIndex = await mediaEventCount(page);
	const event = waitForMediaEvent(page, step.event, afterIndex, { timeoutMs: 5000 });
	await sendStep(bench, step);
	const media = await event;
	const stamps = await page.evaluate(() => window.__cueBenchStamps);
	const lastCall = stamps.calls
		.filter((entry) => entry.name === step.call && entry.time <= media.time)
		.at(-1);
	if (!step.command)
		return { toMessage: Number.NaN, toCall: Number.NaN, toEvent: media.time - lastCall.time };
	const { events } = await bench.log.read(since);
	const frame = events.find(
		(entry) => entry.kind === 'ws-out' && entry.frame.includes(`"Command":"${step.command}"`)
	);
	const messageId = JSON.parse(frame.frame).MessageId;
	const message = stamps.messages.find((entry) => entry.id === messageId);
	const call = stamps.calls.find((entry) => entry.name === step.call && entry.time >= message.time);
	return {
		toMessage: message.time - frame.hrTime,
		toCall: call.time - message.time,
		toEvent: media.time - call.time
	};
}

/** Runs `samples` rounds of the steps on a second, instrumented Cue page. */
export async function run(bench, { samples }) {
	await pauseAndWait(bench);
	const context = await bench.player.browser.newContext({ baseURL: bench.stack.appUrl });
	try {
		const page = await context.newPage();
		await addMediaProbe(page);
		await page.addInitScript(installStamps);
		const deviceId = await signInOnPage(page, bench.stack.serverUrl);
		const second = {
			...bench,
			player: { page, deviceId },
			sessionId: await bench.log.sessionIdOf(deviceId)
		};
		// The 24 s track, buffered whole, for the reason given in command-latency.mjs.
		await playAndWait(second, bench.ids.tracks[0]);
		await waitBuffered(page, Infinity);
		const results = Object.fromEntries(STEPS.map((step) => [step.label, []]));
		for (let round = 0; round < samples; round++) {
			for (const step of STEPS) {
				await settle();
				results[step.label].push(await measureOnce(second, step));
			}
			process.stdout.write('.');
		}
		process.stdout.write('\n');
		return STEPS.map((step) => {
			const list = results[step.label];
			const median = (key) =>
				quantile(
					list.map((sample) => sample[key]),
					0.5
				);
			return {
				id: `breakdown-${step.command ? '' : 'local-'}${step.event}`,
				section: 'breakdown',
				measurement: step.label,
				count: list.length,
				toMessage: median('toMessage'),
				toCall: median('toCall'),
				toEvent: median('toEvent'),
				call: step.call,
				samples: list
			};
		});
	} finally {
		await context.close();
	}
}
