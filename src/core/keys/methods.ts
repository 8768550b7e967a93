/**
 * The keys a DID document or controller document lists (DID Core §Verification Methods,
 * W3C Controlled Identifiers §Verification Methods): entries of `verificationMethod` (or its
 * pre-DID Core name `publicKey`) and `assertionMethod`, each an id (possibly relative, `#key-1`) or an embedded method carrying
 * `publicKeyJwk` (JsonWebKey, JsonWebKey2020), `publicKeyMultibase` (Multikey,
 * Ed25519VerificationKey2020) or `publicKeyBase58` (Ed25519VerificationKey2018).
 */
import { arr, isObj, str, type Json } from '../formats/json-util.ts';
import { canonicalJwk, readPublicJwk, type PublicJwk } from './jwk.ts';
import { methodFacts, type MethodFacts } from './method-facts.ts';
import { base58Ed25519ToJwk, multikeyToJwk } from './multikey.ts';
import { claimedType } from './unread-method.ts';

export interface ListedKey {
  id: string | undefined;
  jwk: PublicJwk;
  canonical: string;
  /** Its controller, revoked and expires, when the method states them. */
  facts?: MethodFacts;
}

export interface MethodList {
  /** Absolute ids of every method the document names, embedded or by reference. */
  ids: Set<string>;
  /** The methods whose key material Lanyard can read. */
  keys: ListedKey[];
  /**
   * The methods the document authorizes to issue (VC DI 1.0 §5.10 Verification Relationship
   * Validation: a proof whose purpose is assertionMethod needs a method of that relationship): the
   * ids and embedded keys under `assertionMethod`, none when the document names other relationships
   * (`authentication`, `keyAgreement`…) but not that one or leaves it empty; undefined when the
   * document names no relationship at all (an issuer Profile listing keys only in `verificationMethod`),
   * and then every listed method counts (binding.ts decides what that is worth for a DID document).
   */
  assertion?: { ids: Set<string>; keys: Set<ListedKey> };
  /** The document lists more methods than are read (MAX_METHODS of each relationship): a key not found may be among the rest. */
  truncated?: true;
  /**
   * Methods whose key material Lanyard cannot read (a JWK coordinate of the wrong length, a private
   * member, a Multikey of the wrong length, a PEM: unread-method.ts): each may be any key of the type
   * it claims, so a key not found elsewhere may be this one, written otherwise (keys/binding.ts).
   * Absent when there are none.
   */
  unread?: UnreadKey[];
}

/** A listed method whose key Lanyard does not read: its id, the type it claims (unread-method.ts), and why it is unread. */
export interface UnreadKey {
  id: string | undefined;
  kty: unknown;
  crv: unknown;
  /** Listed (embedded) under assertionMethod itself. */
  asserts: boolean;
  error: string;
}

const MAX_METHODS = 256;

/** DID Core §5.3 / CID 1.0 §Verification Relationships: the verification relationships other than assertionMethod. */
const OTHER_RELATIONSHIPS = ['authentication', 'keyAgreement', 'capabilityInvocation', 'capabilityDelegation'] as const;

