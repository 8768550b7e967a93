/**
 * Public JWKs as Lanyard accepts them (RFC 7517, RFC 7518 §6, RFC 8037), read from hostile input:
 * only the members that define the key are kept, and a key with private members is refused
 * (OB 3.0 integrity.md: the `jwk` header "MUST NOT contain d").
 */
import { isObj } from '../formats/json-util.ts';
import { shorten } from '../display.ts';
import type { MethodFacts } from './method-facts.ts';

export type PublicJwk =
  | { kty: 'OKP'; crv: 'Ed25519'; x: string }
  | { kty: 'EC'; crv: 'P-256' | 'P-384'; x: string; y: string }
  | { kty: 'RSA'; n: string; e: string };

const B64URL = /^[A-Za-z0-9_-]+$/;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

const b64 = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 2048 && B64URL.test(v);

/**
 * The public key in `v`, or the reason it is not one; `unsupported` marks a well-formed key of a type
 * or curve Lanyard does not read (Ed448, P-521, secp256k1), which is no evidence of forgery.
 */
export function readPublicJwk(v: unknown): PublicJwk | { error: string; unsupported?: true } {
  if (!isObj(v)) return { error: 'not a JSON object' };
  const priv = PRIVATE_MEMBERS.find((m) => v[m] !== undefined);
  if (priv) return { error: `it holds the private or secret member "${priv}"` };
  if (v.kty === 'OKP') {
    if (v.crv !== 'Ed25519') return { error: `the OKP curve ${shorten(v.crv, 20)} is not supported`, unsupported: true };
    return b64(v.x) ? { kty: 'OKP', crv: 'Ed25519', x: v.x } : { error: 'its x is missing or not base64url' };
  }
  if (v.kty === 'EC') {
    if (v.crv !== 'P-256' && v.crv !== 'P-384') return { error: `the EC curve ${shorten(v.crv, 20)} is not supported`, unsupported: true };
    return b64(v.x) && b64(v.y) ? { kty: 'EC', crv: v.crv, x: v.x, y: v.y } : { error: 'its x or y is missing or not base64url' };
  }
  if (v.kty === 'RSA') {
    return b64(v.n) && b64(v.e) ? { kty: 'RSA', n: v.n, e: v.e } : { error: 'its n or e is missing or not base64url' };
  }
  return { error: `the key type ${shorten(v.kty, 20)} is not supported` };
}

/**
 * The RFC 7638 §3 thumbprint input: the required members in lexicographic order, as JSON. Two keys
 * are the same key exactly when these strings are equal, so it serves as the key's identity
 * (cache keys, key-material comparison) without hashing.
 */
export function canonicalJwk(k: PublicJwk): string {
  switch (k.kty) {
    case 'OKP':
      return `{"crv":"${k.crv}","kty":"OKP","x":"${k.x}"}`;
    case 'EC':
      return `{"crv":"${k.crv}","kty":"EC","x":"${k.x}","y":"${k.y}"}`;
    case 'RSA':
      return `{"e":"${k.e}","kty":"RSA","n":"${k.n}"}`;
  }
}

/** A key as Lanyard holds it while verifying: the material, its identity, and where it came from. */
export interface KeyDescription {
  jwk: PublicJwk;
  /** canonicalJwk(jwk). */
  canonical: string;
  /** The id the key was dereferenced from (an https URL or a DID URL); absent for a `jwk` header. */
  id?: string;
  /** For messages: `kid https://…`, `the jwk header`, … */
  source: string;
  /** What the method the key was dereferenced from says of itself (its controller, revoked, expires). */
  facts?: MethodFacts;
}

export function describeKey(jwk: PublicJwk, source: string, id?: string, facts?: MethodFacts): KeyDescription {
  const k: KeyDescription = id === undefined ? { jwk, canonical: canonicalJwk(jwk), source } : { jwk, canonical: canonicalJwk(jwk), id, source };
  if (facts) k.facts = facts;
  return k;
}
