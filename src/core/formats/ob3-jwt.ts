/**
 * OB 3.0 VC-JWT verification (SPEC ob_v3p0/integrity.md §VC-JWT, verification.md; VC-JOSE-COSE).
 * Checks, in the order they are reported: read the JWS → structure and JWT claims → alg allow-list →
 * the key the header names → RFC 7515 §5.2 signature → issuer-key (DESIGN.md rule) → dates → status.
 * The signature is computed concurrently with the rest (see verifyOb3Jwt), which changes no outcome.
 * A credential secured as an SD-JWT (RFC 9901) is this VC-JWT with disclosures (sd-jwt.ts): they are put
 * back into its payload before anything else is read, and a disclosure its issuer did not sign fails it.
 *
 * `typ`, when present, must be `JWT` (OB 3.0), `vc+jwt` (VC-JOSE-COSE; its drafts' `vc+ld+jwt`,
 * `vc+ld+json+jwt`) or an OpenID4VCI format name (`jwt_vc_json`), `application/` optional; any other type is another kind of token (RFC 8725 §3.11, explicit typing), so it fails `structure`.
 */
import { ErrorCodes } from '../errors.ts';
import { reasonOf, shorten } from '../display.ts';
import { issuerBinding } from '../keys/binding.ts';
import { signingKey, signingKeyNow, type SigningKey } from '../keys/signing-key.ts';
import { isAllowedAlg, isUncheckedAlg, JWS_ALGORITHMS, uncheckedAlgSpec, readCompactJws, readJwsPayload, verifyJws, type CompactJws, type JwsAlgorithm, type JwsOutcome } from '../keys/verify-jws.ts';
import { CheckList } from '../verify/checks.ts';
import type { VerifyContext } from '../verify/context.ts';
import type { FormatVerifier } from '../verify/format-verifier.ts';
import { checkValidity } from '../verify/validity.ts';
import { isObj, type Json } from './json-util.ts';
import { disclose, hidesClaims, splitSdJwt, type Disclosed, type SdJwt } from './sd-jwt.ts';
import type { CredentialText } from '../input/types.ts';
import { takeJwsPayload } from '../input/jws.ts';
import type { Badge, BadgeFormat } from '../model.ts';
import { judgeWhole, unsettleDisclosed, unsettleDisclosedRecipient } from '../proofs/withheld.ts';
import { extraChecks, issuerIdOf, note, reportLater, statusOb3, structureOb3, subjectOf, windowOf, type WithheldAt } from './ob3-badge.ts';
import { toBadge } from './ob3-to-badge.ts';
import { claimMismatches, numericDate, toIso, unreadTokenStatus, unwrapVc } from './vc-jwt-claims.ts';

/**
 * RFC 7515 §4.1.9: compared case-insensitively, `application/` optional. `vc+ld+jwt` and `vc+ld+json+jwt` are the
 * VC-JOSE-COSE drafts' names, still in issued credentials. `jwt_vc_json`, `jwt_vc_json-ld` and `jwt_vc` are OpenID4VCI's
 * identifiers of a W3C credential signed as a JWT (Appendix A.1.1, A.1.2; draft 11's `jwt_vc`): walt.id's issuer
 * writes the format into `typ`, so they name a credential, not another kind of token.
 */
