/**
 * What the badge page says of a badge its backpack no longer lists (BadgeView.unlisted: the last
 * complete listing did not hold it, background/services/sync-listed.ts): by which backpack (its host,
 * the account's link, never the provider's own title) and since when, and that Lanyard keeps its
 * copy; for one kept in this browser at a sign-out (`movedFrom`, unlisted-keep.ts), where it came
 * from. In words, not a colour or an icon; the host isolated as a word of its own (ui/Sentence.tsx).
 */
import { displayText } from '../../core/share/display.ts';
import type { AccountView, BadgeView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { formatDate, hostOf } from '../format.ts';
import { Notice } from '../ui/Notice.tsx';
import { Sentence, slot } from '../ui/Sentence.tsx';

export function UnlistedNote({ badge: b, accounts = [] }: { badge: Pick<BadgeView, 'accountId' | 'unlisted' | 'movedFrom'>; accounts?: readonly AccountView[] | undefined }) {
  const { t, locale } = useEnv();
  if (!b.unlisted) return null;
  const date = formatDate(b.unlisted, locale);
  const account = accounts.find((a) => a.id === b.accountId && a.kind !== 'local');
  const text = b.movedFrom
    ? date ? t('badgeMovedFrom', slot(0), date) : t('badgeMovedFromNoDate', slot(0))
    : date ? t('badgeUnlisted', slot(0), date) : t('badgeUnlistedNoDate', slot(0));
  // A reply's text, shown as plain text and bounded (core/share/display.ts), as the import's backpack name is.
  const host = b.movedFrom ? displayText(b.movedFrom, 80) : (account ? hostOf(account.baseUrl) : t('badgeUnlistedItsBackpack'));
  return (
    <Notice kind="info" quiet>
      <Sentence text={text} words={[host]} />
    </Notice>
  );
}
