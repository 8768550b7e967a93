/**
 * What OB 3.0 VC-JWT and Data Integrity share: the credential's structure (VC Data Model 2.0 / 1.1
 * and OB 3.0 verification.md step 1), its dates and its status (its mapping onto Badge: ob3-to-badge.ts).
 * The credential is hostile input: every field is type-guarded.
 */
import { ErrorCodes } from '../errors.ts';
import { shorten } from '../display.ts';
import type { CheckId } from '../result.ts';
import type { CheckList } from '../verify/checks.ts';
import type { VerifyContext } from '../verify/context.ts';
import { checkCredentialStatus } from '../status/check.ts';
import { checkRefresh } from '../status/refresh.ts';
import { checkSchema } from '../status/schema.ts';
import { checkEndorsements } from '../proofs/endorsement.ts';
import { checkValidity, strictestDate, type NamedDate } from '../verify/validity.ts';
import { arr, idOf, isObj, str, subjectOf, types, type Json } from './json-util.ts';
import { firstText } from './lang-text.ts';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
/**
 * OB 3.0's context versions (ob_v3p0/context.md): 3.0.2 was written for VC 1.1, 3.0.3 for VC 2.0.
 * 1EdTech's validator expects 3.0.3 after the VC 2.0 context and warns of another version there
 * (digital-credentials-public-validator VerifiableCredential.java contextMap, ContextPropertyProbe).
 */
const OB_302_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json';
const OB_303_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential'];
/** CLR 2.0 §ClrCredential: a VC of the same family (same proofs, dates, status), whose subject holds OB 3.0 credentials. */
export const CLR_TYPE = 'ClrCredential';

/** VC 1.1 credentials (OB 3.0 AnyAchievementCredential) date with issuanceDate/expirationDate (verification.md notes). */
export const isVc1 = (c: Json): boolean => arr(c['@context'])[0] === VC_V1_CONTEXT;

export { subjectOf } from './json-util.ts';

export const issuerIdOf = (c: Json): string | undefined => idOf(c.issuer);

const isUri = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);

/** Adds a note to a non-core check, appending when one is already there (a CheckList keeps one entry per id). */
export function note(checks: CheckList, id: CheckId, message: string): void {
  const prev = checks.get(id);
  checks.warn(id, prev?.outcome === 'warning' ? `${prev.message}; ${message}` : message);
}

/**
 * Copies checks worked out while a signature was being checked (ob3-jwt.ts, ob3-data-integrity.ts) in;
 * a note the structure check already made (`schema`) is added to, not replaced.
 */
export function reportLater(checks: CheckList, later: CheckList): void {
  for (const k of later.toArray()) {
    if (checks.outcome(k.id) === 'warning') note(checks, k.id, k.message);
    else checks.set(k.id, k.outcome, k.message, k.code);
  }
}

/**
 * Where a selectively disclosed credential's holder may have withheld a member: `where` names the object
 * (member names from the credential's top, [] the top itself). An SD-JWT says where its undisclosed
 * digests are (formats/sd-jwt.ts `withheldIn`): one elsewhere, a decoy included (RFC 9901 §4.2.5), withholds nothing here.
 */
export type WithheldAt = (where: readonly string[]) => boolean;

/**
 * VC DM 2.0 §4 / 1.1 §4 required properties, and OB 3.0 verification.md step 1 (a subject id and/or identifier).
 * `signedAsText`: the proof covers the credential's text (a VC-JWT), not its RDF (Data Integrity).
 * `disclosed`: the credential carries a selective-disclosure proof (ecdsa-sd-2023: true, anywhere; or an
 * SD-JWT with claims not disclosed: only where its digests were, `WithheldAt`), whose holder may have
 * withheld any statement the issuer did not make
 * mandatory (VC DI ECDSA §3.4.2 selective disclosure; RFC 9901 §4.2): a required field that is absent
 * (and only absent: a value the issuer wrote wrong is malformed) is then unknown, not missing. Its
 * start date alone leaves the structure passing (validity says it is unknown, proofs/withheld.ts);
 * its types, issuer, subject, achievement or the achievement's name leave it `indeterminate`
 * (ERR_STRUCTURE_WITHHELD), never `fail`. `confirmWithheld` (proofs/withheld.ts) judges it whole
 * after all unless the derived proof is the one that verified.
 */
