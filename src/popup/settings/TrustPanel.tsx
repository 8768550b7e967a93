/**
 * Settings: whose verified addresses count for every badge. A backpack can say any address is
 * verified, so by default an address only makes that backpack's own badges "issued to you"; the
 * user may trust a backpack to confirm its addresses everywhere, local imports included
 * (src/background/services/identities.ts). Off unless the user turns it on.
 */
import { useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { hostOf } from '../format.ts';
import { Address, Host } from '../ui/Address.tsx';
import { Sentence, slot } from '../ui/Sentence.tsx';

export interface TrustPanelProps {
  accounts: readonly AccountView[];
  /** Trust changed: reload state (badges are being checked again). */
  onChanged(): void;
  onNote(note: { kind: 'error' | 'success'; text: string }): void;
}

export function TrustPanel({ accounts, onChanged, onNote }: TrustPanelProps) {
  const { t, actions } = useEnv();
  const [trust, setTrust] = useState<Record<string, boolean>>(() => Object.fromEntries(accounts.map((a) => [a.id, a.trustAddresses === true])));
  const remote = accounts.filter((a) => a.kind !== 'local');

  const change = async (a: AccountView, on: boolean) => {
    const r = await actions.setTrust(a.id, on);
    if (r.ok) {
      setTrust((s) => ({ ...s, [a.id]: r.value.trustAddresses === true }));
      onChanged();
      onNote({ kind: 'success', text: t('trustSaved') });
    } else onNote({ kind: 'error', text: errorText(t, r.error) });
  };

  return (
    <section class="panel" aria-labelledby="trust-title">
      <h3 id="trust-title">{t('trustTitle')}</h3>
      <p class="small muted">{t('trustText')}</p>
      {remote.length === 0 ? (
        <p class="small muted">{t('trustNoAccounts')}</p>
      ) : (
        <ul class="trust-list">
          {remote.map((a) => (
            <li key={a.id}>
              <label class="switch">
                <input type="checkbox" role="switch" checked={trust[a.id] === true} onChange={(e) => void change(a, e.currentTarget.checked)} />
                {/* The name is the backpack's own (its discovery title): the site it is on is what the user chose to sign in to.
                    The user is a line of its own: written "(ada@example.org)" in the sentence, a narrow popup, which breaks
                    a long word anywhere, could leave the ")" alone on the last line. */}
                <span>
                  <span class="trust-name">
                    {hostOf(a.baseUrl) === a.providerName ? (
                      <Sentence text={t('trustLabel', slot(0))} words={[a.providerName]} />
                    ) : (
                      <Sentence text={t('trustLabelAt', slot(0), slot(1))} words={[a.providerName, <Host value={hostOf(a.baseUrl)} />]} />
                    )}
                  </span>{' '}
                  <span class="trust-user">
                    <bdi dir="auto"><Address value={a.user} /></bdi>
                  </span>
                </span>
              </label>
              {a.verifiedAddresses?.length ? <p class="small muted"><Sentence text={t('trustAddresses', slot(0))} words={[a.verifiedAddresses.map((e) => <Address value={e} />)]} /></p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
