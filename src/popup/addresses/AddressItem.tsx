/** One address: its marks and badge count, what can be done with it, and the badges waiting on it. */
import { Fragment } from 'preact';
import type { BadgeView, EmailView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { Address } from '../ui/Address.tsx';
import { offWhile } from '../ui/busy.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { HeardToo } from '../ui/HeardToo.tsx';
import { Sentence, slot } from '../ui/Sentence.tsx';
import type { Working } from './use-emails.ts';

export interface AddressItemProps {
  email: EmailView;
  provider: string;
  pending: readonly BadgeView[];
  only: boolean;
  /** The change the backpack is still confirming, on any card: this card's buttons wait, the pressed one says so. */
  working?: Working;
  /** The id of a note about this card's last change (its refusal): its buttons are described by it. */
  describedBy?: string | undefined;
  onResend(): void;
  onPrimary(): void;
  onRemove(): void;
  onSync(): void;
  /** Cancels this card's change while it runs (use-emails.ts cancel). */
  onCancel?(): void;
}

export function AddressItem({ email: e, provider, pending, only, working, describedBy, onResend, onPrimary, onRemove, onSync, onCancel }: AddressItemProps) {
  const { t } = useEnv();
  const doing = working?.id === e.id ? working.op : undefined;
  // Off (aria-disabled, keeping focus) while any change runs: a press then does nothing.
  const off = { ...offWhile(!!working), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
  // Every card has the same buttons: each one's name ends with the card's address, heard and not seen,
  // so Tab through the cards says "Remove ada@example.org", not "Remove, Make primary, Remove".
  const about = <HeardToo text={e.email} />;
  const unlessWorking = (f: () => void) => () => {
    if (!working) f();
  };
  return (
    <li class="card address">
      {/* Focusable by script: focus lands here once Make primary's button is gone (AddressesScreen.tsx). */}
      <h3 class="address-email" tabIndex={-1} data-id={e.id}><Address value={e.email} /></h3>
      <p class="chips">
        {e.primary ? <span class="chip chip-ok">{t('addressPrimary')}</span> : null}
        {e.verified ? <span class="chip chip-ok">{t('addressVerified')}</span> : <span class="chip chip-warn">{t('addressUnverified')}</span>}
        <span class="chip">{t('addressBadgeCount', e.badgeCount)}</span>
      </p>
      {!e.verified ? <p class="small"><Sentence text={t('addressUnverifiedHelp', slot(0))} words={[<Address value={e.email} />]} /></p> : null}
      {pending.length ? (
        <div class="pending">
          <p class="small">
            <strong>{t('addressPendingCount', pending.length)}</strong>{' '}
            {/* Each name isolated: an Arabic name does not reorder its neighbours or the commas. */}
            {pending.map((b, i) => (
              <Fragment key={b.key}>
                {i ? ', ' : null}
                <bdi dir="auto">{b.name}</bdi>
              </Fragment>
            ))}
          </p>
          <p class="small"><Sentence text={t('addressPendingWhat', provider || t('addressRulesProvider'), slot(0))} words={[<Address value={e.email} />]} /></p>
          <button type="button" class="button small" onClick={onSync}>
            {t('syncNow')}
            {about}
          </button>
        </div>
      ) : null}
      {/* No id: the server lists its addresses without the v1 API that changes them (emails.ts). */}
      {e.id ? <div class="button-row">
        {!e.verified ? (
          <button type="button" class="button small" onClick={unlessWorking(onResend)} {...off} aria-busy={doing === 'resend'}>
            {doing === 'resend' ? t('addressResending') : t('addressResend')}
            {about}
          </button>
        ) : null}
        {e.verified && !e.primary ? (
          <button type="button" class="button small" onClick={unlessWorking(onPrimary)} {...off} aria-busy={doing === 'primary'}>
            {doing === 'primary' ? t('addressMakingPrimary') : t('addressMakePrimary')}
            {about}
          </button>
        ) : null}
        {!e.primary && !only ? <ConfirmButton class="button small" label={doing === 'remove' ? t('addressRemoving') : t('remove')} busy={!!working} question={e.badgeCount > 0 ? t('addressRemoveConfirmBadges', e.badgeCount) : t('addressRemoveConfirm')} confirmLabel={t('remove')} about={about} onConfirm={onRemove} /> : null}
        {/* While this card's change runs, as a sign-in's form: focus goes back to the busy button, which stays. */}
        {doing && onCancel ? (
          <button type="button" class="button small" onClick={(ev) => {
            // The change's own button (aria-busy), not the row's first: a Remove's Cancel had sent focus to Make primary.
            (ev.currentTarget.parentElement?.querySelector('button[aria-busy="true"]') as HTMLButtonElement | null)?.focus();
            onCancel();
          }}>
            {t('cancel')}
            {about}
          </button>
        ) : null}
      </div> : null}
    </li>
  );
}
