/**
 * SHA-256 (FIPS 180-4 §6.2) in plain JavaScript, synchronous. WebCrypto's digest is asynchronous
 * and, in Node, runs on a thread pool: ~0.1 ms a call whatever the size, more than the hashing of
 * a credential's canonical form itself. RDFC-1.0 hashes every blank node's quads too
 * (rdf-canonize's `createMessageDigest` hook), so a fast synchronous digest matters there most.
 */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
].map((k) => k | 0));
// Int32 everywhere (K, W, the state, `| 0` after each sum): V8 keeps the rounds in 32-bit integer
// registers; values of 2^31 and above in a Uint32Array or a literal would be doubles, and were 5× slower.
const W = new Int32Array(64);
const H = new Int32Array(8);
const tail = new Uint8Array(128);
const encoder = new TextEncoder();
/** A string's UTF-8 bytes are written here (encodeInto), not into a new array per call. */
let scratch = new Uint8Array(8192);

/**
 * FIPS 180-4 §6.2.2: the 64-byte blocks of `m` from `off` to `end` into the state H. The state
 * stays in locals across blocks, and each group of four rounds renames the working variables
 * instead of shifting all eight every round (the same computation, §6.2.2 step 3).
 */
function blocks(m: Uint8Array, off: number, end: number): void {
  let h0 = H[0]!, h1 = H[1]!, h2 = H[2]!, h3 = H[3]!, h4 = H[4]!, h5 = H[5]!, h6 = H[6]!, h7 = H[7]!;
  for (; off < end; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) W[i] = (m[j]! << 24) | (m[j + 1]! << 16) | (m[j + 2]! << 8) | m[j + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15]!, y = W[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i += 4) {
      // Round i: T1 = h + Σ1(e) + Ch(e,f,g) + K + W; d += T1; h = T1 + Σ0(a) + Maj(a,b,c). Then the same with the names rotated.
      let t = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + K[i]! + W[i]!) | 0;
      d = (d + t) | 0;
      h = (t + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
      t = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + K[i + 1]! + W[i + 1]!) | 0;
      c = (c + t) | 0;
      g = (t + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) + ((h & a) | (b & (h | a)))) | 0;
      t = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + K[i + 2]! + W[i + 2]!) | 0;
      b = (b + t) | 0;
      f = (t + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & h) | (a & (g | h)))) | 0;
      t = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + K[i + 3]! + W[i + 3]!) | 0;
      a = (a + t) | 0;
      e = (t + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (h & (f | g)))) | 0;
      // After four rounds the variables hold (a..h) = (e, f, g, h, a, b, c, d) of the usual naming.
      const ta = a, tb = b, tc = c, td = d;
      a = e; b = f; c = g; d = h; e = ta; f = tb; g = tc; h = td;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  H[0] = h0; H[1] = h1; H[2] = h2; H[3] = h3; H[4] = h4; H[5] = h5; H[6] = h6; H[7] = h7;
}

export function sha256(input: string | Uint8Array): Uint8Array {
  let msg: Uint8Array;
  let len: number;
  if (typeof input === 'string') {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (scratch.length < input.length * 3) scratch = new Uint8Array(input.length * 3);
    len = encoder.encodeInto(input, scratch).written;
    msg = scratch;
  } else {
    msg = input;
    len = input.length;
  }
  H[0] = 0x6a09e667; H[1] = 0xbb67ae85; H[2] = 0x3c6ef372; H[3] = 0xa54ff53a;
  H[4] = 0x510e527f; H[5] = 0x9b05688c; H[6] = 0x1f83d9ab; H[7] = 0x5be0cd19;
  // Whole blocks straight from the message; the rest, the 0x80 byte and the 64-bit length (§5.1.1) in `tail`.
  const whole = len & ~63;
  blocks(msg, 0, whole);
  const rest = len - whole;
  const tailLen = rest + 9 > 64 ? 128 : 64;
  tail.fill(0);
  tail.set(msg.subarray(whole, len), 0);
  tail[rest] = 0x80;
  const hi = Math.floor(len / 0x20000000);
  const lo = (len << 3) >>> 0;
  for (let i = 0; i < 4; i++) {
    tail[tailLen - 8 + i] = (hi >>> (24 - 8 * i)) & 0xff;
    tail[tailLen - 4 + i] = (lo >>> (24 - 8 * i)) & 0xff;
  }
  blocks(tail, 0, tailLen);
  if (scratch.length > 1 << 20) scratch = new Uint8Array(8192); // a huge input's buffer is not kept
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = H[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 0xff;
    out[i * 4 + 2] = (v >>> 8) & 0xff;
    out[i * 4 + 3] = v & 0xff;
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
export function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}

/** rdf-canonize's MessageDigest interface (update strings, digest to hex), over the synchronous SHA-256. */
export function createMessageDigest(): { update(msg: string): void; digest(): string } {
  let content = '';
  return {
    update(msg: string) {
      content += msg;
    },
    digest: () => hex(sha256(content)),
  };
}
