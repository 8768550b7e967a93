/**
 * Ed25519 public keys of small order (RFC 8032 §5.1: the curve has cofactor 8, and 8 points whose
 * order divides 8). No secret scalar makes one, and each accepts forged signatures: with the
 * identity point as the key, R the identity and s = 0, [s]B = R + [k]A holds for every message, and
 * WebCrypto (OpenSSL, BoringSSL) says true, since RFC 8032 §5.1.7 does not refuse such keys.
 * libsodium does (crypto_sign_verify_detached, `ge25519_has_small_order`), and so does Lanyard: a
 * signature under one vouches for nothing, as alg none does not (test/core/keys/ed25519-small-order.test.ts).
 *
 * A point is of small order exactly when its y is one of five values (x = 0 with y = ±1; y = 0, the
 * order-4 points; ±y8, the order-8 points: y² = (−1 − √(1 + d)) / d), whatever the x sign bit, and
 * whether y is written below p or, not canonically, as y + p.
 */
import { decodeBase64url } from './base64url.ts';

const P = 2n ** 255n - 19n;
/** The y of the order-8 points (libsodium's blocklist writes it in little-endian bytes 26 e8 95 8f …). */
const Y8 = 2707385501144840649318225287225658788936804267575313519463743609750303402022n;
const SMALL_Y = new Set([0n, 1n, P - 1n, Y8, P - Y8]);

export const SMALL_ORDER_MESSAGE = 'is an Ed25519 point of small order, a key no one holds a secret for and under which forged signatures verify (RFC 8032 §5.1, cofactor 8): it vouches for nothing';

/**
 * The 32-byte little-endian encodings of those y (the x sign bit, bit 255, clear), each below p and,
 * where it is still below 2^255, as y + p: only y = 0 and y = 1 (y + p < 2^255 when y < 19). A y of
 * 255 bits is below 2p, so y mod p is one of the five exactly when y is one of these seven. Worked out
 * once here: the check itself compares bytes (issue 14: building the key's y as a BigInt, 64 BigInt
 * operations, took ~3-12 us of every Ed25519 verification, before its signature was checked).
 */
const SMALL_ENCODINGS: Uint8Array[] = [];
for (const y of SMALL_Y) {
  for (const v of [y, y + P]) {
    if (v >= 2n ** 255n) continue;
    const bytes = new Uint8Array(32);
    for (let i = 0, n = v; i < 32; i++, n >>= 8n) bytes[i] = Number(n & 0xffn);
    SMALL_ENCODINGS.push(bytes);
  }
}

/** Whether the encoding `bytes`, its x sign bit ignored, is `small`. */
function sameY(bytes: Uint8Array, small: Uint8Array): boolean {
  for (let i = 0; i < 31; i++) if (bytes[i] !== small[i]) return false;
  return (bytes[31]! & 0x7f) === small[31];
}

/** True when the base64url `x` of an Ed25519 JWK (its 32-byte encoding) is a point of small order. */
export function smallOrderEd25519(x: string): boolean {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64url(x);
  } catch {
    return false;
  }
  if (bytes.length !== 32) return false;
  for (const small of SMALL_ENCODINGS) if (sameY(bytes, small)) return true;
  return false;
}
