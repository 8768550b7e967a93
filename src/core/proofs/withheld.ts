/**
 * What a selectively disclosed credential may have withheld. An ecdsa-sd-2023 derived proof (VC DI
 * ECDSA §3.5) signs only the statements the holder disclosed, and the issuer's mandatory pointers
 * need not include credentialStatus or validUntil (the W3C test vectors make only /issuer
 * mandatory): a credential disclosed without them may have been revoked or have expired, and the
 * holder withheld the statements that say so. Absent, they settle nothing: `revocation` and
 * `validity` are indeterminate where they would have passed for want of a status or an expiry.
 * So is the subject's id and its identifier entries: a badge disclosed without an identity the user's
 * addresses can be compared with may be someone else's, whose identity its holder withheld, and
 * `recipient` is indeterminate where it would have been skipped.
 * The start date too: OB 3.0 requires validFrom of the issued credential, but VC DM 2.0 §4.9 makes it
 * optional and the issuer's mandatory pointers need not cover it. Disclosed without it, a genuine badge
 * is not malformed (formats/ob3-badge.ts `structureOb3`), and not valid either: it may not have begun.
 */
import { ErrorCodes } from '../errors.ts';
import { arr, type Json } from '../formats/json-util.ts';
import { startName, structureOb3 } from '../formats/ob3-badge.ts';
import type { RecipientIdentity } from '../model.ts';
import { CheckList } from '../verify/checks.ts';
import type { UserIdentity } from '../verify/context.ts';
import { checkRecipient } from '../verify/recipient.ts';
import type { DataIntegrityReport, MandatoryShown } from './types.ts';

const SD_SUITE = 'ecdsa-sd-2023';

/** Whether the proof that decided the signature is a selective-disclosure proof. */
const disclosed = (report: DataIntegrityReport): boolean => report.best?.cryptosuite === SD_SUITE && report.best.signature.outcome === 'pass';
/** …that verified or could not be checked to the end (its key not read): what it covers may be genuine and withheld. */
const mayBeGenuine = (report: DataIntegrityReport): boolean => report.best?.cryptosuite === SD_SUITE && report.best.signature.outcome !== 'fail';

/** Whether the credential carries a selective-disclosure proof, before any proof is checked (the structure check's `disclosed`). */
export const mayBeDisclosed = (proofs: readonly unknown[]): boolean => proofs.some((p) => typeof p === 'object' && p !== null && (p as Json).cryptosuite === SD_SUITE);

const absent = (v: unknown): boolean => arr(v).length === 0;

/**
 * A field the structure check took as withheld (a start date let pass, or the types, issuer, subject or
 * achievement left `indeterminate`: formats/ob3-badge.ts `structureOb3`) is withheld only under the
 * derived proof that decides the signature: one that verified, or one whose check could not be
 * finished (its key not read: a genuine badge is then unsettled, never malformed). Otherwise (another
 * proof decides, or the derived one fails) the credential is judged whole, as its issuer signed it:
 * missing them, it is malformed.
 */
export function confirmWithheld(report: DataIntegrityReport, c: Json, checks: CheckList): void {
  if (mayBeGenuine(report)) return;
  const s = checks.get('structure');
  const startLetPass = s?.outcome === 'pass' && absent(c[startName(c)]);
  if (startLetPass || s?.code === ErrorCodes.STRUCTURE_WITHHELD) judgeWhole(c, checks);
}

/** The structure check of `c` as its issuer signed it, nothing withheld (formats/ob3-badge.ts `structureOb3`), in place of the one made. */
export function judgeWhole(c: Json, checks: CheckList, options: { signedAsText?: boolean } = {}): void {
  const whole = new CheckList();
  structureOb3(c, whole, options);
  const judged = whole.get('structure');
  if (judged) checks.set('structure', judged.outcome, judged.message, judged.code);
}

/** What the issuer of the deciding derived proof made mandatory (proofs/mandatory.ts); unknown: nothing. */
const mandatoryOf = (report: DataIntegrityReport): MandatoryShown => (report.best?.signature.outcome === 'pass' && report.best.signature.mandatory) || { status: false, recipient: false };

