// Generates socket frames as a busy or hostile server sends them: remote commands, library and
// user-data events, keep-alives, message types Cue does not handle, and malformed frames. A seeded
// generator makes every run send the same frames.

/** Returns a pseudo-random generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
		return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
	};
}

/** Jellyfin 10.11 message types that Cue receives but takes no action on. */
const UNHANDLED_TYPES = [
	'ActivityLogEntry',
	'ScheduledTasksInfo',
	'ScheduledTaskEnded',
	'PackageInstalling',
	'PackageInstallationCompleted',
	'RefreshProgress',
	'SyncPlayGroupUpdate',
	'SyncPlayCommand',
	'TimerCreated',
	'SeriesTimerCancelled',
	'Sessions',
	'UserConfigurationUpdated'
];

const MALFORMED = [
	'{"MessageType":',
	'[]',
	'42',
	'null',
	'{"Data":{"Command":"Pause"}}',
	'{"MessageType":17,"Data":{}}',
	'{"MessageType":"Play","Data":{"ItemIds":"not-a-list","PlayCommand":"PlayNow"}}',
	'{"MessageType":"Play","Data":{"ItemIds":[],"PlayCommand":"PlayNow"}}',
	'{"MessageType":"Playstate","Data":{"Command":"Explode"}}',
	'{"MessageType":"Playstate","Data":{"Command":"Seek"}}',
	'{"MessageType":"GeneralCommand","Data":{"Arguments":{}}}',
	'{"MessageType":"GeneralCommand","Data":{"Name":"SetVolume","Arguments":{"Volume":"loud"}}}',
	`{"MessageType":"Play","Data":{"ItemIds":["${'a'.repeat(4000)}`,
	'\u0000\u0001\u0002',
	'{"MessageType":"LibraryChanged","Data":{"ItemsAdded":"nope"}}'
];

export class MessageMix {
	#random;
	#itemIds;
	#sequence = 0;

	/** `itemIds` are the audio items that Play commands and events name. */
	constructor(itemIds, seed = 20_240_611) {
		this.#random = seededRandom(seed);
		this.#itemIds = itemIds;
	}

	#pick(list) {
		return list[Math.floor(this.#random() * list.length)];
	}

	#integer(low, high) {
		return low + Math.floor(this.#random() * (high - low + 1));
	}

	/** Returns a MessageId in Jellyfin's 32-digit hex form, unique within this mix. */
	messageId() {
		this.#sequence += 1;
		return `b${this.#sequence.toString(16).padStart(31, '0')}`;
	}

	#randomId() {
		return Array.from({ length: 32 }, () => this.#integer(0, 15).toString(16)).join('');
	}

	message(MessageType, Data) {
		return JSON.stringify({ MessageType, MessageId: this.messageId(), Data });
	}

	#playstate() {
		const command = this.#pick(
			['Pause', 'Unpause', 'PlayPause', 'Seek', 'Seek', 'Rewind', 'FastForward'].concat(
				this.#random() < 0.01 ? ['NextTrack', 'PreviousTrack', 'Stop'] : []
			)
		);
		const data = { Command: command };
		if (command === 'Seek') data.SeekPositionTicks = this.#integer(0, 20) * 10_000_000;
		return this.message('Playstate', data);
	}

	#generalCommand() {
		const name = this.#pick([
			'SetVolume',
			'VolumeUp',
			'VolumeDown',
			'Mute',
			'Unmute',
			'ToggleMute',
			'SetRepeatMode',
			'SetShuffleQueue',
			'DisplayMessage',
			'SetSubtitleStreamIndex',
			'MoveUp',
			'SendKey'
		]);
		const args = {
			SetVolume: { Volume: String(this.#integer(0, 100)) },
			SetRepeatMode: { RepeatMode: this.#pick(['RepeatNone', 'RepeatAll', 'RepeatOne']) },
			SetShuffleQueue: { ShuffleMode: this.#pick(['Sorted', 'Shuffle']) },
			DisplayMessage: { Header: 'Bench', Text: `message ${this.#sequence}`, TimeoutMs: '2000' },
			SetSubtitleStreamIndex: { Index: '-1' },
			SendKey: { Key: 'Enter' }
		}[name];
		return this.message('GeneralCommand', { Name: name, Arguments: args ?? {} });
	}

	#userDataChanged() {
		const itemId = this.#random() < 0.5 ? this.#pick(this.#itemIds) : this.#randomId();
		return this.message('UserDataChanged', {
			UserId: this.#randomId(),
			UserDataList: [
				{
					ItemId: itemId,
					Key: itemId,
					PlaybackPositionTicks: this.#integer(0, 600) * 10_000_000,
					PlayCount: this.#integer(0, 9),
					IsFavorite: this.#random() < 0.5,
					Played: this.#random() < 0.5
				}
			]
		});
	}

	#libraryChanged() {
		const ids = () => Array.from({ length: this.#integer(0, 3) }, () => this.#randomId());
		return this.message('LibraryChanged', {
			FoldersAddedTo: [],
			FoldersRemovedFrom: [],
			ItemsAdded: ids(),
			ItemsRemoved: ids(),
			ItemsUpdated: ids(),
			CollectionFolders: [],
			IsEmpty: false
		});
	}

	/**
	 * Returns a frame that is no remote command: a library or user-data event, a keep-alive or a
	 * type Cue does not handle.
	 */
	noise() {
		const roll = this.#random();
		if (roll < 0.4) return this.#userDataChanged();
		if (roll < 0.7) return this.#libraryChanged();
		if (roll < 0.8) return '{"MessageType":"KeepAlive"}';
		return this.message(this.#pick(UNHANDLED_TYPES), {});
	}

	/** Returns a malformed frame: not JSON, no message, or a message whose Data is invalid. */
	malformed() {
		return this.#pick(MALFORMED);
	}

	/** Returns the next frame; the shares are those of the comments below. */
	next() {
		const roll = this.#random();
		if (roll < 0.003) {
			// 0.3 %: Play, which fetches the item and loads the media.
			return this.message('Play', { ItemIds: [this.#pick(this.#itemIds)], PlayCommand: 'PlayNow' });
		}
		if (roll < 0.3) return this.#playstate(); // 29.7 %
		if (roll < 0.55) return this.#generalCommand(); // 25 %
		if (roll < 0.7) return this.#userDataChanged(); // 15 %
		if (roll < 0.8) return this.#libraryChanged(); // 10 %
		if (roll < 0.84) return '{"MessageType":"KeepAlive"}'; // 4 %
		if (roll < 0.92) return this.message(this.#pick(UNHANDLED_TYPES), {}); // 8 %
		return this.malformed(); // 8 %
	}
}
