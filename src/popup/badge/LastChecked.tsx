/**
 * When the badge's result was found, for the badge page and the share screen alike: "Last checked
 * 3 weeks ago.", or, when the latest check could not reach the issuer and kept the last complete
 * result (background/services/last-complete.ts), when that was and what could not be reached.
 */
import type { BadgeDetail } from '../../messaging/views.ts';
import { instantMs } from '../../core/share/dates.ts';
import { displayText } from '../../core/share/display.ts';
import { siteEnd } from '../../core/share/issuer-site.ts';
import { useEnv } from '../env.ts';
import { formatAgo, formatClock } from '../format.ts';
import { Sentence, slot } from '../ui/Sentence.tsx';

export function LastChecked({ badge }: { badge: Pick<BadgeDetail, 'verifiedAt' | 'unreachable'> }) {
  const { t, locale, now } = useEnv();
  const verified = formatAgo(badge.verifiedAt, now(), locale);
  const u = badge.unreachable;
  if (!u) return verified ? <>{t('verifiedAgo', verified)}</> : null;
  const at = instantMs(u.at);
  // Each host is the issuer's, isolated on its own (ui/Sentence.tsx); a long one keeps its end, which names its site (issuer-site.ts siteEnd).
  return <Sentence text={t('lastVerifiedUnreachable', verified ?? '', slot(0), Number.isNaN(at) ? u.at : formatClock(at, now(), locale))} words={[u.hosts.map((h) => siteEnd(displayText(h, 300)))]} />;
}
