/**
 * OB 2.0 signed verification (SPEC ob_v2p0 §SignedBadge Verification), also OB 1.x signed.
 * The key comes only from the HOSTED issuer Profile's `publicKey`; `verification.creator`, when
 * present, must be one of those keys. Algorithms are an explicit allow-list.
 */
import { importSPKI } from 'jose';
import { reasonOf, shorten } from '../display.ts';
import { ErrorCodes, LanyardError } from '../errors.ts';
import { takeJws } from '../input/jws.ts';
import { isAllowedAlg, isUncheckedAlg, readCompactJws } from '../keys/verify-jws.ts';
import { badRsaExponent } from '../keys/rsa-exponent.ts';
import type { Badge } from '../model.ts';
import type { CheckList } from '../verify/checks.ts';
import type { VerifyContext } from '../verify/context.ts';
import { jsonOf } from '../verify/fetch-once.ts';
import type { FormatVerifier } from '../verify/format-verifier.ts';
import { checkValidity } from '../verify/validity.ts';
import { arr, flagOf, idOf, isObj, str, type Json } from './json-util.ts';
import { checkLegacyValidity, isLegacyDocument } from './legacy-dates.ts';
import { upgradeAssertion } from './ob1.ts';
import { algTheKeyCannotMake } from './ob2-alg-key.ts';
import { fetchPem, keyRead, type KeyRead } from './ob2-key-read.ts';
import { declaresOtherId, resolveBadgeClass, resolveNode, sameDocument, structureOb2, toBadgeOb2 } from './ob2-common.ts';
import { checkRevocationList } from './ob2-revocation-list.ts';
import { notAnAssertion, ob2Instant } from './ob2-structure.ts';
import { leftAsClr1 } from './clr1.ts';

/** OB 2.0 recommends RS256; nothing else is accepted (no `none`, no HMAC). */
export const OB2_ALGORITHMS = ['RS256'] as const;

const keyMemo = new Map<string, Promise<CryptoKey>>();
function importPem(pem: string): Promise<CryptoKey> {
  let k = keyMemo.get(pem);
  if (!k) {
    k = importSPKI(pem, 'RS256');
    if (keyMemo.size > 256) keyMemo.clear();
    keyMemo.set(pem, k);
  }
  return k;
}

type KeyTry = { verified: true; owner?: string; withdrawn?: string } | { verified: false; reason: 'bad-signature' | 'unreachable'; message: string };


async function tryKey(jws: string, keyUrl: string, ctx: VerifyContext, embedded?: KeyRead): Promise<KeyTry> {
  let pem: string | undefined;
  let owner: string | undefined;
  let withdrawn: string | undefined;
  try {
    ({ pem, owner, withdrawn } = embedded ?? (await fetchPem(keyUrl, ctx)));
  } catch (e) {
    const why = reasonOf(e);
    // A fetch error already names the URL ("<url> could not be fetched: …"): say it once.
    return { verified: false, reason: 'unreachable', message: why.startsWith(keyUrl) ? `The key ${shorten(keyUrl)}${why.slice(keyUrl.length)}` : `The key ${shorten(keyUrl)} could not be fetched: ${why}` };
  }
  if (!pem) return { verified: false, reason: 'unreachable', message: `The key ${shorten(keyUrl)} has no publicKeyPem` };
  let ok: boolean;
  try {
    ok = await verifyRs256(jws, await importPem(pem));
  } catch (e) {
    return { verified: false, reason: 'unreachable', message: `The key ${shorten(keyUrl)} is not a usable RSA key: ${reasonOf(e)}` };
  }
  if (!ok) return { verified: false, reason: 'bad-signature', message: `The signature does not verify with the key ${shorten(keyUrl)}` };
  const t: KeyTry = { verified: true };
  if (owner !== undefined) t.owner = owner;
  if (withdrawn !== undefined) t.withdrawn = withdrawn;
  return t;
}

/**
 * RFC 7515 §5.2 with RS256 (RFC 7518 §3.3: RSASSA-PKCS1-v1_5 with SHA-256, keys of 2048 bits or
 * more), as jose's compactVerify checks it but with the JWS read once: the header's alg must be
 * RS256, and no `crit` or `b64` extension (RFC 7515 §4.1.11, RFC 7797) is accepted, since signed
 * badges use none. True or false for the signature; throws for a JWS or key that cannot be used.
 */
