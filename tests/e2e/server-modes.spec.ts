import { expect, test } from '@playwright/test';

import {
	deviceIdOf,
	expectPaused,
	expectPlaying,
	expectServerMatches,
	mediaState
} from './support/app';
import { ticks } from './support/remote';
import { checkInsOf, MODE_PROFILES, useModeServer } from './support/server-modes';

// The same scenario against every server family Cue speaks: each gets its own test server.
for (const profile of MODE_PROFILES) {
	test.describe(`${profile.mode} server`, () => {
		const modeServer = useModeServer(profile.mode);

		test('signs in and obeys Play, Pause, Seek, Stop', async ({ page }) => {
			const server = modeServer();
			const since = await server.cursor();
			await server.signIn(page);
			const deviceId = await deviceIdOf(page);
			const session = await server.controllableSession(deviceId);
			const [first, second] = (await server.library()).tracks;

			await test.step('registration', async () => {
				expect(session.SupportedCommands).toContain('DisplayMessage');
				expect(session.SupportedCommands).toContain('SetVolume');
				const embyOnly = session.SupportedCommands?.includes('SetSubtitleOffset');
				expect(embyOnly).toBe(profile.mode === 'emby');
			});

			await test.step('Play', async () => {
				await server.remote.play(session.Id, [first!, second!]);
				await expectPlaying(page);
				await expectServerMatches(page, server.remote, deviceId, {
					itemId: first!,
					paused: false
				});
			});

			await test.step('Pause', async () => {
				await server.remote.playstate(session.Id, 'Pause');
				await expectPaused(page);
				await expectServerMatches(page, server.remote, deviceId, {
					itemId: first!,
					paused: true
				});
			});

			await test.step('Seek', async () => {
				await server.remote.playstate(session.Id, 'Seek', ticks(20));
				await expect.poll(async () => (await mediaState(page)).currentTime).toBeCloseTo(20, 0);
				await expectServerMatches(page, server.remote, deviceId, {
					itemId: first!,
					paused: true
				});
			});

			await test.step('Stop', async () => {
				await server.remote.playstate(session.Id, 'Stop');
				await expect
					.poll(async () => (await server.remote.session(deviceId))?.NowPlayingItem)
					.toBeUndefined();
			});

			await test.step('check-ins', async () => {
				const checkIns = checkInsOf(await server.events(since), deviceId, session.Id);
				const kinds = checkIns.map((checkIn) => checkIn.kind);
				expect(kinds[0]).toBe('start');
				expect(kinds.at(-1)).toBe('stopped');
				const pausedEvents = checkIns
					.filter((checkIn) => checkIn.kind === 'progress' && checkIn.body.IsPaused === true)
					.map((checkIn) => checkIn.body.EventName);
				expect(pausedEvents).toContain(profile.pauseEventName);
				const seeked = checkIns.filter((checkIn) => checkIn.kind === 'progress').at(-1);
				expect(Number(seeked?.body.PositionTicks) / 1e7).toBeCloseTo(20, 0);
				expect(checkIns.at(-1)?.body.ItemId).toBe(first!);
			});
		});
	});
}