export function structureOb3(c: Json, checks: CheckList, { signedAsText = false, disclosed = false }: { signedAsText?: boolean; disclosed?: boolean | WithheldAt } = {}): boolean {
  const bad: string[] = [];
  /** Whether the holder may have withheld a member of the object at `where` (member names from the credential's top). */
  const mayWithhold = (where: readonly string[]): boolean => disclosed === true || (typeof disclosed === 'function' && disclosed(where));
  /** Absent fields a holder may have withheld: what each was needed for. */
  const withheld: [field: string, neededFor: string][] = [];
  const missing = (v: unknown, field: string, neededFor: string, malformed: string = field): void => {
    if (mayWithhold([]) && (v === undefined || v === null)) withheld.push([field, neededFor]);
    else bad.push(malformed);
  };
  const ctx = arr(c['@context']);
  if (ctx[0] !== VC_V2_CONTEXT && ctx[0] !== VC_V1_CONTEXT) bad.push(`@context (its first entry must be ${VC_V2_CONTEXT} or ${VC_V1_CONTEXT})`);
  if (ctx[0] === VC_V2_CONTEXT && ctx.includes(OB_302_CONTEXT)) {
    note(checks, 'schema', `its @context pairs the OB 3.0.2 context (${OB_302_CONTEXT}), written for VC 1.1, with VC 2.0 (${VC_V2_CONTEXT}): OB 3.0's context for VC 2.0 is ${OB_303_CONTEXT}, and 1EdTech's validator warns of it`);
  }
  const t = types(c.type);
  const noType = mayWithhold([]) && (c.type === undefined || c.type === null);
  if (noType) missing(c.type, 'type', 'whether it is an Open Badge');
  else if (!t.includes('VerifiableCredential')) bad.push('type (VerifiableCredential)');
  const clr = t.includes(CLR_TYPE);
  const notBadge = !noType && !clr && !t.some((x) => OB3_TYPES.includes(x));
  if (notBadge) bad.push('type (OpenBadgeCredential, AchievementCredential or ClrCredential)');
  if (!isUri(issuerIdOf(c))) missing(c.issuer, 'issuer', 'who issued it, and that the key is the issuer\'s', 'issuer (a URI, or an object with an id)');
  if (c.id !== undefined && !isUri(c.id)) {
    // OB 3.0 wants a URI (common_credentials §AchievementCredential id), but verification.md step 1 holds
    // a credential to its data model only through a JSON schema it declares. Under a VC-JWT the signature
    // covers the id's text whatever it is (CloudTnT Express issues bare hex ids): noted. Under Data
    // Integrity a relative IRI is dropped from the signed RDF (JSON-LD 1.1 API §8.1), and the
    // credential's node with it: nothing at its top would be proven, so it stays malformed.
    if (signedAsText && typeof c.id === 'string') note(checks, 'schema', `its id ${shorten(c.id, 60)} is not a URI (OB 3.0 wants one)`);
    else bad.push('id (a URI)');
  }
  const dateField = startName(c);
  const noStart = typeof c[dateField] !== 'string';
  // OB 3.0 requires the issued credential's start date, but VC DM 2.0 §4.9 makes validFrom optional and
  // a holder may withhold any statement the issuer did not make mandatory (VC DI ECDSA §3.5): absent, and
  // only absent (a value that is not a date is what the issuer signed), it is no fault of the badge.
  const withheldStart = noStart && mayWithhold([]) && (c[dateField] === undefined || c[dateField] === null);
  // validFrom is OB 3.0's demand, not VC DM 2.0's (§4.9: optional): a VC of another kind lacking it is
  // still no badge, not a malformed one (DCC's plain test VCs). VC DM 1.1 §4.6 requires issuanceDate itself.
  if (noStart && !withheldStart && !(notBadge && dateField === 'validFrom')) bad.push(dateField);
  const s = subjectOf(c);
  if (!s) missing(c.credentialSubject, 'credentialSubject', 'whom it was issued to and for what', 'credentialSubject (one object)');
  else {
    const ids = arr(s.identifier);
    if (s.id !== undefined && !isUri(s.id)) bad.push('credentialSubject.id (a URI)');
    if (s.identifier !== undefined && !ids.every(isObj)) bad.push('credentialSubject.identifier (IdentityObjects)');
    // verification.md step 1 asks for a subject id and/or identifier, but credentials in the wild (DCC's
    // fixtures among them) carry neither: without one there is just no recipient to check, so it is noted.
    if (s.id === undefined && ids.length === 0) note(checks, 'schema', 'credentialSubject has neither id nor identifier: the badge does not say whom it was issued to');
    if (clr) structureClrSubject(s, bad, checks);
    else structureAchievement(s, t, bad, checks, notBadge, disclosed ? { withheld, mayWithhold } : undefined);
  }
  if (notBadge && bad.length === 1) {
    // A sound VC of another kind (Europass EDC, a Verified ID card, a "OpenBadgeV2" typed Entra
    // credential): OB 3.0 §B.1 asks for one of these types, so it is no Open Badge, but nothing in it
    // is forged. Its proof is still checked (an altered one is invalid); otherwise never valid, never
    // invalid for what it is not.
    checks.indeterminate('structure', ErrorCodes.NOT_OPEN_BADGE, `This is a Verifiable Credential of type ${t.filter((x) => x !== 'VerifiableCredential').map((x) => shorten(x, 60)).join(', ') || 'VerifiableCredential'}, not an Open Badge (OpenBadgeCredential, AchievementCredential or ClrCredential): Lanyard checks Open Badges only`);
    return false;
  }
  if (bad.length) {
    bad.push(...withheld.map(([field]) => field));
    if (withheldStart) bad.push(dateField);
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `Missing or malformed: ${bad.join(', ')}`);
    return false;
  }
  if (withheld.length) {
    if (withheldStart) withheld.push([dateField, 'whether it has begun']);
    const said = withheld.map(([field, neededFor]) => `${field} (needed to check ${neededFor})`).join(', ');
    checks.indeterminate('structure', ErrorCodes.STRUCTURE_WITHHELD, `The credential is selectively disclosed and its holder withheld ${said}: the disclosed part is what its issuer signed, what was withheld is unknown`);
    return false;
  }
  const version = `VC ${isVc1(c) ? '1.1' : '2.0'}${clr ? ', CLR 2.0' : ''}`;
  if (withheldStart) checks.pass('structure', `The credential has every required field its holder disclosed (${version}); its ${dateField} was not disclosed`);
  else checks.pass('structure', `The credential has every required field (${version})`);
  return true;
}

