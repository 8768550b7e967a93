/**
 * DID resolution for the methods OB 3.0 issuers use (SPEC impl/recommended-practices.md):
 * did:key (W3C CCG did:key §Document Creation: the key is the identifier), did:jwk
 * (did:jwk spec §Read: a base64url JWK is the identifier) and did:web (did:web spec §Read:
 * the document at https://host/.well-known/did.json or https://host/path/did.json).
 * Other methods are unresolvable here.
 */
import { base64url } from 'jose';
import { shorten } from '../display.ts';
import { isObj, str, type Json } from '../formats/json-util.ts';
import type { VerifyContext } from '../verify/context.ts';
import { readPublicJwk } from './jwk.ts';
import { markFixed } from './methods.ts';
import { multikeyToJwk } from './multikey.ts';

export type DidResolution = { doc: Json; did: string } | { error: string };

/** The DID of a DID URL: everything before any path, query or fragment. */
export const didOf = (didUrl: string): string => didUrl.replace(/[/?#].*$/, '');

export const isDid = (v: string): boolean => /^did:[a-z0-9]+:\S+$/.test(v);

function didKeyDocument(did: string): DidResolution {
  const mb = did.slice('did:key:'.length);
  if (!multikeyToJwk(mb)) return { error: `${shorten(did, 80)} is not a did:key Lanyard can read (Ed25519, P-256 or P-384)` };
  const vm = `${did}#${mb}`;
  return { did, doc: { id: did, verificationMethod: [{ id: vm, type: 'Multikey', controller: did, publicKeyMultibase: mb }], assertionMethod: [vm] } };
}

function didJwkDocument(did: string): DidResolution {
  let jwk: unknown;
  try {
    jwk = JSON.parse(new TextDecoder().decode(base64url.decode(did.slice('did:jwk:'.length))));
  } catch {
    return { error: `${shorten(did, 80)} does not hold a base64url JSON key` };
  }
  const k = readPublicJwk(jwk);
  if ('error' in k) return { error: `The key in ${shorten(did, 80)} is not usable: ${k.error}` };
  const vm = `${did}#0`;
  const method = { id: vm, type: 'JsonWebKey', controller: did, publicKeyJwk: k };
  // did:jwk §Read: a key whose `use` is "enc" gets keyAgreement only, never assertionMethod.
  if ((jwk as { use?: unknown }).use === 'enc') return { did, doc: { id: did, verificationMethod: [method], keyAgreement: [vm] } };
  return { did, doc: { id: did, verificationMethod: [method], assertionMethod: [vm] } };
}

/** did:web §Read (Resolve): `:` separates path segments; a port comes percent-encoded (`%3A`). */
export function didWebUrl(did: string): string | null {
  const segments = did.slice('did:web:'.length).split(':');
  let host: string;
  let path: string[];
  try {
    host = decodeURIComponent(segments[0] ?? '');
    path = segments.slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return null;
  if (path.some((s) => s === '' || s === '.' || s === '..')) return null;
  const rest = path.length ? `${path.map(encodeURIComponent).join('/')}/did.json` : '.well-known/did.json';
  return `https://${host}/${rest}`;
}

async function didWebDocument(did: string, ctx: VerifyContext): Promise<DidResolution> {
  const url = didWebUrl(did);
  if (!url) return { error: `${shorten(did, 80)} is not a valid did:web` };
  let doc: Json;
  try {
    doc = await ctx.fetchJson(url);
  } catch (e) {
    return { error: `The DID document of ${did} could not be fetched (${(e as Error).message})` };
  }
  // did:web §Read: the document's id must be the DID itself, or it speaks for someone else.
  if (str(doc.id) !== did) return { error: `The document at ${url} is not ${did}'s (its id is ${shorten(doc.id, 80)})` };
  return { did, doc };
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * did:key and did:jwk documents follow from the identifier alone, so they are derived once, and
 * frozen (shared by every caller; methods.ts remembers their method lists).
 */
const derived = new Map<string, DidResolution>();
function derive(did: string, make: (did: string) => DidResolution): DidResolution {
  let r = derived.get(did);
  if (!r) {
    r = make(did);
    if ('doc' in r) markFixed(deepFreeze(r.doc));
    if (derived.size >= 1024) derived.clear();
    derived.set(did, r);
  }
  return r;
}

/** The document of a did:key or did:jwk, which needs no I/O; undefined for other methods. */
export function resolveDidLocally(didUrl: string): DidResolution | undefined {
  const did = didOf(didUrl);
  if (did.startsWith('did:key:')) return derive(did, didKeyDocument);
  if (did.startsWith('did:jwk:')) return derive(did, didJwkDocument);
  return undefined;
}

export async function resolveDid(didUrl: string, ctx: VerifyContext): Promise<DidResolution> {
  const local = resolveDidLocally(didUrl);
  if (local) return local;
  const did = didOf(didUrl);
  if (did.startsWith('did:web:')) return didWebDocument(did, ctx);
  return { error: `The DID method of ${shorten(did, 40)} is not one Lanyard resolves (did:key, did:jwk, did:web)` };
}

export const isResolved = (r: DidResolution): r is { doc: Json; did: string } => 'doc' in r && isObj(r.doc);
