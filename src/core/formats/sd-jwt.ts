/**
 * SD-JWT (RFC 9901, "Selective Disclosure for JWTs"; VC-JOSE-COSE §3.2 `application/vc+sd-jwt`): an
 * issuer-signed JWT whose payload holds digests of claims, followed by the disclosures the holder chose
 * to show and, maybe, the holder's key-binding JWT: `<issuer-jwt>~<disclosure>~…~[<kb-jwt>]` (§4; older
 * drafts and walt.id leave out the final `~`). Here the disclosures are checked against the digests the
 * issuer signed and put back into the payload (§7.1 step 3); the issuer JWT itself is verified as a
 * VC-JWT (ob3-jwt.ts). The key-binding JWT is the holder's: it proves possession to a verifier the
 * holder presents to, not the badge, so it is neither required nor trusted (§7.3 is the verifier's
 * policy), and never fails it.
 */
import { reasonOf, shorten } from '../display.ts';
import { base64UrlDecode } from '../input/jws.ts';
import { jsonDepth, MAX_JSON_DEPTH } from '../input/json.ts';
import { decodeUtf8 } from '../input/text.ts';
import { sha256 } from '../proofs/sha256.ts';
import { isObj, type Json } from './json-util.ts';

export interface SdJwt {
  /** The issuer-signed JWT (compact JWS). */
  jwt: string;
  /** The disclosures, as sent (their digests are over these very characters, §4.2.3). */
  disclosures: string[];
  /** The holder's key-binding JWT, when present: read by nobody here. */
  kb?: string;
}

/** §4 (and §4.1's draft form without the final `~`): null when `text` is no SD-JWT (no `~`). Throws on an empty disclosure. */
export function splitSdJwt(text: string): SdJwt | null {
  if (!text.includes('~')) return null;
  const [jwt = '', ...rest] = text.split('~');
  // The last part is the key-binding JWT when it is one (it has dots, a disclosure never does), or ''
  // after the final `~`.
  const last = rest.at(-1);
  const kb = last !== undefined && last.includes('.') ? last : undefined;
  if (kb !== undefined || last === '') rest.pop();
  if (rest.some((d) => d === '' || d.includes('.'))) throw new Error('an SD-JWT disclosure is empty or not base64url (RFC 9901 §4)');
  return kb === undefined ? { jwt, disclosures: rest } : { jwt, disclosures: rest, kb };
}

/**
 * Whether an issuer-signed payload hides claims behind digests (RFC 9901 §4.1.1 `_sd_alg`, §4.2.4.1
 * `_sd`, §4.2.4.2 `{"...": digest}`): such a JWT is an SD-JWT's issuer JWT even when it comes without
 * its `~` (§4: an SD-JWT always has one), and what it hides was withheld, never absent.
 */
export function hidesClaims(v: unknown, depth = 0): boolean {
  if (depth > MAX_JSON_DEPTH || typeof v !== 'object' || v === null) return false;
  // Asked of every VC-JWT (ob3-jwt.ts): loops, not a callback and an array of values per object (issue 14).
  if (Array.isArray(v)) {
    for (const el of v) if (hidesClaims(el, depth + 1)) return true;
    return false;
  }
  if (!isObj(v)) return false;
  if (Object.hasOwn(v, '_sd') || Object.hasOwn(v, '...') || (depth === 0 && Object.hasOwn(v, '_sd_alg'))) return true;
  for (const name in v) if (Object.hasOwn(v, name) && hidesClaims(v[name], depth + 1)) return true;
  return false;
}

/** What checking the disclosures found: the payload with them put back, or why it cannot be. */
export type Disclosed =
  /**
   * `withheld`: some digest the issuer signed was not disclosed (a withheld claim, or a decoy: §4.2.5);
   * `withheldIn`: where, as the member names leading to each object or array that held one ([] the top).
   */
  | { ok: true; payload: Json; withheld: boolean; withheldIn: string[][] }
  /** A disclosure the issuer did not sign, or one that breaks §7.1: the SD-JWT MUST be rejected. */
  | { ok: false; reason: 'forged'; message: string }
  /** A digest algorithm Lanyard does not implement (§4.1.1), or disclosures nested deeper than it reads: unchecked, not forged. */
  | { ok: false; reason: 'unsupported'; message: string };

class Rejected extends Error {}
/** Disclosures nested in disclosures past MAX_JSON_DEPTH: read no further, as an input that deep is not (input/json.ts). */
class TooDeep extends Error {}

/** Sets an own member, `__proto__` included (JSON.parse makes it one; plain assignment would set the prototype). */
const put = (o: Json, name: string, value: unknown): void => {
  Object.defineProperty(o, name, { value, enumerable: true, writable: true, configurable: true });
};