async function verifyRs256(jws: string, key: CryptoKey): Promise<boolean> {
  const parts = readCompactJws(jws);
  if (parts.header.alg !== 'RS256') throw new Error(`the JWS algorithm is ${shorten(parts.header.alg, 20)}, not RS256`);
  if (parts.header.crit !== undefined || parts.header.b64 !== undefined) throw new Error('the JWS uses critical header extensions (crit, b64), which signed badges do not');
  const bits = (key.algorithm as Partial<RsaHashedKeyAlgorithm>).modulusLength;
  if (!(typeof bits === 'number' && bits >= 2048)) throw new Error(`RS256 requires key modulusLength to be 2048 bits or larger`);
  const exponent = badRsaExponent(key);
  if (exponent) throw new Error(exponent);
  try {
    return await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, parts.signature as Uint8Array<ArrayBuffer>, parts.signingInput as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

export const verifyOb2Signed: FormatVerifier = async (cred, ctx, checks, format) => {
  if (cred.type === 'json' && isLegacyDocument(cred.json)) return unsignedLegacyCopy(cred.json, ctx, checks, format);
  if (cred.type !== 'jws') {
    checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, 'The assertion says it is signed, but no signature (compact JWS) came with it');
    checks.skipRemaining('Unsigned');
    return null;
  }
  let header: Json;
  let a: Json;
  let payload: Json;
  try {
    // One decoding of both parts, the one made when the input was classified (takeJws).
    ({ header, payload } = takeJws(cred.text));
    if (!isObj(payload)) throw new LanyardError(ErrorCodes.PARSE_JWS, 'The JWS payload is not a JSON object');
    a = upgradeAssertion(payload);
  } catch (e) {
    checks.fail('structure', ErrorCodes.PARSE_JWS, `The signed assertion cannot be read: ${reasonOf(e)}`);
    checks.skipRemaining('Unreadable signed assertion');
    return null;
  }
  if (leftAsClr1(payload, checks, 'The signed document is')) return null;
  const what = notAnAssertion(payload);
  if (what) {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `The signed document is ${what}: an assertion names a recipient and a badge class`);
    checks.skipRemaining('Not a badge');
    return null;
  }
  const alg = str(header.alg);
  const creator = alg === 'RS256' ? creatorOf(a) : undefined;
  const early: EarlyKey | undefined = creator ? { url: creator, result: tryKey(cred.text, creator, ctx) } : undefined;
  const bcR = await resolveBadgeClass(a, ctx);
  const bc = 'node' in bcR ? bcR.node : undefined;
  checks.skip('hosted', 'A signed badge is checked by its signature, not a hosted copy');
  // DESIGN "Every check that can still run, runs": the signature is checked even when the structure fails.
  let issuer: Json | undefined;
  if ((isAllowedAlg(header.alg) && header.alg !== 'RS256') || isUncheckedAlg(header.alg)) {
    // A registered asymmetric JWS algorithm (RFC 7518) other than the RS256 that OB 2.0 §SignedBadge
    // recommends: the badge is unchecked, not forged (DESIGN.md: a legitimate suite not implemented).
    const cannot = await algTheKeyCannotMake(alg, creatorOf(a), ctx, cred.text);
    if (cannot) checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, cannot);
    else checks.indeterminate('signature', ErrorCodes.UNSUPPORTED, `The signature algorithm ${header.alg as string} is a legitimate one, but Lanyard checks OB 2.0 signed badges made with RS256 (the specification's recommendation) only`);
    if (cannot) checks.skip('issuer-key', 'The signature cannot verify with the key the assertion names');
    else checks.indeterminate('issuer-key', ErrorCodes.UNSUPPORTED, 'The signature was not checked, so its key is not confirmed as the issuer\'s');
    const issR = bc ? await resolveNode(idOf(bc.issuer) ?? bc.issuer, ctx, true, 'Profile') : undefined;
    issuer = issR && 'node' in issR && issR.fetched ? issR.node : undefined;
  } else if (!(OB2_ALGORITHMS as readonly (string | undefined)[]).includes(alg)) {
    const why = header.alg === undefined || alg?.toLowerCase() === 'none'
      ? `The assertion is not signed (its JWS header ${header.alg === undefined ? 'names no alg' : `says alg ${shorten(alg, 20)}`})`
      : `The signature algorithm ${shorten(header.alg, 20)} is not accepted (only ${OB2_ALGORITHMS.join(', ')})`;
    checks.fail('signature', ErrorCodes.ALG_NOT_ALLOWED, why);
    checks.skip('issuer-key', 'There is no acceptable signature whose key could be the issuer\'s');
  } else issuer = await verifySignature(cred.text, a, bc, ctx, checks, early, 'error' in bcR ? bcR.error.message : undefined);
  structureOb2(checks, a, payload, 'node' in bcR ? bcR : undefined, issuer ? { node: issuer, fetched: true } : undefined);
  if (checks.outcome('signature') === 'fail' || checks.outcome('issuer-key') === 'fail') {
    checks.skipRemaining('The signature or its key failed, so what the assertion says cannot be trusted');
    return toBadgeOb2(a, bc, issuer, format);
  }
  // `expires: null` is no expiry (JSON-LD 1.1 §4.1 ignores null; ob2-structure.ts accepts it, as 1EdTech's validator does);
  // every DateTime form the structure check accepts is read (ob2Instant).
  if (isLegacyDocument(payload)) checkLegacyValidity(checks, payload, ctx.now);
  else checkValidity(checks, { from: ob2Instant(a.issuedOn), fromName: 'issuedOn', until: ob2Instant(a.expires ?? undefined), untilName: 'expires' }, ctx.now);
  await checkRevocationList(checks, a, issuer, ctx, bc);
  return toBadgeOb2(a, bc, issuer, format);
};