const TYPS = new Set(['jwt', 'vc+jwt', 'vc+ld+jwt', 'vc+ld+json+jwt', 'jwt_vc_json', 'jwt_vc_json-ld', 'jwt_vc']);
/** VC-JOSE-COSE §3.2: a credential secured as an SD-JWT is typed `vc+sd-jwt` (only an SD-JWT may be). */
const isCredentialTyp = (typ: unknown, sd: boolean): boolean => {
  if (typeof typ !== 'string') return false;
  const t = typ.toLowerCase().replace(/^application\//, '');
  return TYPS.has(t) || (sd && t === 'vc+sd-jwt');
};

/** `withheld`: where an SD-JWT's signed digests were not disclosed (structureOb3's `disclosed`): its start date may be one (proofs/withheld.ts). */
function checkStructure(header: Json, payload: Json, c: Json, checks: CheckList, sd: { withheld: boolean | WithheldAt } | undefined): boolean {
  const typ = header.typ;
  if (typ !== undefined && !isCredentialTyp(typ, sd !== undefined)) {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `The JOSE typ ${shorten(typ, 40)} is not a credential's (JWT, vc+jwt)`);
    return false;
  }
  const sound = structureOb3(c, checks, { signedAsText: true, disclosed: sd?.withheld ?? false });
  // A field withheld (RFC 9901 §4.2) leaves the rest to check: a claim that disagrees is still a fault.
  if (!sound && checks.get('structure')?.code !== ErrorCodes.STRUCTURE_WITHHELD) return false;
  const bad = claimMismatches(payload, c, sd?.withheld === true || (typeof sd?.withheld === 'function' && sd.withheld([])));
  if (bad.length) {
    checks.fail('structure', ErrorCodes.CLAIM_MISMATCH, `JWT claims disagree with the credential: ${bad.join('; ')}`);
    return false;
  }
  if (!sound) return false;
  if (payload.sub !== undefined && subjectOf(c)?.id === undefined) {
    const msg = `The JWT's sub (${shorten(payload.sub, 60)}) names a subject the credential gives no id (integrity.md asks for sub = credentialSubject.id)`;
    checks.pass('structure', `${checks.get('structure')?.message ?? ''}; note: ${msg}`);
    note(checks, 'claims', msg);
  }
  if (payload.aud !== undefined && payload.sub === undefined) {
    // integrity.md requires sub; 1EdTech's own fixtures put the subject in aud instead. A note, not a failure.
    const msg = 'The JWT has aud but no sub (integrity.md asks for sub = credentialSubject.id)';
    checks.pass('structure', `${checks.get('structure')?.message ?? ''}; note: ${msg}`);
    note(checks, 'claims', msg);
  }
  return true;
}

/** The checks that follow a good signature, worked out while WebCrypto checks it, reported only if it holds. */
async function laterChecks(c: Json, payload: Json, ctx: VerifyContext): Promise<CheckList> {
  const later = new CheckList();
  later.skip('hosted', 'A signed credential is checked by its signature, not a hosted copy');
  // integrity.md: nbf/exp bound the credential too (they equal its dates when both are present); every one is read.
  const nbf = numericDate(payload.nbf) ? toIso(payload.nbf) : undefined;
  const exp = numericDate(payload.exp) ? toIso(payload.exp) : undefined;
  const { from, until } = windowOf(c, { nbf, exp });
  checkValidity(later, { from: from?.[1], fromName: from?.[0], until: until?.[1], untilName: until?.[0] }, ctx.now);
  await statusOb3(c, ctx, later);
  const tokenStatus = unreadTokenStatus(payload);
  if (tokenStatus && later.outcome('revocation') === 'pass') later.indeterminate('revocation', ErrorCodes.UNSUPPORTED, tokenStatus);
  await extraChecks(c, ctx, later);
  return later;
}

/** Starts the signature check when there is a key to check with. */
const start = (jws: CompactJws, alg: JwsAlgorithm, sk: SigningKey | undefined): Promise<JwsOutcome> | undefined =>
  sk && 'key' in sk ? verifyJws(jws, alg, sk.key.jwk, sk.key.canonical) : undefined;

/**
 * A VC-JWT, or a credential secured as an SD-JWT (sd-jwt.ts): its issuer JWT is verified as a VC-JWT,
 * over the payload its disclosures make (RFC 9901 §7.1); what the holder did not disclose is unknown,
 * not false (proofs/withheld.ts), so it never makes the badge valid.
 */
