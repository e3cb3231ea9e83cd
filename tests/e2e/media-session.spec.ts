import { expect, test, type Page } from '@playwright/test';

import { expectPaused, expectPlaying, mediaState, signInAndFindSession } from './support/app';
import { library } from './support/library';
import { Remote, ticks } from './support/remote';
import {
	checkInBody,
	checkInKind,
	checkIns,
	logCursor,
	waitForEvent,
	type LogEvent
} from './support/server-log';

/** What the init script below records of Cue's calls to `navigator.mediaSession`. */
interface MediaSessionRecord {
	handlers: Map<string, MediaSessionActionHandler | null>;
	/** Every `setPositionState` argument, with null for a call that cleared the state. */
	positions: (MediaPositionState | null)[];
}

declare global {
	interface Window {
		mediaSessionRecord: MediaSessionRecord;
	}
}

// Records the handlers Cue registers and the position states it sets, so that the test can call
// the handlers the way the system's media controls would.
test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		const session = navigator.mediaSession;
		const record: MediaSessionRecord = { handlers: new Map(), positions: [] };
		const setActionHandler = session.setActionHandler.bind(session);
		const setPositionState = session.setPositionState.bind(session);
		session.setActionHandler = (action, handler) => {
			record.handlers.set(action, handler);
			setActionHandler(action, handler);
		};
		session.setPositionState = (state) => {
			record.positions.push(state ?? null);
			setPositionState(state);
		};
		window.mediaSessionRecord = record;
	});
});

let remote: Remote;

test.beforeAll(async () => {
	remote = await new Remote().signIn();
});

/** Calls the handler Cue registered for `action`, as a media key press would. */
async function pressMediaKey(
	page: Page,
	action: MediaSessionAction,
	details: Omit<MediaSessionActionDetails, 'action'> = {}
): Promise<void> {
	await page.evaluate(
		([name, extra]) => {
			const handler = window.mediaSessionRecord.handlers.get(name);
			if (!handler) throw new Error(`Cue registered no handler for "${name}"`);
			handler({ action: name, ...extra });
		},
		[action, details] as const
	);
}

async function registeredActions(page: Page): Promise<string[]> {
	return page.evaluate(() => [...window.mediaSessionRecord.handlers.keys()]);
}

async function lastPosition(page: Page): Promise<MediaPositionState | null | undefined> {
	return page.evaluate(() => window.mediaSessionRecord.positions.at(-1));
}

async function metadata(page: Page) {
	return page.evaluate(() => {
		const current = navigator.mediaSession.metadata;
		if (!current) return null;
		const { title, artist, album } = current;
		return { title, artist, album, artwork: current.artwork.map((image) => image.src) };
	});
}

const CHECK_IN_PATHS = {
	start: '/Sessions/Playing',
	progress: '/Sessions/Playing/Progress',
	stopped: '/Sessions/Playing/Stopped'
};

/** Matches a check-in of one kind from one device whose body passes `match`. */
function checkInFrom(
	deviceId: string,
	kind: keyof typeof CHECK_IN_PATHS,
	match: (body: Record<string, unknown>) => boolean = () => true
) {
	return (event: LogEvent) =>
		event.kind === 'http' &&
		event.method === 'POST' &&
		event.deviceId === deviceId &&
		event.path === CHECK_IN_PATHS[kind] &&
		match(checkInBody(event));
}

test('registers every transport action', async ({ page }) => {
	await signInAndFindSession(page, remote);
	const actions = await registeredActions(page);
	for (const action of [
		'play',
		'pause',
		'stop',
		'seekto',
		'seekbackward',
		'seekforward',
		'previoustrack',
		'nexttrack'
	]) {
		expect(actions, action).toContain(action);
	}
});

test('metadata follows the playing item', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	const [first, second] = library.tracks;
	await remote.play(session.Id, [first.Id, second.Id]);
	await expectPlaying(page);
	const current = await metadata(page);
	expect(current?.title).toBe(first.Name);
	expect(current?.artist).toBe('The Test Signals');
	expect(current?.album).toBe('Tone Poems');
	expect(current?.artwork).toHaveLength(1);
	expect(current?.artwork[0]).toContain(`/Items/${library.albumId}/Images/Primary`);
	expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing');

	await remote.playstate(session.Id, 'NextTrack');
	await expect.poll(async () => (await metadata(page))?.title).toBe(second.Name);

	const video = library.videos[0];
	await remote.play(session.Id, [video.Id]);
	await expect.poll(async () => (await metadata(page))?.title).toBe(video.Name);
	expect((await metadata(page))?.artwork[0]).toContain(`/Items/${video.Id}/Images/Primary`);
});