/**
 * The JSON of an OB 1.x signed badge without its JWS: what a backpack keeps of a badge once read
 * (Mozilla's Backpack kept assertions as JSON: test/fixtures/real/badgr-server-2015/). Nothing in
 * it says it is forged, and nothing in it can be checked: 1EdTech's
 * validator finds no verifiable input in such JSON (upgrade_1_0_node: its id is `uid:…`, no URL to
 * fetch) rather than calling it invalid. So the signature is unsettled, saying what to give instead.
 */
async function unsignedLegacyCopy(json: Json, ctx: VerifyContext, checks: CheckList, format: Badge['format']): Promise<Badge> {
  const a = upgradeAssertion(json);
  checks.indeterminate('signature', ErrorCodes.NO_KEY, 'This is the text of a signed badge without its signature (the JWS the issuer made), so it cannot be checked; the badge image the issuer baked, or its JWS, can be');
  checks.indeterminate('issuer-key', ErrorCodes.NO_KEY, 'Without the signature, no key of the issuer can be checked');
  checks.skip('hosted', 'A signed badge is checked by its signature, not a hosted copy');
  checks.skipRemaining('Without the signature, nothing the assertion says can be trusted');
  const bc = await resolveBadgeClass(a, ctx);
  return toBadgeOb2(a, 'node' in bc ? bc.node : undefined, undefined, format);
}

/** The key the assertion says signed it: verification.creator (OB 2.0), or verify.url (OB 1.x signed). */
function creatorOf(a: Json): string | undefined {
  const v = isObj(a.verification) ? a.verification : {};
  // OB 1.x (no @context, or the 1.x one, also in an array): the key is at verify.url.
  return idOf(v.creator) ?? (isLegacyDocument(a) ? str(v.url) : undefined);
}

/**
 * The named key, fetched and the signature checked under it, started before the badge class and
 * the issuer's profile are read: a hosted badge class, profile and key are three documents, and
 * the key no longer waits for the other two (nor WebCrypto's check for the JavaScript after it).
 * Nothing is decided here: keysOf uses the outcome only where it would have tried that key itself,
 * after the profile says whether the key is the issuer's, and not when the profile embeds the key.
 */
type EarlyKey = { url: string; result: Promise<KeyTry> };

