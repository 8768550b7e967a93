/**
 * An account's e-mail addresses (the answer to "I lost the e-mail with my badge" and "I changed
 * my e-mail"): verified and primary marks, badges per address, add, resend, make primary,
 * remove, the provider's rules, and the pending badges waiting on an unconfirmed address.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, BadgeView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { Notice } from '../ui/Notice.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { useFocusRescue } from '../ui/focus-rescue.ts';
import { AddressIn } from '../ui/Address.tsx';
import { AddAddressForm } from './AddAddressForm.tsx';
import { AddressItem } from './AddressItem.tsx';
import { useEmails } from './use-emails.ts';
import { Loading } from '../ui/Loading.tsx';

export interface AddressesScreenProps {
  account: AccountView | undefined;
  accountId: string;
  badges: readonly BadgeView[];
  onSync(): void;
}

const FORM_NOTE = 'address-add-note';
const CARD_NOTE = 'address-card-note';

export default function AddressesScreen({ account, accountId, badges, onSync }: AddressesScreenProps) {
  const { t } = useEnv();
  const { emails, note, setNote, load, add, working, resend, makePrimary, remove, cancel } = useEmails(accountId);
  // Removing an address takes its card: focus goes to the title.
  const rescue = useFocusRescue(() => document.getElementById('screen-title'));
  // Making one primary takes its button: focus goes to that card's address, now marked Primary
  // (wherever the card now is), so the keyboard user keeps their place (WCAG 2.4.3). Once the list
  // with the change is drawn: focus then fell to the page, or a rescue put it on the title.
  const [landOn, setLandOn] = useState<string>();
  useEffect(() => {
    if (landOn === undefined) return;
    setLandOn(undefined);
    const a = document.activeElement;
    const heading = [...(root.current?.querySelectorAll<HTMLElement>('.address-email') ?? [])].find((h) => h.dataset.id === landOn);
    if (heading && (!a || a === document.body || !a.isConnected || a.id === 'screen-title')) heading.focus();
  }, [landOn]);
  // What "Add" did shows under the form (at the bottom, where the user is); what a card's button
  // did shows at the top, near the cards. Either scrolls into view if need be.
  const [atForm, setAtForm] = useState(false);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (note) root.current?.querySelector('.notice')?.scrollIntoView?.({ block: 'nearest' });
  }, [note]);
  // Under the form, the note is the add field's: the field is described by it (the server's reason, WCAG 3.3.1).
  // Above the cards, a card's refused change: that card's buttons are described by it.
  const shown = (here: boolean) => <div aria-live="polite">{note && atForm === here ? <Notice kind={note.kind} id={here ? FORM_NOTE : CARD_NOTE}><AddressIn text={note.text} address={note.address} /></Notice> : null}</div>;

  if (emails.status === 'loading') return <Loading />;
  if (emails.status === 'error') return <ErrorState title={t('addressesTitle')} error={emails.error} onRetry={load} />;
  const provider = account?.providerName ?? '';
  // Listed without ids (a server without Badgr's v1 address API, emails.ts): shown, changed only on the backpack's site.
  const readOnly = emails.value.length > 0 && emails.value.every((e) => !e.id);
  return (
    <section class="addresses-screen" aria-labelledby="screen-title" ref={root}>
      <ScreenTitle>{t('addressesTitle')}</ScreenTitle>
      {provider ? <p class="muted small">{provider}</p> : null}
      {shown(false)}
      <ul class="cards">
        {emails.value.map((e) => (
          <AddressItem
            key={e.id}
            email={e}
            provider={provider}
            // In any letter case: the backpack's listing may spell the recipient as the issuer did (a case variant, badgr-server).
            pending={badges.filter((b) => b.pending && b.accountId === accountId && b.recipient?.toLowerCase() === e.email.toLowerCase())}
            only={emails.value.length === 1}
            working={working}
            describedBy={!atForm && note?.kind === 'error' && note.about === e.id ? CARD_NOTE : undefined}
            onResend={() => {
              setAtForm(false);
              void resend(e);
            }}
            onPrimary={() => {
              setAtForm(false);
              rescue();
              void makePrimary(e).then((made) => made && setLandOn(e.id));
            }}
            onRemove={() => {
              setAtForm(false);
              rescue();
              void remove(e);
            }}
            onSync={onSync}
            onCancel={cancel}
          />
        ))}
      </ul>
      {readOnly ? <p class="panel small">{t('addressesReadOnly', provider || t('addressRulesProvider'))}</p> : null}
      {readOnly ? null : <AddAddressForm
        label={t('addressAddLabel')}
        invalid={atForm && note?.kind === 'error'}
        describedBy={atForm && note ? FORM_NOTE : undefined}
        waiting={!!working && working.op !== 'add'}
        onCancel={cancel}
        onAdd={(email) => {
          setAtForm(true);
          return add(email);
        }}
        onInvalid={() => {
          setAtForm(true);
          setNote({ kind: 'error', text: t('addressInvalid') });
        }}
      />}
      {shown(true)}
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
