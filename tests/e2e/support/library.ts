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

/** The test server's demo library, by role: album tracks in order, a very long item, videos. */
export const library = {
	albumId: DEMO_ITEM_IDS.album,
	tracks: DEMO_ITEM_IDS.tracks.map(demoItem),
	longAudio: demoItem(DEMO_ITEM_IDS.longAudio),
	videos: [demoItem(DEMO_ITEM_IDS.colorBars), demoItem(DEMO_ITEM_IDS.countingPattern)]
};
