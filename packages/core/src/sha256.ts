// SHA-256 (FIPS 180-4) for fingerprints. Loading node:crypto takes about 3 ms, and hashing
// one fingerprint here a few microseconds. So the first hashes of a run are computed here, and
// node:crypto is loaded only for a run that hashes more, such as lint of a large spec.
import { createRequire } from 'node:module';

/** Number of hashes computed here before node:crypto is loaded: about where both cost the same. */
const SCRIPT_HASHES = 512;

let scriptHashesLeft = SCRIPT_HASHES;
let nativeHash: ((algorithm: string, data: string, encoding: 'hex') => string) | undefined;

/** Returns the SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  if (scriptHashesLeft > 0) {
    scriptHashesLeft -= 1;
    return scriptSha256Hex(text);
  }
  nativeHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'))
    .hash;
  return nativeHash('sha256', text, 'hex');
}

/** The 64 round constants of SHA-256. */
const ROUND_CONSTANTS = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The hash value before the first block. */
const INITIAL_HASH = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const encoder = new TextEncoder();
const schedule = new Int32Array(64);

/** Computes the SHA-256 of `text` in JavaScript; exported for the test against node:crypto. */
export function scriptSha256Hex(text: string): string {
  const bytes = encoder.encode(text);
  const length = bytes.length;
  // The message, a 1 bit, zeros, and the bit length in the last 64 bits of the last block.
  const blockCount = ((length + 8) >>> 6) + 1;
  const words = new Int32Array(blockCount * 16);
  for (let index = 0; index < length; index += 1) {
    words[index >>> 2]! |= (bytes[index] as number) << (24 - (index & 3) * 8);
  }
  words[length >>> 2]! |= 0x80 << (24 - (length & 3) * 8);
  words[blockCount * 16 - 2] = Math.floor(length / 0x20000000);
  words[blockCount * 16 - 1] = length << 3;

  const hash = Int32Array.from(INITIAL_HASH);
  for (let block = 0; block < blockCount; block += 1) compress(hash, words, block * 16);
  let hex = '';
  for (const word of hash) hex += (word >>> 0).toString(16).padStart(8, '0');
  return hex;
}

function rotateRight(value: number, bits: number): number {
  return (value >>> bits) | (value << (32 - bits));
}

/** Mixes the 16 words of one block, from `offset` in `words`, into `hash`. */
function compress(hash: Int32Array, words: Int32Array, offset: number): void {
  const w = schedule;
  for (let t = 0; t < 16; t += 1) w[t] = words[offset + t] as number;
  for (let t = 16; t < 64; t += 1) {
    const before15 = w[t - 15] as number;
    const before2 = w[t - 2] as number;
    const sigma0 = rotateRight(before15, 7) ^ rotateRight(before15, 18) ^ (before15 >>> 3);
    const sigma1 = rotateRight(before2, 17) ^ rotateRight(before2, 19) ^ (before2 >>> 10);
    w[t] = ((w[t - 16] as number) + sigma0 + (w[t - 7] as number) + sigma1) | 0;
  }

  let a = hash[0] as number;
  let b = hash[1] as number;
  let c = hash[2] as number;
  let d = hash[3] as number;
  let e = hash[4] as number;
  let f = hash[5] as number;
  let g = hash[6] as number;
  let h = hash[7] as number;
  for (let t = 0; t < 64; t += 1) {
    const sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25);
    const choice = (e & f) ^ (~e & g);
    const temp1 = (h + sum1 + choice + (ROUND_CONSTANTS[t] as number) + (w[t] as number)) | 0;
    const sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22);
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const temp2 = (sum0 + majority) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + temp1) | 0;
    d = c;
    c = b;
    b = a;
    a = (temp1 + temp2) | 0;
  }
  hash[0] = ((hash[0] as number) + a) | 0;
  hash[1] = ((hash[1] as number) + b) | 0;
  hash[2] = ((hash[2] as number) + c) | 0;
  hash[3] = ((hash[3] as number) + d) | 0;
  hash[4] = ((hash[4] as number) + e) | 0;
  hash[5] = ((hash[5] as number) + f) | 0;
  hash[6] = ((hash[6] as number) + g) | 0;
  hash[7] = ((hash[7] as number) + h) | 0;
}