/** Steps 4–6: keys from the hosted issuer Profile; the creator must be among them. Returns the hosted issuer. */
/** `bcError`: why the badge class could not be read (its fetch error names the URL and the reason), said so that an indeterminate verdict explains itself. */
async function verifySignature(jws: string, a: Json, bc: Json | undefined, ctx: VerifyContext, checks: CheckList, early?: EarlyKey, bcError?: string): Promise<Json | undefined> {
  const creator = creatorOf(a);
  const issuerRef = bc?.issuer;
  const issR = issuerRef === undefined ? undefined : await resolveNode(idOf(issuerRef) ?? issuerRef, ctx, true, 'Profile');
  if (!issR || 'error' in issR || !issR.fetched) {
    const why = issR && 'error' in issR ? issR.error.message : bc ? 'the issuer has no web address' : bcError ? `the badge class could not be read: ${bcError}` : 'the badge class could not be read';
    checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `The issuer's profile could not be fetched (${why}), so its keys are unknown`);
    checks.indeterminate('signature', ErrorCodes.NO_KEY, 'No key of the issuer to check the signature with');
    return undefined;
  }
  const issuer = issR.node;
  const issuerUrl = idOf(issuerRef) ?? '';
  const foreign = declaresOtherId(issuer, issuerUrl);
  const listed = arr(issuer.publicKey).map(idOf).filter((k): k is string => !!k);
  // Keys embedded in the hosted profile (CryptographicKey objects with their PEM) are as trusted as the profile.
  const embedded = new Map(arr(issuer.publicKey).filter(isObj).flatMap((k) => (typeof k.id === 'string' && typeof k.publicKeyPem === 'string' ? [[k.id, keyRead(k, ctx.now)] as const] : [])));
  const used = await keysOf(jws, creator, listed, embedded, issuerUrl, ctx, checks, early);
  if (listed.length === 0 && creator !== undefined && used && isLegacyDocument(a) && checks.outcome('signature') === 'pass') bindLegacyKey(creator, used, issuerUrl, checks);
  // Step 4 "Do not trust a key that is not properly linked from the issuer Profile": a document fetched
  // for the issuer that declares another id is not the issuer's profile, so it confirms nothing either way.
  if (foreign !== undefined && (checks.outcome('issuer-key') === 'pass' || checks.outcome('issuer-key') === 'fail')) {
    checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `The issuer profile at ${shorten(issuerUrl)} declares itself ${shorten(foreign, 120)}: it does not speak for the issuer the badge class names`);
  }
  return issuer;
}

/** Steps 4–6 once the hosted profile is known: which keys to try, and whether the one that verifies is the issuer's. Returns what was read of the key that verified. */
async function keysOf(jws: string, creator: string | undefined, listed: string[], embedded: Map<string, KeyRead>, issuerUrl: string, ctx: VerifyContext, checks: CheckList, early?: EarlyKey): Promise<KeyRead | undefined> {
  const attempt = (keyUrl: string): Promise<KeyTry> => {
    const inProfile = embedded.get(keyUrl);
    return inProfile ? tryKey(jws, keyUrl, ctx, inProfile) : early?.url === keyUrl ? early.result : tryKey(jws, keyUrl, ctx);
  };
  // DESIGN issuer-key: a profile that lists keys and not this one fails it; a profile that lists none
  // (every OB 1.x issuer: the key sits at verify.url) cannot confirm the key, which is still tried.
  if (creator && listed.length > 0 && !listed.includes(creator)) {
    checks.fail('issuer-key', ErrorCodes.KEY_NOT_OWNED, `Signed with ${shorten(creator)}, a key the issuer's profile does not list`);
    // Every check that can still run, runs: whether the signature holds under the key it names.
    const t = await (early?.url === creator ? early.result : tryKey(jws, creator, ctx));
    if (t.verified) checks.pass('signature', `The signature is intact under ${shorten(creator)}, but that key is not the issuer's`);
    else if (t.reason === 'bad-signature') checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, t.message);
    else checks.indeterminate('signature', ErrorCodes.NO_KEY, t.message);
    return;
  }
  const candidates = creator ? [creator] : listed;
  if (!candidates.length) {
    checks.indeterminate('issuer-key', ErrorCodes.NO_KEY, 'The issuer\'s profile lists no public key');
    checks.indeterminate('signature', ErrorCodes.NO_KEY, 'No key of the issuer to check the signature with');
    return;
  }
  const tries: KeyTry[] = [];
  for (const keyUrl of candidates) {
    const t = await attempt(keyUrl);
    if (t.verified) {
      checks.pass('signature', `The signature is intact, checked with ${shorten(keyUrl)}`);
      if (!listed.includes(keyUrl)) checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, unlisted(keyUrl));
      // §CryptographicKey: "a two-way connection between this Profile and the CryptographicKey through the owner
      // and publicKey properties" (a should): a key that names another owner is not confirmed, nor called forged.
      else if (t.owner !== undefined && !sameDocument(t.owner, issuerUrl)) checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `The issuer's profile lists ${shorten(keyUrl)}, but that key names another owner (${shorten(t.owner, 120)})`);
      else if (t.withdrawn !== undefined) checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `The issuer's profile lists ${shorten(keyUrl)}, but ${t.withdrawn}`);
      else checks.pass('issuer-key', `Signed with ${shorten(keyUrl)}, a key the issuer's profile lists`);
      return t;
    }
    tries.push(t);
  }
  // Forged only when every key was read and none verifies: a key that did not answer (the new one of
  // an issuer listing its old and new keys) may be the one that signed it.
  const bad = tries.find((t) => !t.verified && t.reason === 'bad-signature');
  const unread = tries.filter((t) => !t.verified && t.reason !== 'bad-signature');
  if (bad && !bad.verified && unread.length === 0) checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, bad.message);
  else checks.indeterminate('signature', ErrorCodes.NO_KEY, (unread.length ? unread : tries).map((t) => (!t.verified ? t.message : '')).join('; '));
  if (listed.length) checks.pass('issuer-key', 'The signing key is listed by the issuer\'s profile');
  else checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, unlisted(candidates[0]!));
}