test('pause and play keys report to the server', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id]);
	await expectPlaying(page);

	let since = await logCursor();
	await pressMediaKey(page, 'pause');
	await expectPaused(page);
	await waitForEvent(
		since,
		checkInFrom(deviceId, 'progress', (body) => body.IsPaused === true),
		'a pause report'
	);
	await expect.poll(() => page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');
	expect((await lastPosition(page))?.position).toBeGreaterThan(0);

	since = await logCursor();
	await pressMediaKey(page, 'play');
	await expectPlaying(page);
	await waitForEvent(
		since,
		checkInFrom(deviceId, 'progress', (body) => body.IsPaused === false),
		'an unpause report'
	);
	await expect
		.poll(() => page.evaluate(() => navigator.mediaSession.playbackState))
		.toBe('playing');
});

test('seek keys move playback and the position state', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id]);
	await expectPlaying(page);
	await pressMediaKey(page, 'pause');
	await expectPaused(page);

	const steps: [MediaSessionAction, Omit<MediaSessionActionDetails, 'action'>, number][] = [
		['seekto', { seekTime: 600 }, 600],
		['seekforward', {}, 630],
		['seekbackward', {}, 620],
		['seekbackward', { seekOffset: 20 }, 600],
		['seekforward', { seekOffset: 5 }, 605]
	];
	for (const [action, details, expected] of steps) {
		const since = await logCursor();
		await pressMediaKey(page, action, details);
		await expect
			.poll(async () => (await mediaState(page)).currentTime, { message: action })
			.toBeCloseTo(expected, 0);
		await waitForEvent(
			since,
			checkInFrom(
				deviceId,
				'progress',
				(body) => Math.abs(Number(body.PositionTicks) - ticks(expected)) < ticks(1)
			),
			`a report at ${expected} s after ${action}`
		);
		await expect
			.poll(async () => (await lastPosition(page))?.position, { message: action })
			.toBeCloseTo(expected, 0);
	}
	expect((await lastPosition(page))?.duration).toBeCloseTo(library.longAudio.seconds, 0);
});

test('position state follows the playback rate', async ({ page }) => {
	const { session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.longAudio.Id]);
	await expectPlaying(page);
	await page.evaluate(() => (document.querySelector('video')!.playbackRate = 1.5));
	await expect.poll(async () => (await lastPosition(page))?.playbackRate).toBe(1.5);
});

test('track keys move through the queue', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	const [first, second, third] = library.tracks;
	await remote.play(session.Id, [first.Id, second.Id, third.Id], { startIndex: 1 });
	await expectPlaying(page);

	let since = await logCursor();
	await pressMediaKey(page, 'nexttrack');
	await waitForEvent(
		since,
		checkInFrom(deviceId, 'start', (body) => body.ItemId === third.Id),
		'a start report for the third track'
	);
	await expect.poll(async () => (await mediaState(page)).src).toContain(third.Id);

	// Within its first 3 s, previous track goes back an item instead of restarting this one.
	await pressMediaKey(page, 'pause');
	await pressMediaKey(page, 'seekto', { seekTime: 0 });
	await expect.poll(async () => (await mediaState(page)).currentTime).toBeLessThan(1);
	since = await logCursor();
	await pressMediaKey(page, 'previoustrack');
	await waitForEvent(
		since,
		checkInFrom(deviceId, 'start', (body) => body.ItemId === second.Id),
		'a start report for the second track'
	);
	const order = (await checkIns(since, deviceId)).filter(
		(event) => checkInKind(event) !== 'progress'
	);
	expect(order.map((event) => `${checkInKind(event)}:${checkInBody(event).ItemId}`)).toEqual([
		`stopped:${third.Id}`,
		`start:${second.Id}`
	]);
});

test('stop key reports Stopped and clears the metadata', async ({ page }) => {
	const { deviceId, session } = await signInAndFindSession(page, remote);
	await remote.play(session.Id, [library.tracks[0].Id]);
	await expectPlaying(page);
	const since = await logCursor();
	await pressMediaKey(page, 'stop');
	const stopped = await waitForEvent(since, checkInFrom(deviceId, 'stopped'), 'a Stopped report');
	expect(checkInBody(stopped).ItemId).toBe(library.tracks[0].Id);
	await expect.poll(() => metadata(page)).toBeNull();
	expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('none');
	await expect.poll(async () => (await remote.session(deviceId))?.NowPlayingItem).toBeUndefined();
});
