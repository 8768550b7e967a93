/**
 * base58btc (the Bitcoin alphabet) and the multibase `z` prefix, decode only
 * (W3C Controlled Identifiers §Multibase; draft-msporny-base58). Used for
 * publicKeyMultibase and did:key identifiers.
 */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

const LEADING_ONES = /^1*/;
const LIMB = 0x1000000; // 2^24
const INV_LIMB = 1 / LIMB; // exact: a power of two

/**
 * Decodes base58btc; returns null on any character outside the alphabet. Four digits are taken at
 * a time into 24-bit limbs (58^4 < 2^24, so limb × 58^4 + carry < 2^49 stays an exact integer in a
 * double, and dividing by 2^24 is exact): a 64-byte signature costs 22 passes over 22 limbs.
 */
export function base58btcDecode(text: string): Uint8Array | null {
  if (text.length > 1024) return null;
  // The leading '1's (zero bytes) by a match, not a counting loop: V8's optimized code then has no
  // increment it never saw run (issue 14: one signature in 256 starts with a zero byte, and the first
  // such in the di bench deoptimized this decoder, "insufficient type feedback for unary operation").
  const zeros = LEADING_ONES.exec(text)![0].length;
  // Little-endian base-2^24 limbs of the value.
  const limbs: number[] = [];
  for (let i = zeros; i < text.length; ) {
    let chunk = 0;
    let mul = 1;
    for (let k = 0; k < 4 && i < text.length; k++, i++) {
      const c = text.charCodeAt(i);
      const v = c < 128 ? INDEX[c]! : -1;
      if (v < 0) return null;
      chunk = chunk * 58 + v;
      mul *= 58;
    }
    let carry = chunk;
    for (let j = 0; j < limbs.length; j++) {
      const x = limbs[j]! * mul + carry;
      carry = Math.floor(x * INV_LIMB);
      limbs[j] = x - carry * LIMB;
    }
    while (carry > 0) {
      const hi = Math.floor(carry * INV_LIMB);
      limbs.push(carry - hi * LIMB);
      carry = hi;
    }
  }
  // Limbs to big-endian bytes, without the value's leading zero bytes.
  const le: number[] = [];
  for (const l of limbs) le.push(l & 0xff, (l >>> 8) & 0xff, l >>> 16);
  while (le.length > 0 && le[le.length - 1] === 0) le.pop();
  const bytes = new Uint8Array(zeros + le.length);
  for (let i = 0; i < le.length; i++) bytes[zeros + i] = le[le.length - 1 - i]!;
  return bytes;
}

/** Multibase: only `z` (base58btc) is used by Multikey and did:key. */
export function multibaseDecode(text: string): Uint8Array | null {
  return text.startsWith('z') ? base58btcDecode(text.slice(1)) : null;
}
