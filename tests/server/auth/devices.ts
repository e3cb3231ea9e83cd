import { newGuid } from '../core/wire.ts';

/**
 * An access token and the device it was issued to (Jellyfin's `Device` row). Later requests
 * that carry the token but omit client fields inherit them from here.
 */
export interface DeviceRecord {
	accessToken: string;
	userId: string;
	appName: string;
	appVersion: string;
	deviceName: string;
	deviceId: string;
	dateCreated: number;
}

/** In-memory token store, lost when the server stops like all other state. */
export class DeviceStore {
	private readonly records: DeviceRecord[] = [];

	create(fields: Omit<DeviceRecord, 'accessToken' | 'dateCreated'>): DeviceRecord {
		const record = { ...fields, accessToken: newGuid(), dateCreated: Date.now() };
		this.records.push(record);
		return record;
	}

	findByToken(token: string): DeviceRecord | undefined {
		return this.records.find((record) => record.accessToken === token);
	}

	/** Device ids are matched exactly, as in the server's device query. */
	findByUserAndDevice(userId: string, deviceId: string): DeviceRecord[] {
		return this.records.filter(
			(record) => record.userId === userId && record.deviceId === deviceId
		);
	}

	/** Finds a live token of the app `appName` on `deviceId`, both matched exactly. */
	findByAppAndDevice(appName: string, deviceId: string): DeviceRecord | undefined {
		return this.records.find(
			(record) => record.appName === appName && record.deviceId === deviceId
		);
	}

	delete(record: DeviceRecord): void {
		const index = this.records.indexOf(record);
		if (index !== -1) this.records.splice(index, 1);
	}
}
