/**
 * Embedded endorsements (OB 3.0 verification.md step 6: "verify embedded EndorsementCredentials"
 * with the same steps). They are found on the credential, its issuer profile, the achievement and
 * the achievement's creator; each must be about this badge (misplaced) and is verified like a
 * credential here (Data Integrity proof, the issuer's key, its dates, its status). They never
 * change the verdict: the `endorsement` check is a report.
 *
 * Entry point: `checkEndorsements(credential, ctx)` → NoteOutcome, or null when there is none;
 * the lead sets `checks.set('endorsement', r.outcome, r.message)`.
 */
import { arr, idOf, isObj, str, types, type Json } from '../formats/json-util.ts';
import { checkCredentialStatus } from '../status/check.ts';
import type { NoteOutcome } from '../status/types.ts';
import type { VerifyContext } from '../verify/context.ts';
import { CheckList } from '../verify/checks.ts';
import { checkValidity, strictestDate, type NamedDate } from '../verify/validity.ts';
import { verifyDataIntegrity } from './verify.ts';
import { shorten } from '../display.ts';

/** The nodes of a badge that carry endorsements: the credential, its issuer, the achievement and the achievement's creator. */
function holdersOf(c: Json): Json[] {
  const subject = arr(c.credentialSubject).find(isObj);
  const achievement = subject && isObj(subject.achievement) ? subject.achievement : undefined;
  return [c, isObj(c.issuer) ? c.issuer : undefined, achievement, achievement && isObj(achievement.creator) ? achievement.creator : undefined].filter((h): h is Json => h !== undefined);
}

/** The most embedded endorsements checked (each may mean keys and status lists fetched). */
const MAX_ENDORSEMENTS = 32;
const embedded = (holders: Json[]): Json[] => holders.flatMap((h) => arr(h.endorsement).filter(isObj));

/**
 * OB 3.0 §EndorsementCredential and §EndorsementSubject: an endorsement is an EndorsementCredential
 * whose subject's `id` is "the individual, entity, organization, assertion, or achievement that is
 * endorsed": here, this badge's credential, issuer, achievement or the achievement's creator (1EdTech's
 * own complete.json places an endorsement of the issuer on the credential and on the achievement, so
 * any of them, wherever it sits). One signed for something else (a genuine endorsement of another
 * achievement or issuer, or a badge of another kind, copied in by whoever issued this one) vouches
 * for nothing here.
 */
function misplaced(e: Json, endorsable: Set<string>): string | null {
  if (!types(e.type).includes('EndorsementCredential')) return 'it is not an EndorsementCredential';
  const subjects = arr(e.credentialSubject);
  const about = subjects.length === 1 && isObj(subjects[0]) ? str(subjects[0].id) : undefined;
  if (about === undefined) return 'its subject names nothing it endorses';
  return endorsable.has(about) ? null : `it endorses ${shorten(about, 80)}, another than this badge, its issuer or its achievement`;
}

/** Why one endorsement does not hold, or null when it does. */
async function problem(e: Json, endorsable: Set<string>, ctx: VerifyContext): Promise<string | null> {
  const wrong = misplaced(e, endorsable);
  if (wrong) return wrong;
  const di = await verifyDataIntegrity(e, ctx);
  const best = di.best;
  if (!best) return 'it carries no proof';
  if (best.signature.outcome !== 'pass') return best.signature.message;
  if (best.issuerKey?.status !== 'bound') return best.issuerKey?.message ?? 'its key is not its issuer\'s';
  // Its dates are read as a credential's (validity.ts: XSD dateTime with a zone, every name of a date), not by
  // Date.parse, which read a date that is no date as none and an impossible day as the next month's.
  const dated = (name: string): NamedDate | undefined => (e[name] === undefined || e[name] === null ? undefined : [name, e[name]]);
  const checks = new CheckList();
  const from = strictestDate([dated('validFrom'), dated('issuanceDate')], true);
  const until = strictestDate([dated('validUntil'), dated('expirationDate')], false);
  checkValidity(checks, { from: from?.[1], fromName: from?.[0], until: until?.[1], untilName: until?.[0] }, ctx.now);
  const validity = checks.get('validity');
  if (validity?.outcome !== 'pass' && validity?.outcome !== 'warning') return `its dates do not hold: ${validity?.message ?? 'unread'}`;
  // Step 4 for the endorsement itself: one its endorser revoked, or whose status cannot be read, vouches for nothing now.
  if (e.credentialStatus === undefined || e.credentialStatus === null) return null;
  const status = await checkCredentialStatus(e, ctx);
  if (status.outcome === 'pass') return null;
  return status.outcome === 'fail' ? `its endorser revoked it: ${status.message}` : `its status could not be checked: ${status.message}`;
}

export async function checkEndorsements(credential: Json, ctx: VerifyContext): Promise<NoteOutcome | null> {
  const holders = holdersOf(credential);
  const all = embedded(holders);
  const list = all.slice(0, MAX_ENDORSEMENTS);
  const endorsable = new Set(holders.map(idOf).filter((id): id is string => id !== undefined));
  const jwts = arr(credential.endorsementJwt).length;
  if (list.length === 0 && jwts === 0) return null;
  const problems: string[] = [];
  for (const e of list) {
    const p = await problem(e, endorsable, ctx);
    if (p) problems.push(`${shorten(idOf(e) ?? 'an endorsement')}: ${shorten(p, 200)}`);
  }
  // Those past the first MAX_ENDORSEMENTS were not checked: "32 endorsements verified" with a pass read as all of them.
  const beyond = all.length - list.length;
  const jwtNote = `${beyond ? `; ${beyond} more not checked (Lanyard checks the first ${MAX_ENDORSEMENTS})` : ''}${jwts ? `; ${jwts} endorsementJwt not checked` : ''}`;
  if (problems.length === 0) return { outcome: jwts || beyond ? 'warning' : 'pass', message: `${list.length} endorsement${list.length === 1 ? '' : 's'} verified${jwtNote}` };
  return { outcome: 'warning', message: `${problems.length} of ${list.length} endorsements do not verify (${problems.join('; ')})${jwtNote}` };
}
