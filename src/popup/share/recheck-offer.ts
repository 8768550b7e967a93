/**
 * When the share screen offers to check the badge before it is shared (the badge page always
 * does): a badge Lanyard never checked, one whose last check could not settle it (not fully
 * verified, or the latest check could not reach the issuer: offline, a site down), and one whose
 * last check is more than a week old (a revocation or an expiry may have come since: OB 2.0
 * §Verification, OB 3.0 verification.md steps 4 and 5 hold at the time of the check only).
 */
import type { BadgeDetail } from '../../messaging/views.ts';
import { instantMs } from '../../core/share/dates.ts';

/** A check older than this is worth doing again before sharing. */
export const STALE_CHECK_MS = 7 * 86_400_000;

export function offersRecheck(b: Pick<BadgeDetail, 'verdict' | 'verifiedAt' | 'unreachable'>, now: number): boolean {
  if (!b.verifiedAt || b.verdict === 'unverified' || b.verdict === 'indeterminate' || b.unreachable) return true;
  const at = instantMs(b.verifiedAt);
  return Number.isNaN(at) || now - at > STALE_CHECK_MS;
}
