import { describe, expect, it } from 'vitest';

import {
	describeWakeLockFailure,
	screenLockNeeded,
	WakeLockHolder,
	type WakeLockFailure,
	type WakeLockHandle
} from './wake-lock-holder';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

class FakeHandle implements WakeLockHandle {
	released = false;
	#listeners: (() => void)[] = [];

	async release(): Promise<void> {
		if (this.released) return;
		this.released = true;
		this.#listeners.forEach((listener) => listener());
	}

	addEventListener(_type: 'release', listener: () => void): void {
		this.#listeners.push(listener);
	}
}

/** Creates a wake lock API whose requests the test grants or rejects one by one. */
function fakeRequester() {
	const pending: { grant(): FakeHandle; reject(error: Error): void }[] = [];
	const handles: FakeHandle[] = [];
	const requester = {
		request: () =>
			new Promise<WakeLockHandle>((resolve, reject) => {
				pending.push({
					grant: () => {
						const handle = new FakeHandle();
						handles.push(handle);
						resolve(handle);
						return handle;
					},
					reject
				});
			})
	};
	return { requester, pending, handles };
}

function makeHolder(requester = fakeRequester().requester) {
	let visible = true;
	const failures: WakeLockFailure[] = [];
	const holder = new WakeLockHolder({
		requester,
		isVisible: () => visible,
		onFailure: (failure) => failures.push(failure)
	});
	return { holder, failures, setVisible: (value: boolean) => (visible = value) };
}

describe('screenLockNeeded', () => {
	it('wants a lock for playing video or the setting, only when signed in', () => {
		const base = { signedIn: true, keepScreenOn: false, playingVideo: false };
		expect(screenLockNeeded(base)).toBe(false);
		expect(screenLockNeeded({ ...base, playingVideo: true })).toBe(true);
		expect(screenLockNeeded({ ...base, keepScreenOn: true })).toBe(true);
		expect(screenLockNeeded({ ...base, signedIn: false, keepScreenOn: true })).toBe(false);
		expect(screenLockNeeded({ ...base, signedIn: false, playingVideo: true })).toBe(false);
	});
});

describe('WakeLockHolder', () => {
	it('requests once and releases when unneeded', async () => {
		const fake = fakeRequester();
		const { holder } = makeHolder(fake.requester);
		holder.setNeeded(true);
		holder.setNeeded(true);
		expect(fake.pending).toHaveLength(1);
		const handle = fake.pending[0].grant();
		await settle();
		expect(holder.held).toBe(true);
		holder.setNeeded(false);
		expect(holder.held).toBe(false);
		expect(handle.released).toBe(true);
	});

	it('releases a lock granted too late', async () => {
		const fake = fakeRequester();
		const { holder } = makeHolder(fake.requester);
		holder.setNeeded(true);
		holder.setNeeded(false);
		const handle = fake.pending[0].grant();
		await settle();
		expect(handle.released).toBe(true);
		expect(holder.held).toBe(false);
	});

	it('waits for visibility and asks again after the browser released the lock', async () => {
		const fake = fakeRequester();
		const { holder, setVisible } = makeHolder(fake.requester);
		setVisible(false);
		holder.setNeeded(true);
		expect(fake.pending).toHaveLength(0);
		setVisible(true);
		holder.refresh();
		const first = fake.pending[0].grant();
		await settle();
		await first.release();
		expect(holder.held).toBe(false);
		holder.refresh();
		expect(fake.pending).toHaveLength(2);
		fake.pending[1].grant();
		await settle();
		expect(holder.held).toBe(true);
	});

	it('reports each rejection and tries again on the next refresh', async () => {
		const fake = fakeRequester();
		const { holder, failures } = makeHolder(fake.requester);
		holder.setNeeded(true);
		fake.pending[0].reject(new Error('NotAllowedError'));
		await settle();
		expect(failures).toHaveLength(1);
		expect(failures[0].kind).toBe('rejected');
		expect(holder.held).toBe(false);
		holder.refresh();
		expect(fake.pending).toHaveLength(2);
	});

	it('reports a missing API once', () => {
		const failures: WakeLockFailure[] = [];
		const holder = new WakeLockHolder({
			requester: undefined,
			isVisible: () => true,
			onFailure: (failure) => failures.push(failure)
		});
		holder.setNeeded(true);
		holder.refresh();
		holder.setNeeded(false);
		holder.setNeeded(true);
		expect(failures).toEqual([{ kind: 'unsupported' }]);
	});
});

describe('describeWakeLockFailure', () => {
	it('blames plain http when the page is not secure', () => {
		const text = describeWakeLockFailure({ kind: 'unsupported' }, false);
		expect(text).toContain('https');
	});

	it('names a missing API on a secure page', () => {
		const text = describeWakeLockFailure({ kind: 'unsupported' }, true);
		expect(text).toContain('no Screen Wake Lock');
	});

	it('includes the rejection', () => {
		const error = new Error('Wake Lock permission request denied');
		error.name = 'NotAllowedError';
		const text = describeWakeLockFailure({ kind: 'rejected', error }, true);
		expect(text).toContain('NotAllowedError: Wake Lock permission request denied');
		expect(text).toContain('Playback goes on');
	});
});
