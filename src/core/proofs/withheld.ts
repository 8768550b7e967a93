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
 */
import { ErrorCodes } from '../errors.ts';
import { arr, type Json } from '../formats/json-util.ts';
import type { RecipientIdentity } from '../model.ts';
import { CheckList } from '../verify/checks.ts';
import type { UserIdentity } from '../verify/context.ts';
import { checkRecipient } from '../verify/recipient.ts';
import type { DataIntegrityReport } from './types.ts';

/** Whether the proof that decided the signature is a selective-disclosure proof. */
const disclosed = (report: DataIntegrityReport): boolean => report.best?.cryptosuite === 'ecdsa-sd-2023' && report.best.signature.outcome === 'pass';

export function unsettleWithheld(report: DataIntegrityReport, c: Json, checks: CheckList): void {
  if (!disclosed(report)) return;
  const absent = (v: unknown): boolean => arr(v).length === 0;
  if (absent(c.credentialStatus) && checks.outcome('revocation') === 'pass') {
    checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'The credential is selectively disclosed (ecdsa-sd-2023) without a status: its holder may have withheld one, so whether it was revoked is unknown');
  }
  if (absent(c.validUntil) && absent(c.expirationDate) && checks.outcome('validity') === 'pass') {
    checks.indeterminate('validity', ErrorCodes.UNSUPPORTED, 'The credential is selectively disclosed (ecdsa-sd-2023) without an expiry date: its holder may have withheld one, so whether it has expired is unknown');
  }
}

/**
 * The recipient check of a disclosed credential, made here when it would be skipped for want of an
 * identity comparable with the user's (verify/recipient.ts); otherwise left to the pipeline, which
 * makes it the same way (a match or a mismatch is what the holder disclosed).
 */
export async function unsettleWithheldRecipient(report: DataIntegrityReport, recipients: readonly RecipientIdentity[], identities: readonly UserIdentity[], checks: CheckList): Promise<void> {
  if (!disclosed(report) || identities.length === 0 || checks.has('recipient')) return;
  const probe = new CheckList();
  await checkRecipient(probe, recipients, identities);
  if (probe.outcome('recipient') !== 'skipped') return;
  checks.indeterminate('recipient', ErrorCodes.RECIPIENT_WITHHELD, `The credential is selectively disclosed (ecdsa-sd-2023) and names no identity comparable with yours: its holder may have withheld the recipient, so whether it was issued to you is unknown (${probe.get('recipient')?.message ?? ''})`);
}
