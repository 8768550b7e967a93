/** One row of the list: image, name, issuer and date, the verification mark, and expired/pending/no-longer-listed chips. */
import type { BadgeView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { formatDate, isExpired } from '../format.ts';
import { BadgeImage } from '../ui/BadgeImage.tsx';
import { VerdictMark } from '../ui/VerdictMark.tsx';
import { afterFirstScreen, firstScreenPainted } from './ready.ts';

export interface BadgeRowProps {
  badge: BadgeView;
  index: number;
  count: number;
  top: number;
  active: boolean;
  onClick(): void;
}

export function BadgeRow({ badge, index, count, top, active, onClick }: BadgeRowProps) {
  const { t, locale, now } = useEnv();
  const date = formatDate(badge.issuedOn, locale);
  const expired = isExpired(badge.expires, now());
  return (
    <div
      id={`badge-row-${index}`}
      role="option"
      aria-selected={active}
      aria-setsize={count}
      aria-posinset={index + 1}
      class={`badge-row${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onClick}
    >
      {/* Keyed by the picture: the row's element is reused for another badge (BadgeList.tsx), and
          the picture's element and state (a picture that failed) must not be: an <img> given a new
          src shows the old picture until the new one has loaded, beside the other badge's name. */}
      <BadgeImage key={badge.image ?? ''} src={badge.image} size={40} wait={firstScreenPainted() ? undefined : afterFirstScreen} />
      <span class="row-text">
        {/* Cut with an ellipsis on one line: the whole (as display.ts gives it) is the tooltip. */}
        <bdi class="row-name" dir={badge.dirs?.name ?? 'auto'} title={badge.name}>{badge.name}</bdi>
        <span class="row-meta">
          {/* A long issuer name is cut, never the date (a chip beside it left "Nov 20,…"). */}
          {badge.issuerName ? <bdi class="row-meta-text row-issuer" dir={badge.dirs?.issuerName ?? 'auto'} title={badge.issuerName}>{badge.issuerName}</bdi> : null}
          {date ? <span class="row-date">{badge.issuerName ? ' · ' : ''}{date}</span> : null}
        </span>
        {/* A line of their own: beside the issuer and date, two chips ("En attente", "Plus listé" at 300 px)
            cut the issuer to nothing and ran out of the row, over the verdict mark. */}
        {expired || badge.pending || badge.unlisted ? (
          <span class="row-chips">
            {expired ? <span class="chip chip-warn">{t('chipExpired')}</span> : null}
            {badge.pending ? <span class="chip chip-info">{t('chipPending')}</span> : null}
            {/* Its backpack no longer lists it (kept here all the same): said in a word, the badge page says more. */}
            {badge.unlisted ? <span class="chip chip-info">{t('chipUnlisted')}</span> : null}
          </span>
        ) : null}
      </span>
      <VerdictMark verdict={badge.verdict} />
    </div>
  );
}
