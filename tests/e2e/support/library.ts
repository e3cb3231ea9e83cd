import { DEMO_ITEMS, DEMO_ITEM_IDS } from '../../server/library/demo-items.ts';

export interface DemoItem {
	Id: string;
	Name: string;
	seconds: number;
}

function demoItem(id: string): DemoItem {
	const item = DEMO_ITEMS.find((candidate) => candidate.id === id);
	if (!item) throw new Error(`the demo library has no item ${id}`);
	return { Id: item.id, Name: item.name, seconds: (item.runTimeTicks ?? 0) / 10_000_000 };
}

/**
 * The test server's demo library, by role: album tracks in order, a very long item, videos that
 * Chromium plays directly, and videos it cannot, which the server transcodes to HLS.
 */
export const library = {
	albumId: DEMO_ITEM_IDS.album,
	tracks: DEMO_ITEM_IDS.tracks.map(demoItem),
	longAudio: demoItem(DEMO_ITEM_IDS.longAudio),
	videos: [demoItem(DEMO_ITEM_IDS.colorBars), demoItem(DEMO_ITEM_IDS.countingPattern)],
	/** HEVC in MP4: transcoded to H.264 in MPEG-TS segments. */
	hevcVideo: demoItem(DEMO_ITEM_IDS.nightDrive),
	/** H.264 with DTS audio in MKV: transcoded to fragmented MP4 segments. */
	dtsVideo: demoItem(DEMO_ITEM_IDS.harbourLights),
	/** H.264 with two audio streams, two text subtitles and a PGS subtitle; see `twoVoicesStreams`. */
	twoVoices: demoItem(DEMO_ITEM_IDS.twoVoices),
	/** HEVC whose transcode playlist returns 404. */
	brokenTranscode: demoItem(DEMO_ITEM_IDS.lostTape),
	/** H.264 MP4 whose direct stream returns 500. */
	brokenFile: demoItem(DEMO_ITEM_IDS.scratchedDisc)
};

/** The media stream Index of each stream of `library.twoVoices`. */
export const twoVoicesStreams = {
	englishAudio: 1,
	frenchAudio: 2,
	englishSubtitle: 3,
	frenchSubtitle: 4,
	pgsSubtitle: 5
};