/** Resolves `#frag` (and other relative references) against the document's id. */
export function absoluteId(ref: string, base: string): string {
  if (ref.startsWith('#')) return base.replace(/#.*$/, '') + ref;
  return ref;
}

/** The key material of one verification method, or null when it has none Lanyard reads. */
export function methodKey(vm: Json): PublicJwk | null {
  if (vm.publicKeyJwk !== undefined) {
    const jwk = readPublicJwk(vm.publicKeyJwk);
    return 'error' in jwk ? null : jwk;
  }
  return otherKey(vm);
}

function otherKey(vm: Json): PublicJwk | null {
  const mb = str(vm.publicKeyMultibase);
  if (mb) return multikeyToJwk(mb);
  const b58 = str(vm.publicKeyBase58);
  if (b58) return base58Ed25519ToJwk(b58);
  return null;
}

/**
 * Documents that never change (did:key and did:jwk documents, derived from the identifier once and
 * deep-frozen: did.ts), whose method list is therefore read once: an issuer signs many credentials.
 */
const fixedDocs = new WeakSet<Json>();
const fixedLists = new WeakMap<Json, { base: string; list: MethodList }>();

/** Marks a deep-frozen document as one whose method list may be remembered. */
export function markFixed(doc: Json): void {
  if (Object.isFrozen(doc)) fixedDocs.add(doc);
}

export function methodsOf(doc: Json, base: string): MethodList {
  const known = fixedLists.get(doc);
  if (known && known.base === base) return known.list;
  const list = readMethods(doc, base);
  if (fixedDocs.has(doc)) fixedLists.set(doc, { base, list });
  return list;
}

function readMethods(doc: Json, base: string): MethodList {
  const ids = new Set<string>();
  const keys: ListedKey[] = [];
  const unread: UnreadKey[] = [];
  // `publicKey`, in a DID document only: what DID documents called their verification methods before
  // DID Core 1.0 renamed it (DID spec drafts to 2019, §Public Keys); issuers still serve it (MATTR's
  // did:web document, in test/fixtures/real/hosts), and DIF did-resolver reads it as verificationMethod.
  // (An OB 2.0 profile's publicKey is another property, read by the OB 2.0 signed path.)
  const legacy = base.startsWith('did:') ? arr(doc.publicKey) : [];
  const all = legacy.length ? [...arr(doc.verificationMethod), ...legacy] : arr(doc.verificationMethod);
  const declared = arr(doc.assertionMethod).slice(0, MAX_METHODS);
  const truncated = all.length > MAX_METHODS || arr(doc.assertionMethod).length > MAX_METHODS;
  const namesRelationships = doc.assertionMethod !== undefined || OTHER_RELATIONSHIPS.some((r) => doc[r] !== undefined);
  const assertion = namesRelationships ? { ids: new Set<string>(), keys: new Set<ListedKey>() } : undefined;
  const entries = [...all.slice(0, MAX_METHODS), ...declared];
  const firstAssertion = entries.length - declared.length;
  for (const [i, e] of entries.entries()) {
    const asserts = assertion !== undefined && i >= firstAssertion;
    if (typeof e === 'string') {
      ids.add(absoluteId(e, base));
      if (asserts) assertion.ids.add(absoluteId(e, base));
      continue;
    }
    if (!isObj(e)) continue;
    const rel = str(e.id);
    const id = rel === undefined ? undefined : absoluteId(rel, base);
    if (id) ids.add(id);
    if (id && asserts) assertion.ids.add(id);
    const read = e.publicKeyJwk !== undefined ? readPublicJwk(e.publicKeyJwk) : otherKey(e);
    const claimed = read === null || 'error' in read ? claimedType(e) : undefined;
    if (claimed) unread.push({ id, ...claimed, asserts, error: read && 'error' in read ? read.error : 'its key material is not a key Lanyard reads' });
    if (read === null || 'error' in read) continue;
    const jwk = read;
    const facts = methodFacts(e);
    const k: ListedKey = facts ? { id, jwk, canonical: canonicalJwk(jwk), facts } : { id, jwk, canonical: canonicalJwk(jwk) };
    keys.push(k);
    if (asserts) assertion.keys.add(k);
  }
  const list: MethodList = assertion ? { ids, keys, assertion } : { ids, keys };
  if (truncated) list.truncated = true;
  if (unread.length > 0) list.unread = unread;
  return list;
}

/**
 * The key a bare DID names (no fragment: `did:key:z6Mk…`, as DCPV fixtures use it): the document's
 * only method, when it lists exactly one and Lanyard reads it; never the one readable among others
 * (a P-521 key, or one written wrongly, may be the one that signed: ob3-jwt-bare-did-kid.test.ts,
 * bare-did-method.test.ts).
 */
export const onlyKey = (list: MethodList): ListedKey | undefined =>
  list.keys.length === 1 && list.ids.size <= 1 && !list.unread ? list.keys[0] : undefined;

/** Whether a listed method may issue credentials (see MethodList.assertion). */
export const mayAssert = (list: MethodList, k: ListedKey): boolean =>
  !list.assertion || list.assertion.keys.has(k) || (k.id !== undefined && list.assertion.ids.has(k.id));

/**
 * The first unread method that may be `jwk` written wrongly: one that may issue, and claims `jwk`'s
 * key type (and curve), or no readable type at all. A key of another type cannot be it.
 */
export function unreadTwin(list: MethodList, jwk: PublicJwk): UnreadKey | undefined {
  return list.unread?.find((u) => (!list.assertion || u.asserts || (u.id !== undefined && list.assertion.ids.has(u.id))) && mayBeOfType(u, jwk));
}

/** Whether the unread `u` may be a key of `jwk`'s type (its kty, and its curve but for RSA), where it says. */
export function mayBeOfType(u: UnreadKey, jwk: PublicJwk): boolean {
  const typed = (v: unknown, want: string): boolean => typeof v !== 'string' || v === want;
  return typed(u.kty, jwk.kty) && (jwk.kty === 'RSA' || typed(u.crv, jwk.crv));
}

/**
 * The method a fetched document holds under this absolute id: the document itself when it is that
 * method (its id is the id), else one it embeds with readable material.
 */
export function findMethod(doc: Json, base: string, id: string): Pick<ListedKey, 'jwk' | 'facts'> | undefined {
  const own = base === id ? methodKey(doc) : null;
  if (own) {
    const facts = methodFacts(doc);
    return facts ? { jwk: own, facts } : { jwk: own };
  }
  return methodsOf(doc, base).keys.find((k) => k.id === id);
}
