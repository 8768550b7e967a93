/**
 * ECDSA over WebCrypto for the NIST curves of VC DI ECDSA (§2 "P-256 with SHA-256, P-384 with
 * SHA-384"). Signatures are IEEE P1363 r ‖ s (64 or 96 bytes), which is what both the suites
 * and WebCrypto use. Public keys arrive as JWKs (a Multikey's compressed point is decompressed
 * in keys/multikey.ts) and are imported once.
 */
import { canonicalJwk, type PublicJwk } from '../keys/jwk.ts';
import { sha256 } from './sha256.ts';

export type EcJwk = Extract<PublicJwk, { kty: 'EC' }>;
export type Curve = EcJwk['crv'];

export const isEc = (jwk: PublicJwk): jwk is EcJwk => jwk.kty === 'EC';

/** The hash each curve goes with (VC DI ECDSA §3.?.? "Hashing"), and its signature length. */
export const CURVES: Record<Curve, { hash: 'SHA-256' | 'SHA-384'; signatureLength: number }> = {
  'P-256': { hash: 'SHA-256', signatureLength: 64 },
  'P-384': { hash: 'SHA-384', signatureLength: 96 },
};

const encoder = new TextEncoder();

/** The curve's hash of `data` (a string is hashed as UTF-8). SHA-256 is computed synchronously (proofs/sha256.ts). */
export async function digest(curve: Curve, data: string | Uint8Array): Promise<Uint8Array> {
  if (CURVES[curve].hash === 'SHA-256') return sha256(data);
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-384', bytes as Uint8Array<ArrayBuffer>));
}

const imported = new Map<string, Promise<CryptoKey>>();

function importOnce(jwk: EcJwk): Promise<CryptoKey> {
  const id = canonicalJwk(jwk);
  let k = imported.get(id);
  if (!k) {
    k = crypto.subtle.importKey('jwk', { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: jwk.crv }, false, ['verify']);
    if (imported.size >= 512) imported.clear();
    imported.set(id, k);
    k.catch(() => imported.delete(id));
  }
  return k;
}

/** Starts importing a key while canonicalization goes on. */
export function prepareEcKey(jwk: EcJwk): void {
  importOnce(jwk).catch(() => undefined);
}

/** True when `signature` is `jwk`'s ECDSA signature over `data` with the curve's hash; false otherwise (a wrong length, an unusable key). */
export async function verifyEcdsa(jwk: EcJwk, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  if (signature.length !== CURVES[jwk.crv].signatureLength) return false;
  try {
    const key = await importOnce(jwk);
    return await crypto.subtle.verify({ name: 'ECDSA', hash: CURVES[jwk.crv].hash }, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
