/**
 * The `issuer-key` rule (DESIGN.md "Nothing is trusted from the credential itself"): a key is the
 * issuer's when the issuer's DID document, or the document served at the issuer's https id, lists
 * it in `assertionMethod` (or, for a profile that names no verification relationship at all, in
 * `verificationMethod`), by id (an https `kid` included) or by equal key material, and the method
 * that lists it names no other controller and is neither revoked nor expired (method-facts.ts).
 * How the credential conveys the key (kid, jwk header, a fragment) does not matter.
 */
import { str, type Json } from '../formats/json-util.ts';
import { shorten } from '../display.ts';
import type { VerifyContext } from '../verify/context.ts';
import { isDid, resolveDid, resolveDidLocally } from './did.ts';
import { canonicalJwk, type KeyDescription } from './jwk.ts';
import { multikeyToJwk } from './multikey.ts';
import { objection, timeBound, type MethodFacts } from './method-facts.ts';
import { mayAssert, mayBeOfType, methodsOf, unreadTwin } from './methods.ts';
import { overPlainHttp } from '../verify/plain-http.ts';

export type BindingStatus = 'bound' | 'not-listed' | 'unresolvable';

export interface Binding {
  status: BindingStatus;
  message: string;
}

const cacheKey = (issuerId: string, key: KeyDescription): string => `issuer-key\n${issuerId}\n${key.canonical}`;

/**
 * How long a binding is remembered. It is a fact about the issuer's document as it was: an issuer
 * removes or revokes a compromised key (CID 1.0 §Verification Methods, `revoked`), and a binding
 * remembered for as long as facts are kept (30 days, src/background/services/facts.ts) would keep
 * its forgeries valid that long. The cached value is the time (ms) until which it may be used.
 */
export const BOUND_FOR_MS = 24 * 3600_000;
const remember = (ctx: VerifyContext, ck: string): void => ctx.keyCache?.set(ck, ctx.now.getTime() + BOUND_FOR_MS);
const remembered = (ctx: VerifyContext, ck: string): boolean => {
  const until = ctx.keyCache?.get(ck);
  return typeof until === 'number' && until > ctx.now.getTime() && until <= ctx.now.getTime() + BOUND_FOR_MS;
};

type IssuerDoc = { doc: Json; base: string } | { error: string };

