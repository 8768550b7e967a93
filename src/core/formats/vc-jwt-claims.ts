/**
 * A VC-JWT's registered claims and the credential they stand for (VC DM 1.1 §6.3.1; OB 3.0
 * integrity.md §Verify): the `vc` claim unwrapped, and each claim present compared with the member it
 * names. Moved as written from ob3-jwt.ts, which verifies the JWT.
 */
import { shorten } from '../display.ts';
import { parseInstant } from '../verify/validity.ts';
import { isObj, type Json } from './json-util.ts';
import { datesOf, issuerIdOf, subjectOf } from './ob3-badge.ts';

/** RFC 7519 §2 NumericDate: any JSON number of seconds (fractions allowed), however far from 1970. */
export const numericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const two = (n: bigint): string => String(n).padStart(2, '0');

/**
 * A NumericDate as an XML Schema 1.1 dateTime (§3.3.7), as validity.ts reads it. Years 0 to 9999 as
 * toISOString writes them; any other with its own digits (more than four, or negative), never
 * toISOString's "+010000-…" nor a RangeError past ±8.64e15 ms: an `exp` of 253402300800 (year 10000)
 * or Number.MAX_SAFE_INTEGER ("never") read "not a date", and a genuine VC-JWT invalid (hostile round
 * 34, test/core/formats/vc-jwt-far-dates.test.ts). The civil date is H. Hinnant's civil_from_days, in
 * BigInt: exact for any finite number of seconds.
 */
export function toIso(seconds: number): string {
  if (Math.abs(seconds) < 8.64e12) {
    const d = new Date(seconds * 1000);
    const year = d.getUTCFullYear();
    if (year >= 0 && year <= 9999) return d.toISOString();
  }
  const s = BigInt(Math.floor(seconds));
  const days = s >= 0n ? s / 86400n : -((-s + 86399n) / 86400n);
  const sod = s - days * 86400n;
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  const y = yoe + era * 400n + (month <= 2n ? 1n : 0n);
  const year = y < 0n ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${year}-${two(month)}-${two(day)}T${two(sod / 3600n)}:${two((sod % 3600n) / 60n)}:${two(sod % 60n)}Z`;
}

/**
 * VC DM 1.1 §6.3.1 JWT decoding: the `vc` claim holds the credential, and `jti`, `iss`, `sub`, `nbf`,
 * `exp` stand for id, issuer, credentialSubject.id, issuanceDate, expirationDate when those are left out.
 */
export function unwrapVc(payload: Json): Json {
  if (!isObj(payload.vc) || payload['@context'] !== undefined) return payload;
  const c: Json = { ...payload.vc };
  if (c.id === undefined && typeof payload.jti === 'string') c.id = payload.jti;
  if (c.issuer === undefined && typeof payload.iss === 'string') c.issuer = payload.iss;
  if (c.issuanceDate === undefined && numericDate(payload.nbf)) c.issuanceDate = toIso(payload.nbf);
  if (c.expirationDate === undefined && numericDate(payload.exp)) c.expirationDate = toIso(payload.exp);
  const s = c.credentialSubject;
  if (isObj(s) && s.id === undefined && typeof payload.sub === 'string') c.credentialSubject = { ...s, id: payload.sub };
  return c;
}

/** A registered claim, when present, must equal the credential's member; a mismatch is noted in `bad`. */
function sameClaim(p: Json, bad: string[], claim: string, value: unknown, name: string): void {
  if (p[claim] !== undefined && p[claim] !== value) bad.push(`${claim} (${shorten(p[claim], 60)}) is not the ${name} (${shorten(value, 60)})`);
}

/** integrity.md §Verify: each registered claim, when present, must say what the credential says. */
export function claimMismatches(p: Json, c: Json, topWithheld: boolean): string[] {
  const bad: string[] = [];
  // An issuer withheld (an SD-JWT's, RFC 9901 §4.2) has no id for iss to disagree with; one that is there must be iss.
  if (c.issuer !== undefined && c.issuer !== null) sameClaim(p, bad, 'iss', issuerIdOf(c), 'issuer id');
  // Nor has an id withheld (an undisclosed digest at the credential's top, RFC 9901 §4.2.4.1) for jti; a dated
  // member withheld is skipped below (datesOf finds none). Disclosed, each is compared as in the clear.
  if (!(topWithheld && (c.id === undefined || c.id === null))) sameClaim(p, bad, 'jti', c.id, 'credential id');
  // A subject the credential names only by its identifier list (OB 3.0 AchievementSubject: id 0..1)
  // has no id for sub to disagree with: VC DM 1.1 §6.3.1 reads sub as that id; noted, not failed.
  if (subjectOf(c)?.id !== undefined) sameClaim(p, bad, 'sub', subjectOf(c)?.id, 'credentialSubject.id');
  const { from, until } = datesOf(c);
  for (const [claim, date] of [['nbf', from], ['exp', until]] as const) {
    const v = p[claim];
    if (v === undefined) continue;
    if (!numericDate(v)) bad.push(`${claim} is not a NumericDate`);
    else if (date) {
      const t = parseInstant(date[1]);
      // NumericDate is seconds (RFC 7519 §2, fractions allowed): equal when both fall within the same second.
      if (!Number.isNaN(t) && Math.floor(t / 1000) !== Math.floor(v)) bad.push(`${claim} (${toIso(v)}) is not the ${date[0]} (${shorten(date[1], 40)})`);
    }
  }
  return bad;
}

/**
 * The JWT `status` claim (IANA JWT Claims; IETF Token Status List, draft-ietf-oauth-status-list §6.1:
 * `{"status_list": {"idx", "uri"}}`): where the issuer publishes whether the token is revoked or
 * suspended. Lanyard reads no Token Status List, so such a credential's status is unknown, never
 * "names no status" (a revoked one read valid). Why, or undefined when the claim is no such reference.
 */
export function unreadTokenStatus(payload: Json): string | undefined {
  const s = payload.status;
  if (!isObj(s) || Object.keys(s).length === 0) return undefined;
  return `The JWT's status claim names where its issuer publishes its status (${shorten(Object.keys(s).join(', '), 60)}: a Token Status List, draft-ietf-oauth-status-list §6.1), which Lanyard does not read: whether it is revoked or suspended is unknown`;
}
