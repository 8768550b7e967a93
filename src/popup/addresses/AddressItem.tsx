/** One address: its marks and badge count, what can be done with it, and the badges waiting on it. */
import type { BadgeView, EmailView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';

export interface AddressItemProps {
  email: EmailView;
  provider: string;
  pending: readonly BadgeView[];
  only: boolean;
  onResend(): void;
  onPrimary(): void;
  onRemove(): void;
  onSync(): void;
}

export function AddressItem({ email: e, provider, pending, only, onResend, onPrimary, onRemove, onSync }: AddressItemProps) {
  const { t } = useEnv();
  return (
    <li class="card address">
      <h3 class="address-email">{e.email}</h3>
      <p class="chips">
        {e.primary ? <span class="chip chip-ok">{t('addressPrimary')}</span> : null}
        {e.verified ? <span class="chip chip-ok">{t('addressVerified')}</span> : <span class="chip chip-warn">{t('addressUnverified')}</span>}
        <span class="chip">{t('addressBadgeCount', e.badgeCount)}</span>
      </p>
      {!e.verified ? <p class="small">{t('addressUnverifiedHelp', e.email)}</p> : null}
      {pending.length ? (
        <div class="pending">
          <p class="small">
            <strong>{t('addressPendingCount', pending.length)}</strong> {pending.map((b) => b.name).join(', ')}
          </p>
          <p class="small">{t('addressPendingWhat', provider || t('addressRulesProvider'), e.email)}</p>
          <button type="button" class="button small" onClick={onSync}>
            {t('syncNow')}
          </button>
        </div>
      ) : null}
      <div class="button-row">
        {!e.verified ? (
          <button type="button" class="button small" onClick={onResend}>
            {t('addressResend')}
          </button>
        ) : null}
        {e.verified && !e.primary ? (
          <button type="button" class="button small" onClick={onPrimary}>
            {t('addressMakePrimary')}
          </button>
        ) : null}
        {!e.primary && !only ? <ConfirmButton class="button small" label={t('remove')} question={t('addressRemoveConfirm')} confirmLabel={t('remove')} onConfirm={onRemove} /> : null}
      </div>
    </li>
  );
}