async function issuerDocument(issuerId: string, ctx: VerifyContext): Promise<IssuerDoc> {
  if (isDid(issuerId)) {
    const r = await resolveDid(issuerId, ctx);
    return 'error' in r ? r : { doc: r.doc, base: r.did };
  }
  if (!/^https?:\/\/\S+$/i.test(issuerId)) return { error: `the issuer ${shorten(issuerId, 80)} is neither a web address nor a DID Lanyard resolves` };
  const url = issuerId.replace(/#.*$/, '');
  try {
    const doc = await ctx.fetchJson(url);
    const id = str(doc.id);
    // A document that names another id speaks for someone else.
    if (id !== undefined && id.replace(/#.*$/, '') !== url) return { error: `the document at ${url} is not the issuer's (its id is ${shorten(id, 80)})` };
    return { doc, base: url };
  } catch (e) {
    return { error: `the issuer's document could not be fetched (${(e as Error).message})` };
  }
}

/** Whether `id`'s fragment spells `key` as a Multikey (`…#z6Mk…`, proofs/method.ts): its material then comes from the id, not from a read. */
function spelledBy(id: string, key: KeyDescription): boolean {
  const fragment = id.slice(id.indexOf('#') + 1);
  const jwk = id.includes('#') && fragment.startsWith('z') ? multikeyToJwk(fragment) : null;
  return jwk !== null && canonicalJwk(jwk) === key.canonical;
}

/** The binding once the issuer's document is known. */
function bindWith(r: IssuerDoc, issuerId: string, key: KeyDescription, ck: string, ctx: VerifyContext): Binding {
  if ('error' in r) return { status: 'unresolvable', message: `Signed with ${key.source}, which only the credential asserts: ${r.error}` };
  const list = methodsOf(r.doc, r.base);
  const { ids, keys, assertion } = list;
  if (ids.size === 0 && keys.length === 0) {
    return { status: 'unresolvable', message: `Signed with ${key.source}, which only the credential asserts: the issuer's document lists no keys` };
  }
  const same = keys.filter((k) => k.canonical === key.canonical);
  // By id: the method with that id must not carry other key material than the one that was used.
  const byId = key.id !== undefined && ids.has(key.id) && keys.every((k) => k.id !== key.id || k.canonical === key.canonical);
  // VC DI 1.0 §5.10: when the document names its verification relationships, only assertionMethod's methods may issue.
  // The methods that authorize the key: the listed ones with its material, and, when the document only
  // refers to the id it was dereferenced from, that method as dereferenced (key.facts). An id the
  // document embeds is judged by its embedded entry (in `same`), never by what the credential spelled.
  const by: (MethodFacts | undefined)[] = same.filter((k) => mayAssert(list, k)).map((k) => k.facts);
  // An embedded method whose key is unreadable is embedded too: what the kid served is not its key.
  const embedsId = keys.some((k) => k.id === key.id) || (key.id !== undefined && !!list.unread?.some((u) => u.id === key.id));
  // Bound by its id alone, the key is only as much the issuer's as the read of that id (verify/plain-http.ts):
  // over plain http that read settles nothing, unless an entry the document embeds binds the key anyway.
  let readOverHttp = false;
  if (byId && !embedsId && (!assertion || assertion.ids.has(key.id!))) {
    if (overPlainHttp(key.id!, r.base) && !spelledBy(key.id!, key)) readOverHttp = true;
    else by.push(key.facts);
  }
  if (readOverHttp && by.length === 0) {
    return { status: 'unresolvable', message: `Signed with ${key.source}, which the issuer lists by its id, but that key was read over plain http while the issuer's own document is not: anyone on the network path could have answered it` };
  }
  if (by.length > 0 && !assertion && r.base.startsWith('did:')) {
    // DID Core §5.3.2: a DID document's verificationMethod lists keys; only assertionMethod says which may issue.
    return { status: 'unresolvable', message: `Signed with ${key.source}, which the issuer's DID document lists without a verification relationship (it names no assertionMethod), so it is not confirmed as a key that may issue credentials (VC Data Integrity 1.0 §5.10)` };
  }
  if (by.length > 0) {
    const owners = [r.base, issuerId];
    const against = by.map((f) => objection(f, owners, ctx.now));
    if (against.includes(undefined)) {
      // A method that is revoked or expires later binds now but not then: only a binding that does not depend on the time is remembered.
      if (!by.some(timeBound)) remember(ctx, ck);
      return { status: 'bound', message: `Signed with ${key.source}, which the issuer lists` };
    }
    return { status: 'unresolvable', message: `Signed with ${key.source}, which the issuer lists, but ${against[0]!}` };
  }
  // A listed key Lanyard cannot read (a coordinate of the wrong length…) may be this one, written
  // wrongly: no evidence either way (RFC 7518 §6.2.1.2; key-spellings.test.ts, malformed-listed-key.test.ts).
  const twin = unreadTwin(list, key.jwk);
  if (twin) {
    const named = twin.id === undefined ? 'a key' : `the key ${shorten(twin.id, 80)}`;
    return { status: 'unresolvable', message: `Signed with ${key.source}, which the issuer may list as ${named}, written in a form Lanyard cannot read (${twin.error})` };
  }
  if (same.length === 0 && embedsId && !keys.some((k) => k.id === key.id) && !list.unread?.some((u) => u.id === key.id && mayBeOfType(u, key.jwk))) {
    // The id is embedded only with material Lanyard cannot read and of another type, so it cannot be this key. One of
    // this key's type not under assertionMethod (no twin above: a twin must be allowed to issue) is said so below.
    return { status: 'not-listed', message: `Signed with ${key.source}, but the issuer's document gives that id to another key (of another type), so this key is not the issuer's` };
  }
  if (same.length > 0 || byId) {
    return { status: 'not-listed', message: `Signed with ${key.source}, which the issuer lists but not under assertionMethod, so it may not issue credentials (VC Data Integrity 1.0 §5.10)` };
  }
  if (list.truncated) return { status: 'unresolvable', message: `Signed with ${key.source}, which is not among the first keys of the issuer's very long key list, the ones Lanyard reads` };
  const n = Math.max(ids.size, keys.length);
  return { status: 'not-listed', message: `Signed with ${key.source}, which the issuer does not list among its ${n} key${n === 1 ? '' : 's'}` };
}

/**
 * Whether the issuer lists `key`. Only `bound` is cached, for BOUND_FOR_MS: it does not depend on the user.
 * A did:key or did:jwk issuer's document needs no I/O, so its binding is settled without the
 * asynchronous document lookup (the same document resolveDid would give).
 */
export function issuerBinding(issuerId: string | undefined, key: KeyDescription, ctx: VerifyContext): Promise<Binding> {
  if (!issuerId) return Promise.resolve({ status: 'unresolvable', message: 'The credential names no issuer id to resolve' });
  const ck = cacheKey(issuerId, key);
  if (remembered(ctx, ck)) return Promise.resolve({ status: 'bound', message: `Signed with ${key.source}, which the issuer lists` });
  try {
    const local = isDid(issuerId) ? resolveDidLocally(issuerId) : undefined;
    if (local) return Promise.resolve(bindWith('error' in local ? local : { doc: local.doc, base: local.did }, issuerId, key, ck, ctx));
  } catch (e) {
    return Promise.reject(e);
  }
  return issuerDocument(issuerId, ctx).then((r) => bindWith(r, issuerId, key, ck, ctx));
}
