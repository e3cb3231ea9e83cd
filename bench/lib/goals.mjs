// Cue's goals, each next to jellyfin-web's figure. The jellyfin-web figures were measured with the
// same method as this benchmark: server-stamped frames, page-stamped media events and a Jellyfin
// 10.11-compatible server. This script quotes them and does not measure jellyfin-web.

const KIB = 1024;
const MIB = 1024 * 1024;

/**
 * `rows` names the result rows a goal reads, `stat` the statistic, and `limit` the bound. With
 * several rows the worst one counts. `atMost: false` makes the limit a minimum.
 */
export const GOALS = [
	{
		rows: ['command-pause'],
		label: 'Pause → pause',
		stat: 'p95',
		limit: 3,
		unit: 'ms',
		reference: '3.9 ms'
	},
	{
		rows: ['command-unpause'],
		label: 'Unpause → playing',
		stat: 'p95',
		limit: 4,
		unit: 'ms',
		reference: '5.8 ms'
	},
	{
		rows: ['command-seek'],
		label: 'Seek inside the buffered range → seeked',
		stat: 'p95',
		limit: 5,
		unit: 'ms',
		reference: '7.2 ms'
	},
	{
		rows: [
			'checkin-local-pause',
			'checkin-local-play',
			'checkin-remote-pause',
			'checkin-remote-unpause',
			'checkin-remote-seek'
		],
		label: 'media event → check-in at the server (worst of local and remote)',
		stat: 'p95',
		limit: 4,
		unit: 'ms',
		reference: '5.5–6.7 ms'
	},
	{
		rows: ['play-audio'],
		label: 'PlayNow → playing, audio item after the first',
		stat: 'p95',
		limit: 50,
		unit: 'ms',
		reference: '60 ms'
	},
	{
		rows: ['start-checkin-audio', 'start-checkin-video'],
		label: 'playing → start check-in at the server (worst of audio and video)',
		stat: 'p95',
		limit: 10,
		unit: 'ms',
		reference: '15 ms p50, 28 ms p95'
	},
	{
		rows: ['cold-start'],
		label: 'cold start with a saved sign-in',
		stat: 'p95',
		limit: 300,
		unit: 'ms',
		reference: '1.47 s, 108 requests, 5.35 MB'
	},
	{
		rows: ['cold-start-throttled'],
		label: 'cold start, CPU throttled 4×',
		stat: 'p95',
		limit: 1000,
		unit: 'ms',
		reference: '4.5 s'
	},
	{
		rows: ['size-initial-js', 'size-screen-signed-in', 'size-screen-signed-out'],
		label: 'initial JS, gzipped (worst first screen)',
		stat: 'gzip',
		limit: 60 * KIB,
		unit: 'bytes',
		reference: '~756 KB'
	},
	{
		rows: ['heap-messages'],
		label: 'JS heap growth after the mixed messages',
		stat: 'value',
		limit: 2 * MIB,
		unit: 'bytes',
		reference: '–'
	},
	{
		rows: ['burst-lost'],
		label: 'commands lost in the burst',
		stat: 'value',
		limit: 0,
		unit: 'count',
		reference: '–'
	},
	{
		rows: ['burst-out-of-order'],
		label: 'commands applied out of order in the burst',
		stat: 'value',
		limit: 0,
		unit: 'count',
		reference: '–'
	},
	{
		rows: ['fuzz-cases'],
		label: 'fast-check cases run',
		stat: 'value',
		limit: 100_000,
		atMost: false,
		unit: 'count',
		reference: '–'
	},
	{
		rows: ['fuzz-failures'],
		label: 'fast-check failures',
		stat: 'value',
		limit: 0,
		unit: 'count',
		reference: '–'
	},
	{
		rows: ['reconnect-announced'],
		label: 'controllable again after an announced restart (capabilities posted)',
		stat: 'max',
		limit: 1000,
		unit: 'ms',
		reference: '1.7 s, never re-posts capabilities'
	}
];

/**
 * Returns one line per goal whose rows were measured: the worst figure, whether it meets the
 * goal, and the reference. Rows with a `targetMs` of their own (the dead-link rows) add a goal.
 */
export function evaluateGoals(rows) {
	const byId = new Map(rows.map((row) => [row.id, row]));
	const results = [];
	for (const goal of GOALS) {
		const measured = goal.rows.map((id) => byId.get(id)).filter(Boolean);
		if (measured.length === 0) continue;
		const atMost = goal.atMost ?? true;
		const values = measured.map((row) => row[goal.stat]);
		const value = atMost ? Math.max(...values) : Math.min(...values);
		const met = atMost ? value <= goal.limit : value >= goal.limit;
		results.push({ ...goal, atMost, value, met });
	}
	for (const row of rows.filter((candidate) => candidate.targetMs !== undefined)) {
		if (GOALS.some((goal) => goal.rows.includes(row.id))) continue;
		results.push({
			rows: [row.id],
			label: row.measurement,
			stat: 'max',
			limit: row.targetMs,
			unit: 'ms',
			reference: '–',
			atMost: true,
			value: row.max,
			met: row.max <= row.targetMs
		});
	}
	return results;
}
