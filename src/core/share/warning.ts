/**
 * The one rule for warning before a badge is shared (the popup's share screen, the pickers on
 * LinkedIn and in web mail): sharing a badge that failed verification (forged, revoked, expired)
 * or that could not be fully checked hands the viewer a badge they will not be able to trust
 * (DESIGN.md: a verdict is a promise). The first failing, else undetermined, check says why: by
 * its id, outcome and code, put in the user's words by the badge page's sentence for it
 * (check-words.ts), never in the engine's English message. Each surface says the warning with the
 * same message keys (shareWarningWords), through its own translator.
 */
import type { CheckId, Outcome } from '../result.ts';
import { briefCheckSentence, type BriefCheckSentenceKey } from './check-words.ts';
import { expiryMs } from './dates.ts';

export type ShareWarningLevel = 'invalid' | 'indeterminate' | 'unverified';

/** The check that decides the warning, as check-words.ts reads it. */
export interface WarningCheck {
  id: CheckId;
  outcome: Outcome;
  code?: string;
}

export interface ShareWarning {
  level: ShareWarningLevel;
  /** The first failing (invalid) or undetermined (indeterminate) check, when there is one. */
  check?: WarningCheck;
}

interface Verified {
  verdict: 'valid' | ShareWarningLevel;
  checks?: readonly WarningCheck[];
  /** The badge's expiry (OB 2.0 `expires`, OB 3.0 `validUntil`), as kept. */
  expires?: string | undefined;
}

/** What the validity check says of an expired badge (verify/validity.ts; check-words.ts says it). */
const EXPIRED: WarningCheck = { id: 'validity', outcome: 'fail', code: 'ERR_EXPIRED' };

/**
 * The warning for a badge as kept. A stored verdict is as old as its last check: a badge verified
 * valid whose expiry has passed since would be invalid if checked now (OB 2.0 `expires`, OB 3.0
 * verification.md step 4 `validUntil`), so it warns as an expired badge does, until a re-check
 * says so itself. `now` in ms (the popup's clock, isExpired's rule: an expiry strictly before it).
 */
export function shareWarningOf(b: Verified, now = Date.now()): ShareWarning | undefined {
  if (b.verdict !== 'invalid' && b.expires && expiryMs(b.expires) < now) return { level: 'invalid', check: EXPIRED };
  if (b.verdict === 'valid') return undefined;
  if (b.verdict === 'unverified') return { level: 'unverified' };
  const c = b.checks?.find((c) => c.outcome === (b.verdict === 'invalid' ? 'fail' : 'indeterminate'));
  if (!c) return { level: b.verdict };
  return { level: b.verdict, check: c.code === undefined ? { id: c.id, outcome: c.outcome } : { id: c.id, outcome: c.outcome, code: c.code } };
}

export type ShareWarningKey = 'shareWarnInvalid' | 'shareWarnInvalidPlain' | 'shareWarnIndeterminate' | 'shareWarnIndeterminatePlain' | 'shareWarnUnverified';

/**
 * The warning's message key and, for one with a check, the check's sentence to put in it (its
 * $REASON$, a whole sentence). The sentence is the brief one: a warning has no technical details
 * to point to.
 */
export function shareWarningWords(w: ShareWarning): { key: ShareWarningKey; reason?: BriefCheckSentenceKey } {
  if (w.level === 'unverified') return { key: 'shareWarnUnverified' };
  const key = w.level === 'invalid' ? 'shareWarnInvalid' : 'shareWarnIndeterminate';
  return w.check ? { key, reason: briefCheckSentence(w.check) } : { key: `${key}Plain` };
}
