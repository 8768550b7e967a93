import type { CredentialText } from '../input/types.ts';
import type { Badge, BadgeFormat } from '../model.ts';
import type { CheckList } from './checks.ts';
import type { VerifyContext } from './context.ts';

/**
 * One verifier per format. It decides the checks it can (structure, signature, issuer-key, hosted,
 * validity, revocation) and returns the normalized badge, or null when the credential is unreadable.
 * The pipeline decides `recipient` from the badge's identities unless the verifier already did.
 */
export type FormatVerifier = (
  credential: CredentialText,
  ctx: VerifyContext,
  checks: CheckList,
  format: BadgeFormat,
) => Promise<Badge | null>;
