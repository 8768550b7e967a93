/**
 * Embedded endorsements (OB 3.0 verification.md step 6: "verify embedded EndorsementCredentials"
 * with the same steps). They are found on the credential, its issuer profile, the achievement and
 * the achievement's creator; each is verified like a credential here (Data Integrity proof, the
 * issuer's key, its dates). They never change the verdict: the `endorsement` check is a report.
 *
 * Entry point: `checkEndorsements(credential, ctx)` → NoteOutcome, or null when there is none;
 * the lead sets `checks.set('endorsement', r.outcome, r.message)`.
 */
import { arr, idOf, isObj, type Json } from '../formats/json-util.ts';
import type { NoteOutcome } from '../status/types.ts';
import type { VerifyContext } from '../verify/context.ts';
import { verifyDataIntegrity } from './verify.ts';
import { shorten } from '../display.ts';

function embedded(c: Json): Json[] {
  const subject = arr(c.credentialSubject).find(isObj);
  const achievement = subject && isObj(subject.achievement) ? subject.achievement : undefined;
  const holders = [c, isObj(c.issuer) ? c.issuer : undefined, achievement, achievement && isObj(achievement.creator) ? achievement.creator : undefined];
  return holders.flatMap((h) => (h ? arr(h.endorsement).filter(isObj) : [])).slice(0, 32);
}

/** Why one endorsement does not hold, or null when it does. */
async function problem(e: Json, ctx: VerifyContext): Promise<string | null> {
  const di = await verifyDataIntegrity(e, ctx);
  const best = di.best;
  if (!best) return 'it carries no proof';
  if (best.signature.outcome !== 'pass') return best.signature.message;
  if (best.issuerKey?.status !== 'bound') return best.issuerKey?.message ?? 'its key is not its issuer\'s';
  const now = ctx.now.getTime();
  const from = Date.parse(String(e.validFrom ?? e.issuanceDate ?? ''));
  const until = Date.parse(String(e.validUntil ?? e.expirationDate ?? ''));
  if (!Number.isNaN(from) && from > now) return 'it is not valid yet';
  if (!Number.isNaN(until) && until < now) return 'it has expired';
  return null;
}

export async function checkEndorsements(credential: Json, ctx: VerifyContext): Promise<NoteOutcome | null> {
  const list = embedded(credential);
  const jwts = arr(credential.endorsementJwt).length;
  if (list.length === 0 && jwts === 0) return null;
  const problems: string[] = [];
  for (const e of list) {
    const p = await problem(e, ctx);
    if (p) problems.push(`${shorten(idOf(e) ?? 'an endorsement')}: ${shorten(p, 200)}`);
  }
  const jwtNote = jwts ? `; ${jwts} endorsementJwt not checked` : '';
  if (problems.length === 0) return { outcome: jwts ? 'warning' : 'pass', message: `${list.length} endorsement${list.length === 1 ? '' : 's'} verified${jwtNote}` };
  return { outcome: 'warning', message: `${problems.length} of ${list.length} endorsements do not verify (${problems.join('; ')})${jwtNote}` };
}
