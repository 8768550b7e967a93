/**
 * Finding the key a JWS names (OB 3.0 integrity.md §Dereferencing the Public Key; RFC 7515 §4.1.3–4):
 * `kid` as an http(s) URL serving a JWK or a document listing the method, as a DID URL (did:key,
 * did:jwk, did:web), or relative (`#key-1`, a bare fragment) to the issuer's id; else the `jwk` header.
 * Which key is used says nothing about whose it is: that is issuerBinding's question.
 */
import { isObj, str, type Json } from '../formats/json-util.ts';
import { shorten } from '../display.ts';
import type { VerifyContext } from '../verify/context.ts';
import { didOf, isDid, resolveDid, resolveDidLocally, type DidResolution } from './did.ts';
import { describeKey, readPublicJwk, type KeyDescription, type PublicJwk } from './jwk.ts';
import { absoluteId, findMethod, methodsOf, onlyKey } from './methods.ts';
import type { MethodFacts } from './method-facts.ts';

/** `key`; or no key to check with (`missing`), or a key header that is itself broken (`invalid`). */
export type SigningKey = { key: KeyDescription } | { missing: string } | { invalid: string };

/** A relative kid is read against the issuer's id: `#frag` for any issuer, a bare name only for a DID issuer. */
export function absoluteKid(kid: string, issuerId: string | undefined): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(kid)) return kid;
  if (!issuerId) return undefined;
  if (kid.startsWith('#')) return absoluteId(kid, issuerId);
  return isDid(issuerId) ? `${didOf(issuerId)}#${kid}` : undefined;
}

type Found = { jwk: PublicJwk; facts?: MethodFacts } | { error: string };

function keyInDidDocument(r: DidResolution, kid: string): Found {
  if ('error' in r) return r;
  const list = methodsOf(r.doc, r.did);
  // A DID with no fragment names its only method (methods.ts onlyKey).
  const k = (kid === r.did ? onlyKey(list) : undefined) ?? list.keys.find((x) => x.id === kid);
  return k ? { jwk: k.jwk, facts: k.facts } : { error: `The DID document of ${r.did} has no key ${kid}` };
}

async function fromHttp(kid: string, ctx: VerifyContext): Promise<Found> {
  let doc: Json;
  try {
    doc = await ctx.fetchJson(kid.replace(/#.*$/, ''));
  } catch (e) {
    return { error: `The key ${kid} could not be fetched (${(e as Error).message})` };
  }
  // integrity.md: the kid "dereferences to a JWK"; a controller document listing the method is read too.
  if (doc.kty !== undefined) {
    const jwk = readPublicJwk(doc);
    return 'error' in jwk ? { error: `The JWK at ${kid} is not usable: ${jwk.error}` } : { jwk };
  }
  // integrity.md's own sample header ("reference to a public key in a JWKS", kid https://example.edu/keys#key-1):
  // a JWK Set (RFC 7517 §5) whose key has that kid, or the fragment as its kid.
  if (Array.isArray(doc.keys)) return keyInJwks(doc.keys, kid);
  const base = str(doc.id) ?? kid.replace(/#.*$/, '');
  const m = findMethod(doc, base, kid);
  return m ? { jwk: m.jwk, facts: m.facts } : { error: `The document at ${kid} holds no key with that id` };
}

function keyInJwks(keys: unknown[], kid: string): Found {
  const hash = kid.indexOf('#');
  const fragment = hash >= 0 ? kid.slice(hash + 1) : undefined;
  const named = keys.filter((k): k is Json => isObj(k) && (k.kid === kid || (fragment !== undefined && k.kid === fragment)));
  const pick = named.length === 1 ? named[0] : named.length === 0 && fragment === undefined && keys.length === 1 ? keys[0] : undefined;
  if (pick === undefined) return { error: `The key set at ${kid} holds ${named.length > 1 ? 'several keys' : 'no key'} with that kid` };
  const jwk = readPublicJwk(pick);
  return 'error' in jwk ? { error: `The JWK ${kid} is not usable: ${jwk.error}` } : { jwk };
}

type HeaderKey = KeyDescription | { invalid: string } | { missing: string } | undefined;

function headerJwk(header: Json): HeaderKey {
  if (header.jwk === undefined) return undefined;
  const jwk = readPublicJwk(header.jwk);
  if (!('error' in jwk)) return describeKey(jwk, 'the key in the jwk header');
  // A well-formed key of a curve Lanyard does not read (Ed448, P-521) is no key to check with, not a broken header.
  if (jwk.unsupported) return { missing: `the jwk header holds a key Lanyard cannot use (${jwk.error})` };
  return { invalid: `The jwk header is not an acceptable public key: ${jwk.error}` };
}

/** The header key when it is one to check with. */
const usable = (k: HeaderKey): KeyDescription | undefined => (k && 'jwk' in k ? k : undefined);

function settle(found: Found, kid: string, headerKey: KeyDescription | undefined): SigningKey {
  if ('jwk' in found) return { key: describeKey(found.jwk, `the key ${kid}`, kid, found.facts) };
  // The kid could not be followed; a jwk header still lets the signature be checked.
  return headerKey ? { key: headerKey } : { missing: found.error };
}

/**
 * The key, when finding it takes no I/O and no issuer id: a jwk header alone, or a did:key or did:jwk
 * kid (the key is in the identifier). Undefined when the kid must be fetched or read against the issuer.
 */
export function signingKeyNow(header: Json): SigningKey | undefined {
  const fromHeader = headerJwk(header);
  if (fromHeader && 'invalid' in fromHeader) return fromHeader;
  const headerKey = usable(fromHeader);
  const kid = header.kid;
  if (kid === undefined) return headerKey ? { key: headerKey } : fromHeader && 'missing' in fromHeader ? fromHeader : { missing: 'The JOSE header names no key (no kid, no jwk)' };
  if (typeof kid !== 'string' || !kid || kid.length > 2048) return { invalid: 'The kid header is not a string' };
  const local = localKey(kid);
  if (!local) return undefined;
  return 'key' in local || !headerKey ? local : { key: headerKey };
}

/** did:key and did:jwk kids name their key in the identifier: each is read once. */
const localKeys = new Map<string, SigningKey>();
function localKey(kid: string): SigningKey | undefined {
  let k = localKeys.get(kid);
  if (!k) {
    const doc = resolveDidLocally(kid);
    if (!doc) return undefined;
    k = settle(keyInDidDocument(doc, kid), kid, undefined);
    if (localKeys.size >= 1024) localKeys.clear();
    localKeys.set(kid, k);
  }
  return k;
}

export async function signingKey(header: Json, issuerId: string | undefined, ctx: VerifyContext): Promise<SigningKey> {
  const now = signingKeyNow(header);
  if (now) return now;
  const headerKey = usable(headerJwk(header));
  const rawKid = header.kid as string;
  const kid = absoluteKid(rawKid, issuerId);
  let found: Found;
  if (!kid) found = { error: `The kid ${shorten(rawKid, 80)} is neither a URL nor relative to a DID issuer` };
  else if (isDid(kid)) found = keyInDidDocument(await resolveDid(kid, ctx), kid);
  else if (/^https?:\/\//i.test(kid)) found = await fromHttp(kid, ctx);
  else found = { error: `The kid ${shorten(kid, 80)} is not an http(s) URL or a DID URL` };
  return settle(found, kid ?? rawKid, headerKey);
}
