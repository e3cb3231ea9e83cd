import * as z from 'zod/mini';
import { describe, expect, test } from 'vitest';
import { PlaybackProgressInfoSchema } from './checkin-schemas';
import { describeFirstIssue } from './issues';
import {
	AuthenticationResultSchema,
	BaseItemSchema,
	ItemsResultSchema,
	MediaSourceSchema,
	PlaybackInfoResponseSchema,
	PublicSystemInfoSchema,
	SessionInfoSchema,
	UserSchema
} from './schemas';

function reasonFor(schema: z.ZodMiniType, value: unknown, subject: string): string {
	const result = schema.safeParse(value, { reportInput: true });
	if (result.success) throw new Error(`expected ${subject} to fail`);
	return describeFirstIssue(subject, result.error, 'body');
}

describe('PublicSystemInfoSchema', () => {
	test('accepts an empty object', () => {
		expect(PublicSystemInfoSchema.safeParse({}).success).toBe(true);
	});

	test('rejects a non-object', () => {
		expect(reasonFor(PublicSystemInfoSchema, 'Jellyfin', 'PublicSystemInfo')).toBe(
			'PublicSystemInfo: body must be an object'
		);
		expect(PublicSystemInfoSchema.safeParse(null).success).toBe(false);
		expect(PublicSystemInfoSchema.safeParse([]).success).toBe(false);
	});

	test('reads null as absent', () => {
		expect(PublicSystemInfoSchema.parse({ ProductName: null, Version: '10.8.10' })).toEqual({
			Version: '10.8.10'
		});
	});
});

describe('AuthenticationResultSchema', () => {
	const user = { Id: 'a1', Name: 'alice' };

	test('requires a non-empty AccessToken', () => {
		expect(reasonFor(AuthenticationResultSchema, { User: user }, 'Sign-in')).toBe(
			'Sign-in: AccessToken is missing'
		);
		expect(reasonFor(AuthenticationResultSchema, { User: user, AccessToken: ' ' }, 'Sign-in')).toBe(
			'Sign-in: AccessToken must not be empty'
		);
	});

	test('requires the user', () => {
		expect(reasonFor(AuthenticationResultSchema, { AccessToken: 't' }, 'Sign-in')).toBe(
			'Sign-in: User is missing'
		);
		expect(
			reasonFor(AuthenticationResultSchema, { AccessToken: 't', User: { Id: 'a' } }, 'Sign-in')
		).toBe('Sign-in: User.Name is missing');
	});

	test('SessionInfo is optional and reads null as absent', () => {
		const result = AuthenticationResultSchema.parse({
			AccessToken: 't',
			User: user,
			SessionInfo: null
		});
		expect(result.SessionInfo).toBeUndefined();
	});
});

describe('UserSchema', () => {
	test('accepts Emby decimal and dashed ids', () => {
		expect(UserSchema.parse({ Id: 42, Name: 'bob' }).Id).toBe('42');
		expect(UserSchema.parse({ Id: 'b0b0b0b0-c1c1-d2d2-e3e3-f4f4a5a5b6b6', Name: 'bob' }).Id).toBe(
			'b0b0b0b0-c1c1-d2d2-e3e3-f4f4a5a5b6b6'
		);
	});
});

describe('BaseItemSchema', () => {
	test('reads numeric strings and nulls', () => {
		const item = BaseItemSchema.parse({
			Id: '1942',
			Name: 'Track',
			RunTimeTicks: '2580123033',
			IndexNumber: '3',
			ProductionYear: null,
			Artists: ['A', 'B'],
			ImageTags: { Primary: 'tag' },
			UserData: { Played: false, PlaybackPositionTicks: 0, IsFavorite: true, Key: 274870 }
		});
		expect(item).toEqual({
			Id: '1942',
			Name: 'Track',
			RunTimeTicks: 2580123033,
			IndexNumber: 3,
			Artists: ['A', 'B'],
			ImageTags: { Primary: 'tag' },
			UserData: { Played: false, PlaybackPositionTicks: 0, IsFavorite: true, Key: '274870' }
		});
	});

	test('strips unknown fields', () => {
		expect(BaseItemSchema.parse({ Id: 'a', Name: 'n', Chapters: [] })).toEqual({
			Id: 'a',
			Name: 'n'
		});
	});

	test('requires Id and Name', () => {
		expect(reasonFor(BaseItemSchema, { Name: 'n' }, 'Item')).toBe('Item: Id is missing');
		expect(reasonFor(BaseItemSchema, { Id: 'a' }, 'Item')).toBe('Item: Name is missing');
	});
});

describe('MediaSourceSchema', () => {
	test('turns numeric stream types into names', () => {
		const source = MediaSourceSchema.parse({
			Id: 'm',
			MediaStreams: [
				{ Index: 0, Type: 1 },
				{ Index: 1, Type: 0 },
				{ Index: 2, Type: 2 }
			]
		});
		expect(source.MediaStreams.map((stream) => stream.Type)).toEqual([
			'Video',
			'Audio',
			'Subtitle'
		]);
	});

	test('missing Index and Type read as 0 and Audio', () => {
		const source = MediaSourceSchema.parse({ Id: 'm', MediaStreams: [{ Codec: 'aac' }] });
		expect(source.MediaStreams).toEqual([{ Index: 0, Type: 'Audio', Codec: 'aac' }]);
	});

	test('drops malformed streams', () => {
		const source = MediaSourceSchema.parse({
			Id: 'm',
			MediaStreams: [{ Index: 'first' }, { Index: 1, Type: 'Audio' }, { Index: 2, Type: 99 }, null]
		});
		expect(source.MediaStreams).toEqual([{ Index: 1, Type: 'Audio' }]);
	});

	test('missing MediaStreams read as empty', () => {
		expect(MediaSourceSchema.parse({ Id: 'm' }).MediaStreams).toEqual([]);
	});
});

describe('list payloads', () => {
	test('ItemsResult reads Items', () => {
		const result = ItemsResultSchema.parse({
			Items: [{ Id: 'a', Name: 'A' }],
			TotalRecordCount: 1
		});
		expect(result).toEqual({ Items: [{ Id: 'a', Name: 'A' }], TotalRecordCount: 1 });
	});

	test('ItemsResult names the broken item', () => {
		expect(
			reasonFor(ItemsResultSchema, { Items: [{ Id: 'a', Name: 'A' }, { Id: 'b' }] }, 'Items')
		).toBe('Items: Items[1].Name is missing');
	});

	test('PlaybackInfoResponse with only an ErrorCode', () => {
		expect(PlaybackInfoResponseSchema.parse({ ErrorCode: 'NoCompatibleStream' })).toEqual({
			MediaSources: [],
			ErrorCode: 'NoCompatibleStream'
		});
	});

	test('SessionInfo requires Id and DeviceId', () => {
		expect(reasonFor(SessionInfoSchema, { Id: 's' }, 'Session')).toBe(
			'Session: DeviceId is missing'
		);
	});
});

describe('PlaybackProgressInfoSchema', () => {
	test('accepts explicit nulls', () => {
		const body = PlaybackProgressInfoSchema.parse({
			ItemId: 'i',
			MediaSourceId: null,
			NowPlayingQueue: null,
			PositionTicks: 5
		});
		expect(body).toEqual({ ItemId: 'i', PositionTicks: 5 });
	});

	test('enum values match in any case', () => {
		expect(
			PlaybackProgressInfoSchema.parse({ ItemId: 'i', PlayMethod: 'directplay' }).PlayMethod
		).toBe('DirectPlay');
	});
});
