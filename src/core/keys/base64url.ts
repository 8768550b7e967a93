/**
 * base64url decoding (RFC 4648 §5, no padding, as JWS uses it: RFC 7515 §2). Uses
 * Uint8Array.fromBase64 where the runtime has it; otherwise a table decoder, which is several
 * times faster than atob plus a copy loop on the runtimes that lack it (Node 20).
 */
const TABLE = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((ch, i) => (TABLE[ch.charCodeAt(0)] = i));

type FromBase64 = (s: string, o: { alphabet: 'base64url'; lastChunkHandling: 'strict' | 'loose' }) => Uint8Array;
const native = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** Throws a TypeError on any character outside the base64url alphabet or an impossible length. */
export function decodeBase64url(s: string): Uint8Array {
  if (native) {
    // fromBase64 skips ASCII white space and takes padding (TC39 proposal-arraybuffer-base64); the table
    // decoder below, which Node 20 runs, refuses both: the same text must read the same everywhere.
    if (!ALPHABET.test(s)) throw new TypeError(s.includes('=') ? 'base64url must not be padded' : 'Invalid base64url');
    return native(s, { alphabet: 'base64url', lastChunkHandling: 'loose' });
  }
  const n = s.length;
  if (n % 4 === 1) throw new TypeError('Invalid base64url length');
  const out = new Uint8Array((n * 3) >> 2);
  let o = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = (sextet(s, i) << 18) | (sextet(s, i + 1) << 12) | (sextet(s, i + 2) << 6) | sextet(s, i + 3);
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 0xff;
    out[o++] = v & 0xff;
  }
  const rest = n - i;
  if (rest >= 2) {
    const v = (sextet(s, i) << 18) | (sextet(s, i + 1) << 12) | (rest === 3 ? sextet(s, i + 2) << 6 : 0);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = (v >> 8) & 0xff;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * base64url of UTF-8 text (a JWS's JSON header or payload), decoded to that text; throws a TypeError
 * where decodeBase64url would, and on bytes that are not UTF-8 (as a fatal TextDecoder). Without
 * Uint8Array.fromBase64 (Node 20) the table decoder is most of a VC-JWT's reading (issue 14): atob is
 * native, and when every octet is ASCII its "binary string" is the text itself. atob is forgiving
 * (white space, padding), so the alphabet and the length are checked first, as decodeBase64url does.
 */
export function decodeBase64urlText(s: string): string {
  if (native) return utf8.decode(decodeBase64url(s));
  if (s.length % 4 === 1 || !ALPHABET.test(s)) throw new TypeError('Invalid base64url');
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  if (!NOT_ASCII.test(binary)) return binary;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return utf8.decode(bytes);
}

function sextet(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const v = c < 128 ? TABLE[c]! : -1;
  if (v < 0) throw new TypeError('Invalid base64url character');
  return v;
}

/**
 * Whether `s` (base64url characters only) is the one way its octets are written: a possible length
 * and the last character's unused low bits zero. RFC 4648 §3.5 lets a decoder ignore those bits
 * (decodeBase64url does), so a string that fails this may still decode, to the octets of another.
 */
export function isCanonicalBase64url(s: string): boolean {
  const last = s.length % 4;
  if (last === 1) return false;
  if (last === 0) return true;
  const c = s.charCodeAt(s.length - 1);
  const v = c < 128 ? TABLE[c]! : -1;
  return v >= 0 && (v & (last === 2 ? 0x0f : 0x03)) === 0;
}
