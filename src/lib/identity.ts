import { describeDevice, type ClientIdentity } from '$lib/protocol/authorization';

export const CLIENT_NAME = 'Cue';
export const CLIENT_VERSION = __CUE_VERSION__;

const DEVICE_ID_KEY = 'cue.deviceId';
const DEVICE_NAME_KEY = 'cue.deviceName';

/**
 * Returns this browser install's identity. The DeviceId is made once and kept for good (sign-out
 * keeps it), because the server keys sessions and capabilities by Client + DeviceId.
 */
export function loadIdentity(): ClientIdentity {
	return {
		client: CLIENT_NAME,
		version: CLIENT_VERSION,
		deviceId: loadDeviceId(),
		device: readStorage(DEVICE_NAME_KEY) || describeDevice(navigator.userAgent)
	};
}

export function saveDeviceName(name: string): void {
	const trimmed = name.trim();
	if (trimmed) writeStorage(DEVICE_NAME_KEY, trimmed);
	else removeStorage(DEVICE_NAME_KEY);
}

function loadDeviceId(): string {
	const saved = readStorage(DEVICE_ID_KEY);
	if (saved && /^[0-9a-f]{32}$/.test(saved)) return saved;
	const created = randomHex(16);
	writeStorage(DEVICE_ID_KEY, created);
	return created;
}

/** Random hex from getRandomValues, which, unlike randomUUID, also exists on plain-http LAN pages. */
export function randomHex(bytes: number): string {
	const values = crypto.getRandomValues(new Uint8Array(bytes));
	return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

export function readStorage(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

export function writeStorage(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// Private modes can refuse storage; Cue still works for this visit.
	}
}

export function removeStorage(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// Same as writeStorage: nothing to do when storage is unavailable.
	}
}
