/**
 * base58btc (the Bitcoin alphabet) and the multibase `z` prefix, decode only
 * (W3C Controlled Identifiers §Multibase; draft-msporny-base58). Used for
 * publicKeyMultibase and did:key identifiers.
 */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes base58btc; returns null on any character outside the alphabet. Five digits are taken at a
 * time (58^5 < 2^30, so every intermediate stays an exact integer in a double): a 64-byte signature
 * costs 18 passes over the bytes instead of 88.
 */
export function base58btcDecode(text: string): Uint8Array | null {
  if (text.length > 1024) return null;
  let zeros = 0;
  while (zeros < text.length && text.charCodeAt(zeros) === 0x31) zeros++;
  // Little-endian base-256 digits of the value.
  const out: number[] = [];
  for (let i = zeros; i < text.length; ) {
    let chunk = 0;
    let mul = 1;
    for (let k = 0; k < 5 && i < text.length; k++, i++) {
      const c = text.charCodeAt(i);
      const v = c < 128 ? INDEX[c]! : -1;
      if (v < 0) return null;
      chunk = chunk * 58 + v;
      mul *= 58;
    }
    let carry = chunk;
    for (let j = 0; j < out.length; j++) {
      carry += out[j]! * mul;
      out[j] = carry % 256;
      carry = Math.floor(carry / 256);
    }
    while (carry > 0) {
      out.push(carry % 256);
      carry = Math.floor(carry / 256);
    }
  }
  const bytes = new Uint8Array(zeros + out.length);
  for (let i = 0; i < out.length; i++) bytes[zeros + i] = out[out.length - 1 - i]!;
  return bytes;
}

/** Multibase: only `z` (base58btc) is used by Multikey and did:key. */
export function multibaseDecode(text: string): Uint8Array | null {
  return text.startsWith('z') ? base58btcDecode(text.slice(1)) : null;
}