export function unsettleWithheld(report: DataIntegrityReport, c: Json, checks: CheckList): void {
  if (!mayBeGenuine(report)) return;
  unsettleDisclosed(c, checks, SD_SUITE);
  // VC DI ECDSA §3.5 mandatoryIndexes: status entries shown that the issuer did not make mandatory were
  // the holder's choice, who may have withheld another (the one that revokes it) beside them. A shown
  // entry that revokes still revokes (the check failed: left as it is).
  if (!absent(c.credentialStatus) && !mandatoryOf(report).status && checks.outcome('revocation') === 'pass') {
    checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, `The credential is selectively disclosed (${SD_SUITE}) and its issuer let the holder choose which status entries to show: its holder may have withheld the entry that says it is revoked or suspended, so whether it is is unknown`);
  }
}

/**
 * The rule above for any selectively disclosed credential whose signature did not fail (`by` names how
 * it was disclosed: ecdsa-sd-2023, SD-JWT): a status, a start or an expiry it does not show may have
 * been withheld. `known` names dates read elsewhere (a JWT's nbf, exp), which nothing withheld.
 */
export function unsettleDisclosed(c: Json, checks: CheckList, by: string, known: { start?: boolean; end?: boolean } = {}): void {
  if (absent(c.credentialStatus) && checks.outcome('revocation') === 'pass') {
    checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, `The credential is selectively disclosed (${by}) without a status: its holder may have withheld one, so whether it was revoked is unknown`);
  }
  if (checks.outcome('validity') !== 'pass' && checks.outcome('validity') !== 'warning') return;
  const noStart = !known.start && absent(c[startName(c)]);
  const noEnd = !known.end && absent(c.validUntil) && absent(c.expirationDate);
  if (!noStart && !noEnd) return;
  const what = noStart && noEnd ? `a start date (${startName(c)}) or an expiry date: its holder may have withheld them, so whether it has begun or expired` : noStart ? `a start date (${startName(c)}): its holder may have withheld it, so whether it has begun` : 'an expiry date: its holder may have withheld one, so whether it has expired';
  checks.indeterminate('validity', ErrorCodes.UNSUPPORTED, `The credential is selectively disclosed (${by}) without ${what} is unknown`);
}

/**
 * The recipient check of a disclosed credential, made here when it would be skipped for want of an
 * identity comparable with the user's (verify/recipient.ts); otherwise left to the pipeline, which
 * makes it the same way (a match or a mismatch is what the holder disclosed).
 */
export async function unsettleWithheldRecipient(report: DataIntegrityReport, recipients: readonly RecipientIdentity[], identities: readonly UserIdentity[], checks: CheckList): Promise<void> {
  // A mismatch with identities the issuer did not make mandatory (§3.5 mandatoryIndexes) may hide the user's, withheld beside them.
  if (disclosed(report)) await unsettleDisclosedRecipient(recipients, identities, checks, SD_SUITE, !mandatoryOf(report).recipient);
}

/**
 * unsettleWithheldRecipient for any selectively disclosed credential whose signature verified (`by` as
 * unsettleDisclosed's). `subjectWithheld`: something of the subject is known to be withheld (an SD-JWT
 * digest under credentialSubject) or may be (ecdsa-sd-2023 identities not mandatory): then a mismatch
 * is unknown too, the withheld identity maybe the user's.
 */
export async function unsettleDisclosedRecipient(recipients: readonly RecipientIdentity[], identities: readonly UserIdentity[], checks: CheckList, by: string, subjectWithheld = false): Promise<void> {
  if (identities.length === 0 || checks.has('recipient')) return;
  const probe = new CheckList();
  await checkRecipient(probe, recipients, identities, undefined);
  if (probe.outcome('recipient') === 'fail' && subjectWithheld) {
    checks.indeterminate('recipient', ErrorCodes.RECIPIENT_WITHHELD, `The credential is selectively disclosed (${by}) with ${by === SD_SUITE ? 'its recipient shown at the holder\'s choice' : 'part of its subject withheld'}, and none of your addresses matches what is shown: its holder may have withheld the identity that is yours, so whether it was issued to you is unknown`);
    return;
  }
  if (probe.outcome('recipient') !== 'skipped') return;
  checks.indeterminate('recipient', ErrorCodes.RECIPIENT_WITHHELD, `The credential is selectively disclosed (${by}) and names no identity comparable with yours: its holder may have withheld the recipient, so whether it was issued to you is unknown (${probe.get('recipient')?.message ?? ''})`);
}
