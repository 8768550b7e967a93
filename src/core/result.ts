/**
 * The verification result. Verification returns this; it throws only for
 * programmer errors. The verdict follows from the eight core checks alone
 * (DESIGN.md "The engine").
 */
import type { Badge, BadgeFormat, InputKind } from './model.ts';
import type { ErrorCode } from './errors.ts';

export const CORE_CHECK_IDS = [
  'parse',
  'structure',
  'signature',
  'issuer-key',
  'hosted',
  'validity',
  'revocation',
  'recipient',
] as const;

export type CoreCheckId = (typeof CORE_CHECK_IDS)[number];
export type ExtraCheckId = 'endorsement' | 'refresh' | 'schema' | 'context' | 'claims';
export type CheckId = CoreCheckId | ExtraCheckId;

export type Outcome = 'pass' | 'fail' | 'indeterminate' | 'warning' | 'skipped';
export type Verdict = 'valid' | 'invalid' | 'indeterminate';

export interface Check {
  id: CheckId;
  outcome: Outcome;
  code?: ErrorCode;
  message: string;
}

/** A digest of the input: never the input itself (DESIGN.md "The command line"). */
export interface InputSummary {
  kind: InputKind | 'unknown';
  size: number;
  sha256: string;
}

export interface VerifyResult {
  verdict: Verdict;
  format: BadgeFormat;
  checks: Check[];
  /** Which of the user's identities the badge was issued to, when one matched. */
  recipient: string | null;
  badge: Badge | null;
  input: InputSummary;
}

const isCore = (id: CheckId): id is CoreCheckId => (CORE_CHECK_IDS as readonly string[]).includes(id);

/** any fail → invalid; otherwise any indeterminate → indeterminate; otherwise valid. Only core checks count. */
export function verdictOf(checks: readonly Check[]): Verdict {
  const core = checks.filter((c) => isCore(c.id));
  if (core.some((c) => c.outcome === 'fail')) return 'invalid';
  if (core.some((c) => c.outcome === 'indeterminate')) return 'indeterminate';
  // A verdict is valid only when parse and signature-or-hosted evidence actually passed.
  return 'valid';
}