const hostOf = (url: string): string | undefined => (URL.canParse(url) ? new URL(url).host.toLowerCase() : undefined);

/**
 * OB 1.0 §Signed Badges: "The public key corresponding to the private key used to sign the badge
 * should be publicly accessible and specified in the `verify.url` property"; an IssuerOrganization
 * lists no keys, and the specification asks a display to show `verify.url`'s origin. The key is bound
 * to the issuer as a hosted copy is (OB 2.0 §HostedBadge rule 3, the default scope): served from the
 * same host as the issuer's own document, it is the issuer's key; from anywhere else it stays
 * unconfirmed (keysOf's `unlisted`), never forged.
 */
function bindLegacyKey(keyUrl: string, key: KeyRead, issuerUrl: string, checks: CheckList): void {
  const host = hostOf(keyUrl);
  if (!/^https?:/i.test(keyUrl) || host === undefined || host !== hostOf(issuerUrl) || checks.outcome('issuer-key') !== 'indeterminate') return;
  // A CryptographicKey document there speaks for itself (OB 2.0 §CryptographicKey, as keysOf reads a
  // listed one): a key that names another owner (another tenant of a shared host), or says it is
  // revoked or expired, is not this issuer's key now, whatever host serves it.
  if (key.owner !== undefined && !sameDocument(key.owner, issuerUrl)) {
    checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `The key ${shorten(keyUrl)} names another owner (${shorten(key.owner, 120)}), not the issuer`);
    return;
  }
  if (key.withdrawn !== undefined) {
    checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `The key ${shorten(keyUrl)} is on the issuer's site, but ${key.withdrawn}`);
    return;
  }
  // An https site is served over TLS (as inOriginScope05 holds of a 0.5 copy): a key read over plain
  // http from its host may be anyone's on the network path, who could then sign any badge as its issuer.
  if (/^https:/i.test(issuerUrl) && /^http:/i.test(keyUrl)) {
    checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, `The key ${shorten(keyUrl)} was read over plain http, while the issuer's document is https (${shorten(issuerUrl)}): anyone on the network path could have served it, so it is not confirmed as the issuer's`);
    return;
  }
  checks.pass('issuer-key', `Signed with ${shorten(keyUrl)}, served from ${host}, the site of the issuer's own document (OB 1.x: the key at verify.url)`);
}

const unlisted = (keyUrl: string): string =>
  `The issuer's profile lists no public key, so ${shorten(keyUrl)} cannot be confirmed as the issuer's key`;
