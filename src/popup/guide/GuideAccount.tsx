/**
 * One backpack account in "Can't find a badge?": its addresses and which are unconfirmed, the
 * badges waiting on an unconfirmed address, adding the address an award went to (the backpack
 * e-mails it a confirmation), and a change of address (a new primary; what happens to the old one).
 */
import type { AccountView, BadgeView } from '../../messaging/views.ts';
import { AddAddressForm } from '../addresses/AddAddressForm.tsx';
import { AddressItem } from '../addresses/AddressItem.tsx';
import { useEmails } from '../addresses/use-emails.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { Address, AddressIn } from '../ui/Address.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Sentence, slot } from '../ui/Sentence.tsx';
import { Loading } from '../ui/Loading.tsx';

export function GuideAccount({ account, badges, onSync }: { account: AccountView; badges: readonly BadgeView[]; onSync(): void }) {
  const { t } = useEnv();
  const { emails, note, setNote, load, add, working, resend, makePrimary, remove, cancel } = useEmails(account.id);
  const provider = account.providerName;
  const pending = badges.filter((b) => b.pending && b.accountId === account.id);
  const headingId = `guide-account-${account.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  return (
    <section class="panel stack guide-account" aria-labelledby={headingId}>
      <h3 id={headingId}><Sentence text={t('guideAccountTitle', provider, slot(0))} words={[<Address value={account.user} />]} /></h3>
      <div aria-live="polite">{note ? <Notice kind={note.kind}><AddressIn text={note.text} address={note.address} /></Notice> : null}</div>

      <h4>{t('guideWaitingTitle')}</h4>
      {pending.length ? (
        <ul class="guide-pending">
          {pending.map((b) => (
            <li key={b.key}>
              <strong dir="auto">{b.name}</strong> {b.recipient ? <Sentence text={t('guideWaitingOn', slot(0))} words={[<Address value={b.recipient} />]} /> : t('guideWaitingOn', t('guideUnknownAddress'))}
            </li>
          ))}
        </ul>
      ) : (
        <p class="small muted">{t('guideWaitingNone')}</p>
      )}

      <h4>{t('guideAddressesTitle')}</h4>
      {emails.status === 'loading' ? <Loading /> : null}
      {emails.status === 'error' ? (
        <Notice kind="error">
          {errorText(t, emails.error)}{' '}
          <button type="button" class="link-button" onClick={() => void load()}>
            {t('retry')}
          </button>
        </Notice>
      ) : null}
      {emails.status === 'ready' ? (
        <ul class="cards">
          {emails.value.map((e) => (
            <AddressItem
              key={e.id}
              email={e}
              provider={provider}
              pending={pending.filter((b) => b.recipient === e.email)}
              only={emails.value.length === 1}
              working={working}
              onResend={() => void resend(e)}
              onPrimary={() => void makePrimary(e, t('guidePrimaryDone', e.email))}
              onRemove={() => void remove(e)}
              onSync={onSync}
              onCancel={cancel}
            />
          ))}
        </ul>
      ) : null}

      <h4>{t('guideOtherAddressTitle')}</h4>
      <p class="small">{t('guideOtherAddressText', provider)}</p>
      <AddAddressForm
        label={t('guideOtherAddressLabel')}
        onAdd={(email) => add(email, t('guideAddressAdded', provider, email))}
        onInvalid={() => setNote({ kind: 'error', text: t('addressInvalid') })}
        onCancel={cancel}
      />

      <h4>{t('guideChangedTitle')}</h4>
      <p class="small">{t('guideChangedText')}</p>
    </section>
  );
}
