/**
 * The one rule for warning before a badge is shared (the popup's share screen, the pickers on
 * LinkedIn and in web mail): sharing a badge that failed verification (forged, revoked, expired)
 * or that could not be fully checked hands the viewer a badge they will not be able to trust
 * (DESIGN.md: a verdict is a promise). The first failing, else undetermined, check says why, in
 * the engine's words. Each surface puts it in its own words (shareWarnInvalid, …).
 */
export type ShareWarningLevel = 'invalid' | 'indeterminate' | 'unverified';

export interface ShareWarning {
  level: ShareWarningLevel;
  /** The first failing (invalid) or undetermined (indeterminate) check's message, when there is one. */
  reason?: string;
}

interface Verified {
  verdict: 'valid' | ShareWarningLevel;
  checks?: readonly { outcome: string; message: string }[];
}

export function shareWarningOf(b: Verified): ShareWarning | undefined {
  if (b.verdict === 'valid') return undefined;
  if (b.verdict === 'unverified') return { level: 'unverified' };
  const reason = b.checks?.find((c) => c.outcome === (b.verdict === 'invalid' ? 'fail' : 'indeterminate'))?.message;
  return reason ? { level: b.verdict, reason } : { level: b.verdict };
}
