/**
 * Which host a hover verification could not read for want of a host permission. The verifier's
 * fetch refuses such a host with HostPermissionError (host-access.ts); the engine keeps only
 * ERR_FETCH_FAILED and the message of what it could not fetch (core/verify/fetch-once.ts), and
 * that message ends with HostPermissionError's own text, which says to "open the badge in Lanyard":
 * true in the popup, not on a hover card. So the hover card is given the host instead
 * (HoverVerdict.needsAccess) and says it in its own words (src/content/ui/hover-card.ts). The
 * check's message is compared with the exact text HostPermissionError makes for each origin it
 * names: never a guess from a page's words.
 */
import type { Check } from '../../core/result.ts';
import { HostPermissionError } from './host-access.ts';

const ORIGIN = /https?:\/\/[^\s/"'()<>?#]+/g;

export function hostNeedingAccess(checks: readonly Check[]): string | undefined {
  for (const c of checks) {
    if (c.outcome !== 'indeterminate') continue;
    for (const [at] of c.message.matchAll(ORIGIN)) {
      if (!URL.canParse(at)) continue;
      const { origin, host } = new URL(at);
      if (c.message.includes(new HostPermissionError(origin).message)) return host;
    }
  }
  return undefined;
}