export const verifyOb3Jwt: FormatVerifier = async (cred, ctx, checks, format) => {
  let sd: SdState | undefined;
  try {
    const split = cred.type === 'jws' ? splitSdJwt(cred.text) : null;
    if (split) sd = { jwt: split.jwt, disclosures: split.disclosures };
  } catch (e) {
    checks.fail('structure', ErrorCodes.PARSE_JWS, `The SD-JWT cannot be read: ${reasonOf(e)}`);
    checks.skipRemaining('Unreadable SD-JWT');
    return null;
  }
  const read = readJwt(cred, checks, sd);
  if (!read) return null;
  // RFC 9901 §4: an issuer JWT with digests sent without its `~` is that SD-JWT with nothing
  // disclosed; read as a plain VC-JWT, a status or an expiry it hides would read as none.
  if (!sd && hidesClaims(read.payload)) sd = { jwt: read.text, disclosures: [] };
  const badge = await verifyJwt(read, ctx, checks, format, sd);
  // A field taken as withheld under a signature that fails was not the issuer's to withhold: judged as signed.
  if (sd?.c && checks.get('structure')?.code === ErrorCodes.STRUCTURE_WITHHELD && checks.outcome('signature') === 'fail') judgeWhole(sd.c, checks, { signedAsText: true });
  // RFC 9901 §7.1: what the holder withheld is unknown, not absent (proofs/withheld.ts, as for ecdsa-sd-2023):
  // decided where the signature did not fail, the recipient where it holds.
  if (badge && sd?.found?.ok && sd.found.withheld && sd.c && checks.outcome('signature') !== 'fail') {
    const p = sd.found.payload;
    unsettleDisclosed(sd.c, checks, 'SD-JWT', { start: numericDate(p.nbf), end: numericDate(p.exp) });
    // A status or a subject shown with part of it withheld (an entry of several, a member of one):
    // what is shown says nothing of what is not, which may be the entry that revokes it, or the
    // identity that is the user's.
    const within = (name: string) => sd.found?.ok === true && sd.found.withheldIn.some((path) => path[0] === name || (path[0] === 'vc' && path[1] === name));
    if (within('credentialStatus') && checks.outcome('revocation') === 'pass') {
      checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'The credential is selectively disclosed (SD-JWT) with part of its status withheld: its holder may have withheld the entry that says it is revoked or suspended, so whether it is is unknown');
    }
    if (checks.outcome('signature') === 'pass') await unsettleDisclosedRecipient(badge.recipients, ctx.identities, checks, 'SD-JWT', within('credentialSubject'));
  }
  return badge;
};

/**
 * RFC 9901 §4.2.4.1 / §4.2.5: an undisclosed digest (a withheld claim, or a decoy) hides a member of
 * the object whose `_sd` (or array) holds it, and nothing elsewhere: a field counts as withheld only
 * where a digest was left (`withheldIn`, from the payload's top; `top`: where the credential starts in it).
 */
const withheldAt = (withheldIn: readonly string[][], top: readonly string[]): WithheldAt => (where) => {
  const path = [...top, ...where];
  return withheldIn.some((p) => p.length === path.length && p.every((name, i) => name === path[i]));
};

/**
 * A VC-JWT (or an SD-JWT's issuer JWT) read once: its header, its payload, and the signature check,
 * started as soon as the key is known. WebCrypto checks the signature off the main thread, so it is
 * started before the payload is read when the header alone names the key (did:key, jwk), and
 * everything else is worked out meanwhile; checks are still reported in order.
 */
interface ReadJwt {
  text: string;
  jws: CompactJws;
  payload: Json;
  sk: SigningKey | undefined;
  signature: Promise<JwsOutcome> | undefined;
}

/** Reads the JWS once (the SD-JWT test and the verification share it); null when it cannot be read, said in `checks`. */
function readJwt(cred: CredentialText, checks: CheckList, sd: SdState | undefined): ReadJwt | null {
  try {
    if (cred.type !== 'jws') throw new Error('it is not a compact JWS');
    const text = sd?.jwt ?? cred.text;
    const jws = readCompactJws(text);
    let sk: SigningKey | undefined;
    let signature: Promise<JwsOutcome> | undefined;
    if (isAllowedAlg(jws.header.alg)) signature = start(jws, jws.header.alg, (sk = signingKeyNow(jws.header)));
    // The payload as classifying the input read it, when that is what readJwsPayload reads (input/jws.ts takeJwsPayload).
    return { text, jws, payload: takeJwsPayload(text) ?? readJwsPayload(jws), sk, signature };
  } catch (e) {
    checks.fail('structure', ErrorCodes.PARSE_JWS, `The ${sd ? 'SD-JWT\'s issuer JWT' : 'VC-JWT'} cannot be read: ${reasonOf(e)}`);
    checks.skipRemaining('Unreadable VC-JWT');
    return null;
  }
}