/** The start date the structure requires: validFrom (VC 2.0), issuanceDate (VC 1.1). */
export const startName = (c: Json): 'validFrom' | 'issuanceDate' => (isVc1(c) ? 'issuanceDate' : 'validFrom');

/** OB 3.0 §AchievementSubject. */
function structureAchievement(s: Json, t: string[], bad: string[], checks: CheckList, notBadge: boolean, sd?: { withheld: [string, string][]; mayWithhold: (where: readonly string[]) => boolean }): void {
  const a = s.achievement;
  const badge = !notBadge && !t.includes('EndorsementCredential');
  // Selectively disclosed (structureOb3 `disclosed`): an achievement, or its name, absent may be withheld
  // (from the subject, from the achievement: where a digest was left undisclosed).
  if (sd?.mayWithhold(['credentialSubject']) && badge && a === undefined) sd.withheld.push(['credentialSubject.achievement', 'what it was awarded for']);
  else if (sd?.mayWithhold(['credentialSubject', 'achievement']) && isObj(a) && (a.name === undefined || a.name === null)) sd.withheld.push(['credentialSubject.achievement.name', 'what it was awarded for']);
  // A name may be a language value object or a list of them (VC DM 2.0 §11.1): a genuine one is not malformed.
  else if (a !== undefined && (!isObj(a) || firstText(a.name) === undefined)) bad.push('credentialSubject.achievement.name');
  // OB 3.0 §AchievementSubject requires an achievement, but verification.md step 1 leaves the rest of
  // the data model to schema validation: a missing one is noted, not fatal (DCPV's ob30/simple.jwt has none).
  // A VC of another kind (a status list, an EDC) has no achievement to miss: it is no badge (structureOb3).
  if (a === undefined && badge) note(checks, 'schema', 'credentialSubject.achievement is missing (OB 3.0 §AchievementSubject requires one)');
  // OB 3.0 §Achievement: its id, a URI, is required [1] (the achievement credential schema too); left to the
  // schema like the rest (DCC's verifier calls a badge without one malformed, and still verifies it).
  else if (badge && isObj(a) && !isUri(a.id) && !(sd?.mayWithhold(['credentialSubject', 'achievement']) && (a.id === undefined || a.id === null))) {
    note(checks, 'schema', a.id === undefined ? 'credentialSubject.achievement has no id (OB 3.0 §Achievement requires a URI)' : 'credentialSubject.achievement.id is not a URI (OB 3.0 §Achievement requires one)');
  }
}

/**
 * CLR 2.0 §ClrSubject: `verifiableCredential` is required (1..*), `achievement` an optional list of
 * Achievements. The CLR's own proof covers the credentials inside it, so an altered one fails the
 * signature; their own proofs are not checked one by one, which the `schema` note says.
 */
