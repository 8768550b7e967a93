/**
 * Ed25519 over WebCrypto (RFC 8032; VC DI EdDSA §3.3 "verify": Ed25519 verify of the 64-byte
 * hash data). Public keys are imported once and kept (issue 4: key import is set-up work).
 */
import type { PublicJwk } from '../keys/jwk.ts';
import { sha256 } from './sha256.ts';

const imported = new Map<string, Promise<CryptoKey>>();
/** The settled imports, by the same key (the JWK's x): a known key's verify starts without waiting a turn. */
const ready = new Map<string, CryptoKey>();

function importOnce(x: string): Promise<CryptoKey> {
  let k = imported.get(x);
  if (!k) {
    k = crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x }, { name: 'Ed25519' }, false, ['verify']);
    if (imported.size >= 512) {
      imported.clear();
      ready.clear();
    }
    imported.set(x, k);
    k.then((key) => ready.set(x, key), () => imported.delete(x));
  }
  return k;
}

/** Starts importing a key while other work (canonicalization) goes on: WebCrypto does it off the main thread. */
export function prepareKey(jwk: Extract<PublicJwk, { kty: 'OKP' }>): void {
  importOnce(jwk.x).catch(() => undefined);
}

export const isEd25519 = (jwk: PublicJwk): jwk is Extract<PublicJwk, { kty: 'OKP' }> => jwk.kty === 'OKP' && jwk.crv === 'Ed25519';

/** True when `signature` is `jwk`'s Ed25519 signature over `data`; false for a wrong signature or an unusable key. */
export async function verifyEd25519(jwk: Extract<PublicJwk, { kty: 'OKP' }>, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    const key = ready.get(jwk.x) ?? (await importOnce(jwk.x));
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

/** sha256(a) ‖ sha256(b): VC DI EdDSA §3.3.? "hashing", proof configuration hash first. */
export function hashData(proofCanon: string, docCanon: string): Uint8Array {
  const p = sha256(proofCanon);
  const d = sha256(docCanon);
  const out = new Uint8Array(64);
  out.set(p, 0);
  out.set(d, 32);
  return out;
}

let coldDigest = true;
const encoder = new TextEncoder();

/**
 * `hashData` for the process's first verification, from WebCrypto's SHA-256 (issue 14): the
 * JavaScript SHA-256 (sha256.ts) is the faster one once V8 has compiled it, but its first call
 * compiles 25 KB of written-out rounds and runs them in the interpreter: ~3 ms of a fresh
 * process's first verification (node --cpu-prof: `sha256`/`compress`), where two native digests
 * take ~0.2 ms. The same bytes either way (FIPS 180-4 SHA-256); undefined after the first call,
 * and `hashData` does the rest.
 */
export function coldHashData(proofCanon: string, docCanon: string): Promise<Uint8Array> | undefined {
  if (!coldDigest) return undefined;
  coldDigest = false;
  const digest = (s: string) => crypto.subtle.digest('SHA-256', encoder.encode(s));
  return Promise.all([digest(proofCanon), digest(docCanon)]).then(
    ([p, d]) => {
      const out = new Uint8Array(64);
      out.set(new Uint8Array(p), 0);
      out.set(new Uint8Array(d), 32);
      return out;
    },
    () => hashData(proofCanon, docCanon),
  );
}