/** An SD-JWT being verified (sd-jwt.ts): its parts, then what its disclosures made of the issuer JWT's payload, and the credential read from it. */
interface SdState extends Pick<SdJwt, 'jwt' | 'disclosures'> {
  found?: Disclosed;
  c?: Json;
}

async function verifyJwt(read: ReadJwt, ctx: VerifyContext, checks: CheckList, format: BadgeFormat, sd: SdState | undefined): Promise<Badge | null> {
  const { jws } = read;
  let { payload, sk, signature } = read;
  if (sd) {
    // RFC 9901 §7.1 step 3: the disclosures put back; when they break it, the credential is read
    // with none disclosed (or as signed, when that too breaks it), and rejected below.
    sd.found = disclose(payload, sd.disclosures);
    const bare = sd.found.ok ? sd.found : disclose(payload, []);
    if (bare.ok) payload = bare.payload;
  }
  const header = jws.header;
  const c = unwrapVc(payload);
  if (sd) sd.c = c;
  const alg = header.alg;
  const issuerId = issuerIdOf(c);
  // The dates and the status, worked out while the key is fetched and the signature checked (a status
  // list no longer waits for a did:web or kid document); started now, maybe never awaited (a bad
  // signature, no acceptable algorithm): it must neither reject unhandled nor throw later.
  const later = laterChecks(c, payload, ctx).catch((e: unknown) => {
    const l = new CheckList();
    l.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, `The status could not be checked: ${reasonOf(e)}`);
    return l;
  });
  // A kid to fetch or to read against the issuer's id (a kid URL may be fetched even for a malformed credential).
  if (!sk && isAllowedAlg(alg)) signature = start(jws, alg, (sk = await signingKey(header, issuerId, ctx)));
  // DESIGN "Every check that can still run, runs": a malformed credential (a claim that disagrees) still
  // has its signature checked, so the user sees whether it was altered or only mis-issued.
  checkStructure(header, payload, c, checks, sd && { withheld: !sd.found?.ok || withheldAt(sd.found.withheldIn, c === payload ? [] : ['vc']) });
  if (sd?.found && !sd.found.ok) {
    signature?.catch(() => undefined);
    if (sd.found.reason === 'forged') {
      // RFC 9901 §7.1: "the SD-JWT MUST be rejected": a claim its issuer did not sign is shown as its.
      checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, `The SD-JWT's disclosures are not what its issuer signed: ${sd.found.message} (RFC 9901 §7.1)`);
      checks.skipRemaining('The disclosures are not the issuer\'s');
    } else {
      checks.indeterminate('signature', ErrorCodes.UNSUPPORTED, `The SD-JWT's disclosures are not checked: ${sd.found.message}`);
      checks.indeterminate('issuer-key', ErrorCodes.UNSUPPORTED, 'The disclosures were not checked, so what the key signed is not confirmed');
      checks.skipRemaining('The disclosures are not checked');
    }
    return toBadge(c, format);
  }
  // A registered asymmetric algorithm Lanyard does not implement (ES512…): unchecked, not forged; the rest still runs.
  const unchecked = !sk && isUncheckedAlg(alg);
  // Its key is still read: one Lanyard reads is Ed25519, P-256, P-384 or RSA, none of which makes ES512
  // (P-521, RFC 7518 §3.4), ES256K (secp256k1, RFC 8812 §3.2) or Ed448 (RFC 8037 §3.1): a header
  // rewritten to such an alg over an altered credential is forged, not unchecked.
  const named = unchecked ? await signingKey(header, issuerId, ctx) : undefined;
  if (named && 'key' in named) sk = { invalid: `The algorithm ${alg} cannot have been used with ${named.key.source}, ${named.key.jwk.kty === 'RSA' ? 'an RSA' : `a ${named.key.jwk.kty} ${named.key.jwk.crv}`} key` };
  else if (unchecked) sk = { missing: `the signature algorithm ${alg} is a legitimate one (${uncheckedAlgSpec(alg)}) that Lanyard cannot check yet` };
  if (!sk) {
    const unsigned = alg === undefined || (typeof alg === 'string' && alg.toLowerCase() === 'none');
    checks.fail('signature', ErrorCodes.ALG_NOT_ALLOWED, unsigned
      ? `The credential is not signed (its JWS header ${alg === undefined ? 'names no alg' : `says alg ${shorten(alg, 20)}`})`
      : `The signature algorithm ${shorten(alg, 20)} is not accepted (only ${JWS_ALGORITHMS.join(', ')})`);
    checks.skipRemaining('The signature is not acceptable');
    return toBadge(c, format);
  }
  if ('invalid' in sk) {
    checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, sk.invalid);
    checks.skipRemaining('The signature is not acceptable');
    return toBadge(c, format);
  }
  // While the signature is checked: the issuer binding (its document may be fetched even when the
  // signature turns out bad).
  const binding = 'key' in sk ? issuerBinding(issuerId, sk.key, ctx) : undefined;
  binding?.catch(() => undefined);
  const badge = toBadge(c, format);
  if ('missing' in sk || !signature || !binding) {
    if (unchecked && 'missing' in sk) {
      checks.indeterminate('signature', ErrorCodes.UNSUPPORTED, `The signature is not checked: ${sk.missing}`);
      // Its key may well be named (a kid): it is the unchecked signature that leaves it unconfirmed.
      checks.indeterminate('issuer-key', ErrorCodes.UNSUPPORTED, 'The signature was not checked, so its key is not confirmed as the issuer\'s');
    } else {
      checks.indeterminate('signature', ErrorCodes.NO_KEY, `No key to check the signature with${'missing' in sk ? `: ${sk.missing}` : ''}`);
      checks.indeterminate('issuer-key', ErrorCodes.NO_KEY, 'No signing key to confirm as the issuer\'s');
    }
    reportLater(checks, await later);
    return badge;
  }
  const out = await signature;
  if (!out.ok && out.reason === 'unusable-key' && sk.key.id !== undefined) {
    // A key fetched from the kid that cannot be used is like no key at all.
    checks.indeterminate('signature', ErrorCodes.NO_KEY, `${sk.key.source}: ${out.message}`);
    checks.indeterminate('issuer-key', ErrorCodes.NO_KEY, 'No usable signing key to confirm as the issuer\'s');
  } else if (!out.ok && out.reason !== 'nonconformant') {
    checks.fail('signature', ErrorCodes.SIGNATURE_INVALID, out.message);
    checks.skipRemaining('The signature failed');
    return badge;
  } else {
    // A DER-encoded ECDSA signature that holds (verify-jws.ts): not altered, yet not a valid JWS
    // (RFC 7518 §3.4), so neither pass nor fail; whether the key is the issuer's is still decided.
    if (out.ok) checks.pass('signature', `The signature (${alg}) is intact, checked with ${sk.key.source}`);
    else checks.indeterminate('signature', ErrorCodes.UNSUPPORTED, `${out.message} (${sk.key.source})`);
    const b = await binding;
    if (b.status === 'bound') checks.pass('issuer-key', b.message);
    else if (b.status === 'unresolvable') checks.indeterminate('issuer-key', ErrorCodes.ISSUER_UNRESOLVED, b.message);
    else {
      checks.fail('issuer-key', ErrorCodes.KEY_NOT_OWNED, b.message);
      checks.skipRemaining('The signing key is not the issuer\'s');
      return badge;
    }
  }
  reportLater(checks, await later);
  return badge;
};
