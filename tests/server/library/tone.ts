/**
 * Audio that the server synthesises on request as 16-bit mono PCM WAV. Any byte range is
 * computed from the sample index alone, so serving a three-hour item needs no file and little memory.
 */
export const SAMPLE_RATE = 22_050;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;
const CHUNK_BYTES = 64 * 1024;
const FADE_SECONDS = 0.05;
const PEAK = 0.3;

export interface ToneSpec {
	durationSeconds: number;
	/** Frequencies in Hz summed at equal loudness, so each track sounds like its own chord. */
	partials: number[];
	/** Loudness pulse rate in Hz; 0 keeps the level steady. */
	tremoloHz: number;
	/** When set, a 150 ms beep at this frequency marks every whole minute. */
	minuteBeepHz?: number;
}

export function sampleCount(spec: ToneSpec): number {
	return Math.round(spec.durationSeconds * SAMPLE_RATE);
}

export function wavByteLength(spec: ToneSpec): number {
	return HEADER_BYTES + sampleCount(spec) * BYTES_PER_SAMPLE;
}

function wavHeader(spec: ToneSpec): Buffer {
	const dataBytes = sampleCount(spec) * BYTES_PER_SAMPLE;
	const header = Buffer.alloc(HEADER_BYTES);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
	header.write('WAVEfmt ', 8, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(SAMPLE_RATE, 24);
	header.writeUInt32LE(SAMPLE_RATE * BYTES_PER_SAMPLE, 28);
	header.writeUInt16LE(BYTES_PER_SAMPLE, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(dataBytes, 40);
	return header;
}

/** Returns sample `index` in the range -1..1. */
export function toneSample(spec: ToneSpec, index: number): number {
	const t = index / SAMPLE_RATE;
	let value = 0;
	for (const frequency of spec.partials) value += Math.sin(2 * Math.PI * frequency * t);
	value /= spec.partials.length;
	if (spec.tremoloHz > 0) value *= 0.65 + 0.35 * Math.sin(2 * Math.PI * spec.tremoloHz * t);
	if (spec.minuteBeepHz !== undefined && t % 60 < 0.15) {
		value = 0.5 * value + 0.5 * Math.sin(2 * Math.PI * spec.minuteBeepHz * t);
	}
	// Short fades keep the first and last samples from clicking.
	const edge = Math.min(t, spec.durationSeconds - t);
	const fade = Math.min(1, Math.max(0, edge / FADE_SECONDS));
	return value * fade * PEAK;
}

function renderSamples(spec: ToneSpec, firstSample: number, count: number): Buffer {
	const buffer = Buffer.alloc(count * BYTES_PER_SAMPLE);
	for (let offset = 0; offset < count; offset++) {
		const value = Math.round(toneSample(spec, firstSample + offset) * 32767);
		buffer.writeInt16LE(value, offset * BYTES_PER_SAMPLE);
	}
	return buffer;
}

/** Returns the file bytes in [start, end), which must lie inside the file. */
export function renderWavBytes(spec: ToneSpec, start: number, end: number): Buffer {
	const parts: Buffer[] = [];
	if (start < HEADER_BYTES)
		parts.push(wavHeader(spec).subarray(start, Math.min(end, HEADER_BYTES)));
	const dataStart = Math.max(start, HEADER_BYTES) - HEADER_BYTES;
	const dataEnd = end - HEADER_BYTES;
	if (dataEnd > dataStart) {
		const firstSample = Math.floor(dataStart / BYTES_PER_SAMPLE);
		const lastSample = Math.ceil(dataEnd / BYTES_PER_SAMPLE);
		const samples = renderSamples(spec, firstSample, lastSample - firstSample);
		const skip = dataStart - firstSample * BYTES_PER_SAMPLE;
		parts.push(samples.subarray(skip, skip + (dataEnd - dataStart)));
	}
	return Buffer.concat(parts);
}

/**
 * Bytes of rendered chunks kept for reuse. Rendering costs the event loop about a millisecond per
 * chunk, which would otherwise delay every request that arrives while a track is being served.
 */
const CHUNK_CACHE_BYTES = 48 * 1024 * 1024;
const chunkCache = new Map<string, Buffer>();
let cachedBytes = 0;

/** Returns the aligned chunk that starts at `chunkStart`, rendered once and then reused. */
function renderChunk(spec: ToneSpec, chunkStart: number): Buffer {
	const key = `${JSON.stringify(spec)}@${chunkStart}`;
	const cached = chunkCache.get(key);
	if (cached) {
		// Map order is insertion order, so a hit moves the chunk to the newest end.
		chunkCache.delete(key);
		chunkCache.set(key, cached);
		return cached;
	}
	const chunk = renderWavBytes(
		spec,
		chunkStart,
		Math.min(wavByteLength(spec), chunkStart + CHUNK_BYTES)
	);
	chunkCache.set(key, chunk);
	cachedBytes += chunk.length;
	for (const [oldKey, oldChunk] of chunkCache) {
		if (cachedBytes <= CHUNK_CACHE_BYTES) break;
		chunkCache.delete(oldKey);
		cachedBytes -= oldChunk.length;
	}
	return chunk;
}

/** Yields the bytes in [start, end) in chunks, so a stream can apply backpressure. */
export function* wavChunks(spec: ToneSpec, start: number, end: number): Generator<Buffer> {
	let position = start;
	while (position < end) {
		const chunkStart = position - (position % CHUNK_BYTES);
		const chunk = renderChunk(spec, chunkStart);
		const piece = chunk.subarray(position - chunkStart, Math.min(end - chunkStart, chunk.length));
		if (piece.length === 0) break;
		yield piece;
		position += piece.length;
	}
}
