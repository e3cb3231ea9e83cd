/**
 * Every file of the shared example-message corpus, classified by direction and payload, run through
 * the matching parser. A file missing from the table below fails the suite until it is classified.
 */
import * as z from 'zod/mini';
import { describe, expect, test } from 'vitest';
import { PlaybackProgressInfoSchema } from './checkin-schemas';
import { readIntegerArgument } from './commands';
import { KEEP_ALIVE_FRAME, parseFrame } from './messages';
import { PlayRequestSchema } from './message-data';
import {
	AuthenticationResultSchema,
	MediaSourceSchema,
	PlaybackInfoResponseSchema,
	PublicSystemInfoSchema,
	QuickConnectResultSchema,
	SessionInfoSchema
} from './schemas';
import { listCorpusFiles, readCorpusText } from './testing/reference';

type Expectation =
	| { frame: 'message'; messageType: string }
	| { frame: 'unknown'; messageType: string }
	| { schema: z.ZodMiniType };

const handled = (messageType: string): Expectation => ({ frame: 'message', messageType });
const unhandled = (messageType: string): Expectation => ({ frame: 'unknown', messageType });
const body = (schema: z.ZodMiniType): Expectation => ({ schema });

const EXPECTED: Record<string, Expectation> = {
	// Server to client socket frames.
	'emby-ws-userdatachanged-2017.json': handled('UserDataChanged'),
	'jf-ws-forcekeepalive-10.8-derived.json': handled('ForceKeepAlive'),
	'jf-ws-forcekeepalive-testfixture.json': handled('ForceKeepAlive'),
	'jf-ws-generalcommand-displaycontent-derived.json': handled('GeneralCommand'),
	'jf-ws-generalcommand-displaymessage-derived.json': handled('GeneralCommand'),
	'jf-ws-generalcommand-mute-noargs-derived.json': handled('GeneralCommand'),
	'jf-ws-generalcommand-setaudiostreamindex-derived.json': handled('GeneralCommand'),
	'jf-ws-generalcommand-setrepeatmode-derived.json': handled('GeneralCommand'),
	'jf-ws-generalcommand-setshufflequeue-derived.json': handled('GeneralCommand'),
	'jf-ws-generalcommand-setsubtitlestreamindex-off-derived.json': handled('GeneralCommand'),
	'jf-ws-generalcommand-setvolume-derived.json': handled('GeneralCommand'),
	'jf-ws-keepalive-reply-10.8.json': handled('KeepAlive'),
	'jf-ws-librarychanged-10.6-from-python-repr.json': handled('LibraryChanged'),
	'jf-ws-play-playnext-derived.json': handled('Play'),
	'jf-ws-play-playnow-derived.json': handled('Play'),
	'jf-ws-playstate-playpause-derived.json': handled('Playstate'),
	'jf-ws-playstate-seek-derived.json': handled('Playstate'),
	'jf-ws-playstate-stop-inactive-derived.json': handled('Playstate'),
	'jf-ws-restartrequired-derived.json': handled('RestartRequired'),
	'jf-ws-serverrestarting-derived.json': handled('ServerRestarting'),
	'jf-ws-servershuttingdown-derived.json': handled('ServerShuttingDown'),
	'jf-ws-sessions-derived-10.8.json': unhandled('Sessions'),
	'jf-ws-userdatachanged-10.8.json': handled('UserDataChanged'),
	'jf-ws-userdeleted-derived.json': handled('UserDeleted'),
	'legacy-ws-restartrequired-wiki.json': handled('RestartRequired'),
	// A Play request's Data without its envelope.
	'jf-ws-play-data-only-real.json': body(PlayRequestSchema),
	// Client to server socket frames: only KeepAlive is a type Cue also receives.
	'emby-ws-scheduledtasksinfostart-from-client.json': unhandled('ScheduledTasksInfoStart'),
	'emby-ws-sessionsstart-from-client.json': unhandled('SessionsStart'),
	'jf-ws-keepalive-from-client.json': handled('KeepAlive'),
	'jf-ws-sessionsstart-from-client.json': unhandled('SessionsStart'),
	'jf-ws-sessionsstop-from-client.json': unhandled('SessionsStop'),
	'legacy-ws-identity-from-client.json': unhandled('Identity'),
	'legacy-ws-playbackprogress-pipe-from-client.json': unhandled('PlaybackProgress'),
	'legacy-ws-reportplaybackprogress-from-client.json': unhandled('ReportPlaybackProgress'),
	// HTTP bodies.
	'emby-http-session-doc-example.json': body(SessionInfoSchema),
	'emby-http-system-info-public-thirdparty.json': body(PublicSystemInfoSchema),
	'jf-http-authenticatebyname-response-10.8.10.json': body(AuthenticationResultSchema),
	'jf-http-playbackinfo-response-derived.json': body(PlaybackInfoResponseSchema),
	'jf-http-quickconnect-initiate-response-derived.json': body(QuickConnectResultSchema),
	'jf-http-sessions-playing-progress-request-web-derived.json': body(PlaybackProgressInfoSchema),
	'jf-http-sessions-playing-request-finamp.json': body(PlaybackProgressInfoSchema),
	'jf-http-sessions-response-10.11-thirdparty.json': body(z.array(SessionInfoSchema)),
	'jf-http-system-info-public-10.8.10.json': body(PublicSystemInfoSchema),
	'jf-testfixture-mediasourceinfo-mp4-h264-aac-srt.json': body(MediaSourceSchema)
};

