/**
 * SHA-256 (FIPS 180-4 §6.2) in plain JavaScript, synchronous, over a compression function of the
 * caller's choosing; the padding (§5.1.1), the initial hash value (§5.3.3) and the output are here.
 * ./sha256.ts gives the fast digest (the 64 rounds written out, for canonicalization's many hashes);
 * ./sha256-small.ts a compact one (the rounds in a loop), for the few hashes of a recipient check:
 * the background checks recipients too, and would otherwise carry the written-out rounds, 15 KB of
 * its 147 (issue 14, sw_wake_ms).
 */

/** Compresses the 64-byte blocks of `m` from `off` to `end` into the state `H` (§6.2.2 steps 1-4). */
export type Compress = (H: Int32Array, m: Uint8Array, off: number, end: number) => void;

const encoder = new TextEncoder();

export function digestWith(compress: Compress): (input: string | Uint8Array) => Uint8Array {
  // Int32 state (`| 0` after each sum, sha256-compress.ts): V8 keeps the rounds in 32-bit integer
  // registers; values of 2^31 and above in a Uint32Array or a literal would be doubles, and were 5× slower.
  const H = new Int32Array(8);
  const tail = new Uint8Array(128);
  /** A string's UTF-8 bytes are written here (encodeInto), not into a new array per call. */
  let scratch = new Uint8Array(8192);

  return (input) => {
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
    compress(H, msg, 0, whole);
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
    compress(H, tail, 0, tailLen);
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
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
export function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}
