import { formatDate, md5Guid } from '../core/wire.ts';

/** A server account. Permissions carry Jellyfin's defaults for a user that is not an admin. */
export interface User {
	id: string;
	name: string;
	password: string;
	isAdministrator: boolean;
	enableRemoteControlOfOtherUsers: boolean;
	enableSharedDeviceControl: boolean;
	lastLoginDate?: number;
	lastActivityDate?: number;
}

/** The demo accounts, printed by the CLI. Ids stay the same across restarts. */
export const DEMO_USERS: readonly Pick<User, 'name' | 'password'>[] = [
	{ name: 'demo', password: 'demo' },
	{ name: 'guest', password: 'guest' }
];

export function createUsers(): User[] {
	return DEMO_USERS.map(({ name, password }) => ({
		id: md5Guid(`cue-demo-user:${name}`),
		name,
		password,
		isAdministrator: false,
		enableRemoteControlOfOtherUsers: false,
		enableSharedDeviceControl: true
	}));
}

/** Looks a user up by name, case-insensitively as Jellyfin does. */
export function findUserByName(users: readonly User[], name: string): User | undefined {
	const wanted = name.toLowerCase();
	return users.find((user) => user.name.toLowerCase() === wanted);
}

function userConfiguration() {
	return {
		AudioLanguagePreference: '',
		PlayDefaultAudioTrack: true,
		SubtitleLanguagePreference: '',
		DisplayMissingEpisodes: false,
		GroupedFolders: [],
		SubtitleMode: 'Default',
		DisplayCollectionsView: false,
		EnableLocalPassword: false,
		OrderedViews: [],
		LatestItemsExcludes: [],
		MyMediaExcludes: [],
		HidePlayedInLatest: true,
		RememberAudioSelections: true,
		RememberSubtitleSelections: true,
		EnableNextEpisodeAutoPlay: true,
		CastReceiverId: 'F007D354'
	};
}

function userPolicy(user: User) {
	return {
		IsAdministrator: user.isAdministrator,
		IsHidden: false,
		EnableCollectionManagement: false,
		EnableSubtitleManagement: false,
		EnableLyricManagement: false,
		IsDisabled: false,
		BlockedTags: [],
		AllowedTags: [],
		EnableUserPreferenceAccess: true,
		AccessSchedules: [],
		BlockUnratedItems: [],
		EnableRemoteControlOfOtherUsers: user.enableRemoteControlOfOtherUsers,
		EnableSharedDeviceControl: user.enableSharedDeviceControl,
		EnableRemoteAccess: true,
		EnableLiveTvManagement: false,
		EnableLiveTvAccess: true,
		EnableMediaPlayback: true,
		EnableAudioPlaybackTranscoding: true,
		EnableVideoPlaybackTranscoding: true,
		EnablePlaybackRemuxing: true,
		ForceRemoteSourceTranscoding: false,
		EnableContentDeletion: false,
		EnableContentDeletionFromFolders: [],
		EnableContentDownloading: true,
		EnableSyncTranscoding: true,
		EnableMediaConversion: true,
		EnabledDevices: [],
		EnableAllDevices: true,
		EnabledChannels: [],
		EnableAllChannels: true,
		EnabledFolders: [],
		EnableAllFolders: true,
		InvalidLoginAttemptCount: 0,
		LoginAttemptsBeforeLockout: -1,
		MaxActiveSessions: 0,
		EnablePublicSharing: true,
		BlockedMediaFolders: [],
		BlockedChannels: [],
		RemoteClientBitrateLimit: 0,
		AuthenticationProviderId: 'Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider',
		PasswordResetProviderId: 'Jellyfin.Server.Implementations.Users.DefaultPasswordResetProvider',
		SyncPlayAccess: 'CreateAndJoinGroups'
	};
}

/** Builds the 10.11 `UserDto`, with properties in the server's order. */
export function toUserDto(user: User, serverId: string) {
	return {
		Name: user.name,
		ServerId: serverId,
		Id: user.id,
		HasPassword: user.password !== '',
		HasConfiguredPassword: user.password !== '',
		HasConfiguredEasyPassword: false,
		EnableAutoLogin: false,
		LastLoginDate: user.lastLoginDate === undefined ? undefined : formatDate(user.lastLoginDate),
		LastActivityDate:
			user.lastActivityDate === undefined ? undefined : formatDate(user.lastActivityDate),
		Configuration: userConfiguration(),
		Policy: userPolicy(user)
	};
}
