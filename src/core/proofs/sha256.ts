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

/** FIPS 180-4 §6.2.2: one 64-byte block of `m` at `off` into the state H. */
function block(m: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++, off += 4) W[i] = (m[off]! << 24) | (m[off + 1]! << 16) | (m[off + 2]! << 8) | m[off + 3]!;
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15]!, b = W[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = H[0]!, b = H[1]!, c = H[2]!, d = H[3]!, e = H[4]!, f = H[5]!, g = H[6]!, h = H[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0; H[1] = (H[1]! + b) | 0; H[2] = (H[2]! + c) | 0; H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0; H[5] = (H[5]! + f) | 0; H[6] = (H[6]! + g) | 0; H[7] = (H[7]! + h) | 0;
}

export function sha256(input: string | Uint8Array): Uint8Array {
  const msg = typeof input === 'string' ? encoder.encode(input) : input;
  const len = msg.length;
  H[0] = 0x6a09e667; H[1] = 0xbb67ae85; H[2] = 0x3c6ef372; H[3] = 0xa54ff53a;
  H[4] = 0x510e527f; H[5] = 0x9b05688c; H[6] = 0x1f83d9ab; H[7] = 0x5be0cd19;
  // Whole blocks straight from the message; the rest, the 0x80 byte and the 64-bit length (§5.1.1) in `tail`.
  const whole = len & ~63;
  for (let off = 0; off < whole; off += 64) block(msg, off);
  const rest = len - whole;
  const tailLen = rest + 9 > 64 ? 128 : 64;
  tail.fill(0);
  tail.set(msg.subarray(whole), 0);
  tail[rest] = 0x80;
  const hi = Math.floor(len / 0x20000000);
  const lo = (len << 3) >>> 0;
  for (let i = 0; i < 4; i++) {
    tail[tailLen - 8 + i] = (hi >>> (24 - 8 * i)) & 0xff;
    tail[tailLen - 4 + i] = (lo >>> (24 - 8 * i)) & 0xff;
  }
  block(tail, 0);
  if (tailLen === 128) block(tail, 64);
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
