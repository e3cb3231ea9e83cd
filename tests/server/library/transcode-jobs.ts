import type { HlsRendition } from './types.ts';

/**
 * Transcoding jobs, one per PlaySessionId whose PlaybackInfo response carried a TranscodingUrl.
 * The playlist and segments of a stopped job return 404, so a transcode that the server ended
 * leaves the client with nothing to fetch.
 */
export interface TranscodeJob {
	playSessionId: string;
	itemId: string;
	deviceId?: string;
	rendition: HlsRendition;
	stopped: boolean;
}

/** Jobs kept in memory; the oldest beyond this are forgotten. */
const MAX_JOBS = 1000;

// Shared by every server in the process; PlaySessionIds are random Guids, so they never collide.
const jobs = new Map<string, TranscodeJob>();

export function startJob(job: Omit<TranscodeJob, 'stopped'>): void {
	jobs.set(job.playSessionId, { ...job, stopped: false });
	if (jobs.size > MAX_JOBS) {
		const oldest = jobs.keys().next().value;
		if (oldest !== undefined) jobs.delete(oldest);
	}
}

/** Returns the running job of a PlaySessionId, compared without case. */
export function findRunningJob(playSessionId: string | undefined): TranscodeJob | undefined {
	const job = playSessionId === undefined ? undefined : jobs.get(playSessionId.toLowerCase());
	return job?.stopped ? undefined : job;
}

/**
 * Stops the running jobs of a device, or only the one of `playSessionId` when given, like
 * `DELETE /Videos/ActiveEncodings`. Returns how many it stopped.
 */
export function stopJobs(deviceId: string, playSessionId?: string): number {
	let count = 0;
	for (const job of jobs.values()) {
		if (job.stopped || job.deviceId !== deviceId) continue;
		if (playSessionId !== undefined && job.playSessionId !== playSessionId.toLowerCase()) continue;
		job.stopped = true;
		count++;
	}
	return count;
}
