/**
 * An account's e-mail addresses (the answer to "I lost the e-mail with my badge" and "I changed
 * my e-mail"): verified and primary marks, badges per address, add, resend, make primary,
 * remove, the provider's rules, and the pending badges waiting on an unconfirmed address.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Reply } from '../../messaging/protocol.ts';
import type { AccountView, BadgeView, EmailView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import type { Loadable } from '../use-popup-data.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { Notice } from '../ui/Notice.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { AddressItem } from './AddressItem.tsx';

export interface AddressesScreenProps {
  account: AccountView | undefined;
  accountId: string;
  badges: readonly BadgeView[];
  onSync(): void;
}

export default function AddressesScreen({ account, accountId, badges, onSync }: AddressesScreenProps) {
  const { t, actions } = useEnv();
  const [emails, setEmails] = useState<Loadable<EmailView[]>>({ status: 'loading' });
  const [newEmail, setNewEmail] = useState('');
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string }>();

  const load = useCallback(async () => {
    const r = await actions.listEmails(accountId);
    setEmails(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
  }, [actions, accountId]);
  useEffect(() => void load(), [load]);

  const apply = async (p: Promise<Reply<EmailView[]>>, success: string) => {
    const r = await p;
    if (r.ok) setEmails({ status: 'ready', value: r.value });
    setNote(r.ok ? { kind: 'success', text: success } : { kind: 'error', text: errorText(t, r.error) });
    return r.ok;
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const email = newEmail.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setNote({ kind: 'error', text: t('addressInvalid') });
    if (await apply(actions.addEmail(accountId, email), t('addressAdded', email))) setNewEmail('');
  };

  if (emails.status === 'loading') return <div class="screen-loading" aria-busy="true" />;
  if (emails.status === 'error') return <ErrorState title={t('addressesTitle')} message={errorText(t, emails.error)} onRetry={load} />;
  const provider = account?.providerName ?? '';
  return (
    <section class="addresses-screen" aria-labelledby="screen-title">
      <ScreenTitle>{t('addressesTitle')}</ScreenTitle>
      {provider ? <p class="muted small">{provider}</p> : null}
      <div aria-live="polite">{note ? <Notice kind={note.kind}>{note.text}</Notice> : null}</div>
      <ul class="cards">
        {emails.value.map((e) => (
          <AddressItem
            key={e.id}
            email={e}
            provider={provider}
            pending={badges.filter((b) => b.pending && b.accountId === accountId && b.recipient === e.email)}
            only={emails.value.length === 1}
            onResend={() => apply(actions.resendEmail(accountId, e.id), t('addressResent', e.email))}
            onPrimary={() => apply(actions.makePrimaryEmail(accountId, e.id), t('addressPrimaryDone', e.email))}
            onRemove={() => apply(actions.removeEmail(accountId, e.id), t('addressRemoved', e.email))}
            onSync={onSync}
          />
        ))}
      </ul>
      <form class="stack panel" onSubmit={add} noValidate>
        <label class="field">
          <span>{t('addressAddLabel')}</span>
          <input type="email" value={newEmail} onInput={(e) => setNewEmail(e.currentTarget.value)} autocomplete="email" />
        </label>
        <button type="submit" class="button primary">
          {t('addressAddButton')}
        </button>
      </form>
      <details class="panel rules">
        <summary>{t('addressRulesTitle', provider || t('addressRulesProvider'))}</summary>
        <ul>
          <li>{t('addressRuleConfirm')}</li>
          <li>{t('addressRulePending')}</li>
          <li>{t('addressRulePrimary')}</li>
          <li>{t('addressRuleRemove')}</li>
          <li>{t('addressRuleResend')}</li>
        </ul>
      </details>
    </section>
  );
}