function parseCorpusFrame(name: string) {
	return parseFrame(readCorpusText(name).trim());
}

function parseCorpusBody<T>(name: string, schema: z.ZodMiniType<T>): T {
	return schema.parse(JSON.parse(readCorpusText(name)));
}

describe('example corpus', () => {
	const files = listCorpusFiles();

	test('every file is classified', () => {
		expect(files.filter((name) => !(name in EXPECTED))).toEqual([]);
		expect(Object.keys(EXPECTED).filter((name) => !files.includes(name))).toEqual([]);
	});

	test.each(files.filter((name) => name in EXPECTED))('%s', (name) => {
		const expectation = EXPECTED[name];
		if ('schema' in expectation) {
			const result = expectation.schema.safeParse(JSON.parse(readCorpusText(name)));
			expect(result.error).toBeUndefined();
			return;
		}

		const parsed = parseCorpusFrame(name);
		expect(parsed.kind).toBe(expectation.frame);
		if (parsed.kind === 'message') expect(parsed.message.MessageType).toBe(expectation.messageType);
		if (parsed.kind === 'unknown') expect(parsed.messageType).toBe(expectation.messageType);
	});
});

describe('example corpus values', () => {
	test('client keep-alive is the exact frame Cue sends', () => {
		expect(readCorpusText('jf-ws-keepalive-from-client.json').trim()).toBe(KEEP_ALIVE_FRAME);
	});

	test('PlayNow carries every start field', () => {
		expect(parseCorpusFrame('jf-ws-play-playnow-derived.json')).toMatchObject({
			message: {
				MessageId: '3f2b7c1e9d8a4b6c8e0f1a2b3c4d5e6f',
				Data: {
					ItemIds: ['8fa2e080856823d65e120b0444f8fe15', '9c0d1e2f3a4b5c6d7e8f901a2b3c4d5e'],
					PlayCommand: 'PlayNow',
					StartPositionTicks: 15694430000,
					StartIndex: 0,
					MediaSourceId: '8fa2e080856823d65e120b0444f8fe15',
					AudioStreamIndex: 1,
					SubtitleStreamIndex: 2
				}
			}
		});
	});

	test('inactivity Stop keeps its dashed ControllingUserId', () => {
		expect(parseCorpusFrame('jf-ws-playstate-stop-inactive-derived.json')).toMatchObject({
			message: {
				Data: { Command: 'Stop', ControllingUserId: 'b0b0b0b0-c1c1-d2d2-e3e3-f4f4a5a5b6b6' }
			}
		});
	});

	test('ForceKeepAlive with 32 zero MessageId gives 60 s', () => {
		expect(parseCorpusFrame('jf-ws-forcekeepalive-10.8-derived.json')).toEqual({
			kind: 'message',
			message: {
				MessageType: 'ForceKeepAlive',
				MessageId: '00000000000000000000000000000000',
				Data: 60
			}
		});
	});

	test('subtitle off argument reads as -1', () => {
		const parsed = parseCorpusFrame('jf-ws-generalcommand-setsubtitlestreamindex-off-derived.json');
		if (parsed.kind !== 'message' || parsed.message.MessageType !== 'GeneralCommand') {
			throw new Error('expected a GeneralCommand');
		}
		expect(readIntegerArgument(parsed.message.Data.Arguments, 'Index', -1, 1000)).toBe(-1);
	});

	test('Emby UserDataChanged without MessageId lists two items', () => {
		const parsed = parseCorpusFrame('emby-ws-userdatachanged-2017.json');
		if (parsed.kind !== 'message' || parsed.message.MessageType !== 'UserDataChanged') {
			throw new Error('expected UserDataChanged');
		}
		expect(parsed.message.MessageId).toBeUndefined();
		expect(parsed.message.Data.UserDataList.map((entry) => entry.ItemId)).toEqual([
			'f822f61be1862484f5a2e4c854d244ac',
			'207cf78d67baae9a93284169cb204f16'
		]);
	});

	test('sign-in response gives token, user and session id', () => {
		const result = parseCorpusBody(
			'jf-http-authenticatebyname-response-10.8.10.json',
			AuthenticationResultSchema
		);
		expect(result.AccessToken.length).toBeGreaterThan(0);
		expect(result.User.Name).toBe('alice');
		expect(result.SessionInfo?.Id).toBe('84362137efe2ccd2a0c5e3f09d36c6f5');
	});

	test('PlaybackInfo keeps the external subtitle stream', () => {
		const result = parseCorpusBody(
			'jf-http-playbackinfo-response-derived.json',
			PlaybackInfoResponseSchema
		);
		const subtitle = result.MediaSources[0].MediaStreams.find(
			(stream) => stream.Type === 'Subtitle'
		);
		expect(subtitle).toMatchObject({ Index: 2, IsExternal: true, DeliveryMethod: 'External' });
	});

	test('server test fixture streams get model defaults', () => {
		const source = parseCorpusBody(
			'jf-testfixture-mediasourceinfo-mp4-h264-aac-srt.json',
			MediaSourceSchema
		);
		expect(source.MediaStreams.map((stream) => [stream.Index, stream.Type])).toEqual([
			[0, 'Video'],
			[1, 'Audio'],
			[2, 'Subtitle']
		]);
	});

	test('legacy socket progress Data parses as a progress body', () => {
		const frame = JSON.parse(readCorpusText('legacy-ws-reportplaybackprogress-from-client.json'));
		expect(PlaybackProgressInfoSchema.safeParse(frame.Data).success).toBe(true);
	});
});
