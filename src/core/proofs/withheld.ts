/**
 * What a selectively disclosed credential may have withheld. An ecdsa-sd-2023 derived proof (VC DI
 * ECDSA §3.5) signs only the statements the holder disclosed, and the issuer's mandatory pointers
 * need not include credentialStatus or validUntil (the W3C test vectors make only /issuer
 * mandatory): a credential disclosed without them may have been revoked or have expired, and the
 * holder withheld the statements that say so. Absent, they settle nothing: `revocation` and
 * `validity` are indeterminate where they would have passed for want of a status or an expiry.
 */
import { ErrorCodes } from '../errors.ts';
import { arr, type Json } from '../formats/json-util.ts';
import type { CheckList } from '../verify/checks.ts';
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
