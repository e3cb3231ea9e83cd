/**
 * SHA-1 of a UTF-8 string as lower-case hex. MediaBrowser 3 expects the password hashed this way
 * at sign-in. `crypto.subtle` would do it, but browsers offer it only in secure contexts, and a
 * tablet usually reaches its server over plain http on the LAN.
 */
export function sha1Hex(text: string): string {
	const words = toPaddedWords(new TextEncoder().encode(text));
	const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
	const schedule = new Uint32Array(80);
	for (let block = 0; block < words.length; block += 16) {
		for (let t = 0; t < 16; t++) schedule[t] = words[block + t]!;
		for (let t = 16; t < 80; t++) {
			schedule[t] = rotateLeft(
				schedule[t - 3]! ^ schedule[t - 8]! ^ schedule[t - 14]! ^ schedule[t - 16]!,
				1
			);
		}
		compress(state, schedule);
	}
	return state.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}

/** Appends the 0x80 marker, zero padding and the 64-bit bit length, as big-endian 32-bit words. */
function toPaddedWords(bytes: Uint8Array): Uint32Array {
	const blockCount = Math.ceil((bytes.length + 9) / 64);
	const words = new Uint32Array(blockCount * 16);
	bytes.forEach((byte, index) => {
		words[index >> 2]! |= byte << (24 - (index % 4) * 8);
	});
	words[bytes.length >> 2]! |= 0x80 << (24 - (bytes.length % 4) * 8);
	const bitLength = bytes.length * 8;
	words[words.length - 2] = Math.floor(bitLength / 0x100000000);
	words[words.length - 1] = bitLength >>> 0;
	return words;
}

function compress(state: number[], schedule: Uint32Array): void {
	let [a, b, c, d, e] = state as [number, number, number, number, number];
	for (let t = 0; t < 80; t++) {
		const temp =
			(rotateLeft(a, 5) + roundFunction(t, b, c, d) + e + roundConstant(t) + schedule[t]!) >>> 0;
		e = d;
		d = c;
		c = rotateLeft(b, 30);
		b = a;
		a = temp;
	}
	state[0] = (state[0]! + a) >>> 0;
	state[1] = (state[1]! + b) >>> 0;
	state[2] = (state[2]! + c) >>> 0;
	state[3] = (state[3]! + d) >>> 0;
	state[4] = (state[4]! + e) >>> 0;
}

function roundFunction(t: number, b: number, c: number, d: number): number {
	if (t < 20) return (b & c) | (~b & d);
	if (t < 40 || t >= 60) return b ^ c ^ d;
	return (b & c) | (b & d) | (c & d);
}

function roundConstant(t: number): number {
	if (t < 20) return 0x5a827999;
	if (t < 40) return 0x6ed9eba1;
	if (t < 60) return 0x8f1bbcdc;
	return 0xca62c1d6;
}

function rotateLeft(value: number, bits: number): number {
	return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
