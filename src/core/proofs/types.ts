/** What the Data Integrity verifier reports, per proof and overall; the lead maps it onto checks (verify.ts `applyDataIntegrity`). */
import type { ErrorCode } from '../errors.ts';
import type { BindingStatus } from '../keys/binding.ts';
import type { UnsignedRecipient } from './signed-display.ts';

/**
 * ecdsa-sd-2023 (VC DI ECDSA §3.5.? mandatoryIndexes): whether the status entries, and the statements
 * naming the recipient, that the holder disclosed are all among the issuer's mandatory ones (proofs/mandatory.ts).
 */
export interface MandatoryShown {
  status: boolean;
  recipient: boolean;
}

export type SignatureOutcome =
  /** `mandatory`: of a verified ecdsa-sd-2023 derived proof; absent, nothing shown is known to be mandatory. */
  | { outcome: 'pass'; message: string; code?: undefined; mandatory?: MandatoryShown }
  | { outcome: 'fail'; code: ErrorCode; message: string }
  /**
   * `unsignedRecipient`: the proof verifies, but what Lanyard reads is not what it signs
   * (signed-reading.ts), and these of the recipient it reads are not signed (signed-display.ts
   * unsignedIdentifiers): the recipient is then read without them (formats/ob3-data-integrity.ts).
   */
  | { outcome: 'indeterminate'; code: ErrorCode; message: string; unsignedRecipient?: UnsignedRecipient };

export interface IssuerKeyOutcome {
  /** bound → pass; not-listed → fail (KEY_NOT_OWNED); unresolvable → indeterminate (ISSUER_UNRESOLVED). */
  status: BindingStatus;
  message: string;
}

export interface ProofReport {
  index: number;
  type?: string;
  cryptosuite?: string;
  verificationMethod?: string;
  signature: SignatureOutcome;
  /** Decided only when the signature passed. */
  issuerKey?: IssuerKeyOutcome;
}

export interface DataIntegrityReport {
  /** Every proof, in document order. */
  proofs: ProofReport[];
  /**
   * The proof that decides who issued the credential (the best one), or undefined when there is no
   * proof. Its outcome is the set's when another proof leaves the set unverified (proof-set.ts, VC DI
   * 1.0 §4.5): then `combined`, its message naming the proofs.
   */
  best: ProofReport | undefined;
  combined?: boolean;
  /** Proofs not checked beside the best one that verifies (a suite Lanyard does not implement…), said with its outcome. */
  unchecked?: string;
}
