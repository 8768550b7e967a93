/**
 * The verdict in plain words, "issuer not confirmed" when the key could not be tied to the
 * issuer, then every check with its outcome and a sentence; the engine's message is the detail.
 */
import type { Check } from '../../core/result.ts';
import type { BadgeDetail } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import type { MessageKey } from '../i18n.ts';
import { offWhile } from '../ui/busy.ts';
import { Icon } from '../ui/Icon.tsx';
import { VerdictMark } from '../ui/VerdictMark.tsx';
import { LastChecked } from './LastChecked.tsx';
import { formatAgo } from '../format.ts';
import { checkSentence, checkTitle, issuerUnconfirmed, OUTCOME_LABEL } from './check-text.ts';
import { neverChecked } from './use-recheck.tsx';
import { displayText } from '../../core/share/display.ts';

const VERDICT_TEXT: Record<BadgeDetail['verdict'], MessageKey> = {
  valid: 'verdictValidText',
  invalid: 'verdictInvalidText',
  indeterminate: 'verdictIndeterminateText',
  unverified: 'verdictUnverifiedText',
};

export interface VerificationPanelProps {
  badge: BadgeDetail;
  onReverify(): void;
  reverifying: boolean;
  onAllowHost?: () => void;
}

export function VerificationPanel({ badge, onReverify, reverifying, onAllowHost }: VerificationPanelProps) {
  const { t, locale, now } = useEnv();
  const ago = formatAgo(badge.verifiedAt, now(), locale);
  const unconfirmed = issuerUnconfirmed(badge.checks);
  // What needs attention shows at once, what failed first (the verdict's sentence points at it:
  // "the check marked Failed below says why"); the checks that passed or did not apply are one click away.
  const problems = (['fail', 'indeterminate', 'warning'] as const).flatMap((o) => badge.checks.filter((c) => c.outcome === o));
  const rest = badge.checks.filter((c) => !problems.includes(c));
  return (
    <section class={`panel verification verdict-panel-${badge.verdict}`} aria-labelledby="verification-title">
      <div class="panel-head">
        <h3 id="verification-title">{t('verificationTitle')}</h3>
        <button type="button" class="button small" onClick={() => reverifying || onReverify()} {...offWhile(reverifying)} aria-busy={reverifying}>
          <Icon name="refresh" size={14} />
          {reverifying ? t('reverifying') : neverChecked(badge) ? t('checkNow') : t('reverify')}
        </button>
      </div>
      <p class="verdict-line">
        <VerdictMark verdict={badge.verdict} withText />
      </p>
      <p>{t(VERDICT_TEXT[badge.verdict])}</p>
      {badge.pending ? <p class="note">{t('pendingText')}</p> : null}
      {unconfirmed ? (
        <p class="issuer-unconfirmed">
          <Icon name="warning" size={16} />
          <span>
            <strong>{t('issuerNotConfirmed')}</strong> {t('issuerNotConfirmedText')}
          </span>
        </p>
      ) : null}
      {onAllowHost ? (
        <p class="note">
          {t('hostAccessNeeded')}{' '}
          <button type="button" class="link-button" onClick={onAllowHost}>
            {t('hostAccessAllow')}
          </button>
        </p>
      ) : null}
      {badge.unreachable ? <LastComplete badge={badge} onTryAgain={onReverify} reverifying={reverifying} /> : ago ? <p class="muted small"><LastChecked badge={badge} /></p> : null}
      {problems.length ? <CheckList checks={problems} /> : null}
      {rest.length ? (
        <details class="all-checks">
          <summary>{problems.length ? t('checksOthers', rest.length) : t('checksAll', rest.length)}</summary>
          <CheckList checks={rest} />
        </details>
      ) : null}
    </section>
  );
}

/**
 * The latest check could not reach the issuer and learned nothing new, so the verdict above is the
 * last complete check's (background/services/last-complete.ts): when that was, what could not be
 * reached and when, and a way to try again.
 */
function LastComplete({ onTryAgain, reverifying, badge }: { badge: BadgeDetail; onTryAgain(): void; reverifying: boolean }) {
  const { t } = useEnv();
  return (
    <p class="note last-complete">
      <LastChecked badge={badge} />{' '}
      <button type="button" class="link-button" onClick={() => reverifying || onTryAgain()} {...offWhile(reverifying)}>
        {t('retry')}
      </button>
    </p>
  );
}

function CheckList({ checks }: { checks: readonly Check[] }) {
  const { t } = useEnv();
  return (
    <ul class="checks">
      {checks.map((c) => (
        <li key={c.id} class={`check check-${c.outcome}`}>
          <span class="check-head">
            <span class={`outcome outcome-${c.outcome}`}>{t(OUTCOME_LABEL[c.outcome])}</span>
            <strong>{t(checkTitle(c))}</strong>
          </span>
          <span class="check-text">{t(checkSentence(c))}</span>
          <details>
            <summary>{t('technicalDetails')}</summary>
            <code>
              {c.id}
              {c.code ? ` · ${c.code}` : ''}: {displayText(c.message)}
            </code>
          </details>
        </li>
      ))}
    </ul>
  );
}
