/**
 * Public JWKs as Lanyard accepts them (RFC 7517, RFC 7518 §6, RFC 8037), read from hostile input:
 * only the members that define the key are kept, and a key with private members is refused
 * (OB 3.0 integrity.md: the `jwk` header "MUST NOT contain d").
 *
 * Members are kept in one spelling per value, so that one key is one key however it was written
 * (test/core/keys/key-spellings.test.ts): RSA `n` and `e` are unsigned integers (RFC 7518 §6.3.1.1:
 * the minimum number of octets, yet a leading zero byte written is the same number), EC and Ed25519
 * coordinates octet strings of the curve's size (RFC 7518 §6.2.1.2 "MUST be the full size", RFC 8037
 * §2; an EC one written short of, or beyond, its leading zero octets is the same number), and
 * base64url whose unused low bits are set the octets it decodes to (RFC 4648 §3.5 lets a decoder
 * ignore them; RFC 7515 §2 asks no more). Only the octets decide: no other key is admitted.
 */
import { base64url } from 'jose';
import { isObj } from '../formats/json-util.ts';
import { shorten } from '../display.ts';
import { decodeBase64url, isCanonicalBase64url } from './base64url.ts';
import type { MethodFacts } from './method-facts.ts';

export type PublicJwk =
  | { kty: 'OKP'; crv: 'Ed25519'; x: string }
  | { kty: 'EC'; crv: 'P-256' | 'P-384'; x: string; y: string }
  | { kty: 'RSA'; n: string; e: string };

const B64URL = /^[A-Za-z0-9_-]+$/;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

const b64 = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 2048 && B64URL.test(v);

type Member = string | { error: string; unsupported?: true };

function octets(v: string): Uint8Array | undefined {
  try {
    return decodeBase64url(v);
  } catch {
    return undefined;
  }
}

/**
 * An EC or OKP coordinate: exactly `size` octets, canonically written. An EC coordinate is a field
 * element written big-endian (RFC 7518 §6.2.1.2, SEC 1 §2.3.5), so one written short of its leading
 * zero octets (a library that wrote the integer's minimum octets: 1 key in 256 has such an x or y) or
 * with extra leading zero octets is the same number, read at the full size. Any other length (and any
 * for Ed25519, whose x is a little-endian point encoding, RFC 8037 §2) is refused as `unsupported`:
 * no key to check with, but no evidence of forgery either.
 */
function coordinate(v: unknown, name: string, crv: string, size: number, bigEndian = false): Member {
  if (!b64(v)) return { error: `its ${name} is missing or not base64url` };
  if (v.length === Math.ceil((size * 4) / 3) && isCanonicalBase64url(v)) return v;
  let bytes = octets(v);
  if (!bytes) return { error: `its ${name} is not base64url` };
  if (bigEndian && bytes.length !== size) {
    const start = Math.max(0, bytes.findIndex((b) => b !== 0));
    const digits = bytes[start] === 0 ? new Uint8Array() : bytes.subarray(start);
    if (digits.length <= size) (bytes = new Uint8Array(size)).set(digits, size - digits.length);
  }
  if (bytes.length !== size) return { error: `its ${name} is ${bytes.length} octets, where ${crv} needs ${size} (RFC 7518 §6.2.1.2)`, unsupported: true };
  return base64url.encode(bytes);
}

/** An RSA member: an unsigned big-endian integer, its leading zero octets dropped. */
function integer(v: unknown, name: string): Member {
  if (!b64(v)) return { error: `its ${name} is missing or not base64url` };
  // A first octet of zero is written "A" and a character whose top two bits are zero ("A" to "P").
  if (isCanonicalBase64url(v) && !(v[0] === 'A' && v.length > 1 && v[1]! >= 'A' && v[1]! <= 'P')) return v;
  const bytes = octets(v);
  if (!bytes) return { error: `its ${name} is not base64url` };
  const start = bytes.findIndex((b) => b !== 0);
  if (start < 0) return { error: `its ${name} is zero` };
  return base64url.encode(bytes.subarray(start));
}

const failed = (...members: Member[]): Extract<Member, object> | undefined => members.find((m): m is Extract<Member, object> => typeof m !== 'string');

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
    const x = coordinate(v.x, 'x', 'Ed25519', 32);
    return typeof x === 'string' ? { kty: 'OKP', crv: 'Ed25519', x } : x;
  }
  if (v.kty === 'EC') {
    if (v.crv !== 'P-256' && v.crv !== 'P-384') return { error: `the EC curve ${shorten(v.crv, 20)} is not supported`, unsupported: true };
    const size = v.crv === 'P-256' ? 32 : 48;
    const x = coordinate(v.x, 'x', v.crv, size, true);
    const y = coordinate(v.y, 'y', v.crv, size, true);
    return typeof x === 'string' && typeof y === 'string' ? { kty: 'EC', crv: v.crv, x, y } : failed(x, y)!;
  }
  if (v.kty === 'RSA') {
    const n = integer(v.n, 'n');
    const e = integer(v.e, 'e');
    return typeof n === 'string' && typeof e === 'string' ? { kty: 'RSA', n, e } : failed(n, e)!;
  }
  return { error: `the key type ${shorten(v.kty, 20)} is not supported` };
}

/**
 * The RFC 7638 §3 thumbprint input: the required members in lexicographic order, as JSON. Two keys
 * read by readPublicJwk (or built from a Multikey's octets, multikey.ts) are the same key exactly
 * when these strings are equal, so it serves as the key's identity (cache keys, key-material
 * comparison) without hashing.
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
