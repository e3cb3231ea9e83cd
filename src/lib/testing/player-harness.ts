import { PlaybackEngine, type EngineContext } from '$lib/player/engine';
import { RemoteControl } from '$lib/player/remote-control';
import { CheckInReporter } from '$lib/player/reporter';
import { Transport } from '$lib/player/transport';
import { EMPTY_QUEUE } from '$lib/queue';
import { commandLog } from '$lib/stores/command-log.svelte';
import { player } from '$lib/stores/player.svelte';
import { FakeMediaElement } from './fake-media';
import { createFakeApi } from './fake-server';

/** Resets the shared player store between tests. */
export function resetPlayer(): void {
	player.queue = EMPTY_QUEUE;
	player.items = new Map();
	player.loaded = null;
	player.status = 'idle';
	player.error = null;
	player.repeatMode = 'RepeatNone';
	player.sortedOrder = null;
	player.removedItemIds = new Set();
	commandLog.clear();
}

/** Waits until queued commands, media events and check-ins have all run, and shows the log. */
async function settle(remote: RemoteControl, reporter: CheckInReporter): Promise<void> {
	for (let round = 0; round < 5; round++) {
		await remote.idle();
		await new Promise((resolve) => setTimeout(resolve, 0));
		remote.runFollowUps();
		await reporter.flush();
	}
	commandLog.flush();
}

/**
 * Builds the real engine, transport and remote control around a fake media element and a fake
 * server, for tests that drive the player with commands and inspect what it reported.
 */
export function createPlayerHarness(itemIds: string[]) {
	resetPlayer();
	const fake = createFakeApi(itemIds);
	const media = new FakeMediaElement();
	const context: EngineContext = { api: () => fake.api, userId: () => 'user-1' };
	const reporter = new CheckInReporter(() => fake.transport);
	const engine = new PlaybackEngine(context, reporter, media as unknown as HTMLMediaElement);
	const transport = new Transport(engine);
	const remote = new RemoteControl(engine, transport, context);
	return {
		...fake,
		media,
		engine,
		transport,
		remote,
		reporter,
		settle: () => settle(remote, reporter)
	};
}