/** RFC 4648 §5 base64url without padding. */
const base64Url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** §4.2.1–4.2.2: base64url of the UTF-8 JSON array `[salt, name, value]` (an object property) or `[salt, value]` (an array element). */
function readDisclosure(text: string): unknown[] {
  const json = decodeUtf8(base64UrlDecode(text));
  if (json === undefined) throw new Rejected('a disclosure is not UTF-8');
  if (jsonDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new Rejected(`a disclosure nests deeper than ${MAX_JSON_DEPTH} levels`);
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (e) {
    throw new Rejected(`a disclosure is not JSON: ${reasonOf(e)}`);
  }
  if (!Array.isArray(v) || (v.length !== 2 && v.length !== 3) || typeof v[0] !== 'string') throw new Rejected(`a disclosure is not [salt, name, value] nor [salt, value]: ${shorten(json, 80)}`);
  return v;
}

/**
 * RFC 9901 §7.1 step 3, "Processing of the Disclosures": every disclosure's digest
 * (base64url(SHA-256(ASCII disclosure)), §4.2.3) must be found exactly once, in an `_sd` array (a
 * property) or a `{"...": digest}` array element; a name already there, or named `_sd` or `...`, is
 * rejected; undisclosed digests are dropped, and `_sd`, `_sd_alg` removed. Never throws.
 */
export function disclose(payload: Json, disclosures: readonly string[]): Disclosed {
  // §4.1.1: `_sd_alg` absent means sha-256; any other is a hash Lanyard does not compute.
  const alg = payload._sd_alg;
  if (alg !== undefined && alg !== 'sha-256') {
    return { ok: false, reason: 'unsupported', message: `its disclosures are hashed with ${shorten(alg, 30)}, which Lanyard cannot check (it checks sha-256, RFC 9901 §4.1.1)` };
  }
  const byDigest = new Map<string, string>();
  const seen = new Set<string>();
  const used = new Set<string>();
  const withheldIn: string[][] = [];
  try {
    for (const d of disclosures) {
      const digest = base64Url(sha256(d));
      if (byDigest.has(digest)) throw new Rejected('the same disclosure is sent twice');
      byDigest.set(digest, d);
    }
    const take = (digest: unknown, path: string[]): unknown[] | undefined => {
      if (typeof digest !== 'string') throw new Rejected('a digest is not a string');
      if (seen.has(digest)) throw new Rejected(`the digest ${shorten(digest, 20)} appears more than once (RFC 9901 §7.1)`);
      seen.add(digest);
      const d = byDigest.get(digest);
      if (d === undefined) {
        withheldIn.push(path);
        return undefined;
      }
      used.add(digest);
      return readDisclosure(d);
    };
    const walk = (v: unknown, depth: number, path: string[]): unknown => {
      if (depth > MAX_JSON_DEPTH) throw new TooDeep(`its disclosed credential nests deeper than ${MAX_JSON_DEPTH} levels, more than Lanyard reads`);
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (const el of v) {
          if (isObj(el) && Object.hasOwn(el, '...')) {
            if (Object.keys(el).length !== 1) throw new Rejected('an array element digest {"...": …} has other members');
            const d = take(el['...'], path);
            if (d === undefined) continue;
            if (d.length !== 2) throw new Rejected('an array element disclosure is not [salt, value]');
            out.push(walk(d[1], depth + 1, path));
          } else out.push(walk(el, depth + 1, path));
        }
        return out;
      }
      if (!isObj(v)) return v;
      const out: Json = {};
      for (const [k, x] of Object.entries(v)) if (k !== '_sd' && k !== '_sd_alg') put(out, k, walk(x, depth + 1, [...path, k]));
      if (v._sd !== undefined) {
        if (!Array.isArray(v._sd)) throw new Rejected('an _sd member is not an array');
        for (const digest of v._sd) {
          const d = take(digest, path);
          if (d === undefined) continue;
          if (d.length !== 3 || typeof d[1] !== 'string') throw new Rejected('a property disclosure is not [salt, name, value]');
          const name = d[1];
          if (name === '_sd' || name === '...') throw new Rejected(`a disclosure names ${name}`);
          if (Object.hasOwn(out, name)) throw new Rejected(`a disclosure names ${shorten(name, 40)}, which the object already has`);
          put(out, name, walk(d[2], depth + 1, [...path, name]));
        }
      }
      return out;
    };
    const result = walk(payload, 0, []) as Json;
    if (used.size !== byDigest.size) throw new Rejected('a disclosure is not one the issuer signed: its digest is in none of the issuer-signed JWT\'s _sd arrays');
    return { ok: true, payload: result, withheld: withheldIn.length > 0, withheldIn };
  } catch (e) {
    if (e instanceof TooDeep) return { ok: false, reason: 'unsupported', message: e.message };
    // A Rejected rule, or a disclosure that is not base64url (base64UrlDecode's ParseError).
    return { ok: false, reason: 'forged', message: reasonOf(e) };
  }
}
