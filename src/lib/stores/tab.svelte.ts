/**
 * This tab's part in the browser: only one tab of a browser may be the controllable player,
 * because all tabs share one DeviceId and the server sends commands to only one socket per device.
 */
export type TabRole = 'undecided' | 'active' | 'standby';

class TabStore {
	role = $state<TabRole>('undecided');
}

export const tab = new TabStore();