function structureClrSubject(s: Json, bad: string[], checks: CheckList): void {
  const held = Array.isArray(s.verifiableCredential) ? s.verifiableCredential : [];
  if (held.length === 0 || !held.every((v) => isObj(v) || typeof v === 'string')) bad.push('credentialSubject.verifiableCredential (CLR 2.0 §ClrSubject: one or more credentials)');
  if (s.achievement !== undefined && !arr(s.achievement).every((a) => isObj(a) && firstText(a.name) !== undefined)) bad.push('credentialSubject.achievement (CLR 2.0: Achievements with a name)');
  else note(checks, 'schema', `a CLR 2.0 ClrCredential holding ${held.length} credential${held.length === 1 ? '' : 's'}: its own proof is checked, not the proof of each credential inside it`);
}

/** The names of the credential's start and end dates: VC 2.0 names first, VC 1.1 names as the fallback (or the other way round for VC 1.1). */
const dateNames = (c: Json) => (isVc1(c) ? (['issuanceDate', 'validFrom', 'expirationDate', 'validUntil'] as const) : (['validFrom', 'issuanceDate', 'validUntil', 'expirationDate'] as const));

/** The credential's dates under the first name present (a JWT's nbf and exp must equal these, ob3-jwt.ts); validity reads windowOf. */
export function datesOf(c: Json): { from?: [string, unknown]; until?: [string, unknown] } {
  const [f1, f2, u1, u2] = dateNames(c);
  return { from: pick(c, f1, f2), until: pick(c, u1, u2) };
}

/** The first of two date members present, with its name; a null one is absent (JSON-LD 1.1 §4.1: not even signed data). */
function pick(c: Json, a: string, b: string): [string, unknown] | undefined {
  return c[a] !== undefined && c[a] !== null ? [a, c[a]] : c[b] !== undefined && c[b] !== null ? [b, c[b]] : undefined;
}

/**
 * The window the credential is valid in: when it gives a date under both names (validFrom and
 * issuanceDate, validUntil and expirationDate; a JWT's nbf and exp besides, `claims`), the issuer
 * signed each, and the credential is valid only while every one says so (VC DM 2.0 §4.9, OB 3.0
 * verification.md step 4: never valid when either says expired or not yet valid). Reading the first
 * name alone let a signed expirationDate already past hide behind a validUntil years ahead.
 */
export function windowOf(c: Json, claims: { nbf?: string; exp?: string } = {}): { from?: NamedDate; until?: NamedDate } {
  const [f1, f2, u1, u2] = dateNames(c);
  const named = (name: string, v: unknown): NamedDate | undefined => (v === undefined || v === null ? undefined : [name, v]);
  return {
    from: strictestDate([named(f1, c[f1]), named(f2, c[f2]), named('nbf', claims.nbf)], true),
    until: strictestDate([named(u1, c[u1]), named(u2, c[u2]), named('exp', claims.exp)], false),
  };
}

/** OB 3.0 verification.md step 4: not yet valid before validFrom, expired after validUntil (VC 1.1: issuanceDate/expirationDate). */
export function validityOb3(c: Json, checks: CheckList, now: Date): void {
  const { from, until } = windowOf(c);
  checkValidity(checks, { from: from?.[1], fromName: from?.[0], until: until?.[1], untilName: until?.[0] }, now);
}

/** OB 3.0 verification.md step 4 (status). Status lists come with the status-list issue. */
/** verification.md step 4: 1EdTechRevocationList, BitstringStatusList, StatusList2021 (src/core/status). */
export async function statusOb3(c: Json, ctx: VerifyContext, checks: CheckList): Promise<void> {
  const r = await checkCredentialStatus(c, ctx);
  checks.set('revocation', r.outcome, r.message, r.code);
}

/** Steps 1, 3 and 6 beyond the core checks: schema, refresh (never called), endorsements. They never change the verdict. */
export async function extraChecks(c: Json, ctx: VerifyContext, checks: CheckList): Promise<void> {
  const notes = [['schema', checkSchema(c)], ['refresh', checkRefresh(c)], ['endorsement', await checkEndorsements(c, ctx)]] as const;
  for (const [id, r] of notes) {
    if (!r) continue;
    if (checks.outcome(id) === 'warning') note(checks, id, r.message);
    else if (r.outcome === 'warning' || !checks.has(id)) checks.set(id, r.outcome, r.message);
  }
}
