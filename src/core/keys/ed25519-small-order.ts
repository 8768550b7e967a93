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

/** True when the base64url `x` of an Ed25519 JWK (its 32-byte encoding) is a point of small order. */
export function smallOrderEd25519(x: string): boolean {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64url(x);
  } catch {
    return false;
  }
  if (bytes.length !== 32) return false;
  let y = 0n;
  for (let i = 31; i >= 0; i--) y = (y << 8n) | BigInt(i === 31 ? bytes[i]! & 0x7f : bytes[i]!);
  return SMALL_Y.has(y % P);
}
