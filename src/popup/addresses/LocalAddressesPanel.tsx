/**
 * The addresses typed for "Just this browser" (src/background/services/local-addresses.ts): add and
 * remove. No backpack verifies them: they say which one a badge the user added was issued to, never
 * that it is theirs. Checked here first (a plausible address, not listed already in any spelling the
 * background joins: core/verify/address-key.ts addressKey); the field a refusal is about is `aria-invalid`
 * and described by it; a removed address's button hands focus to the panel's heading.
 */
import { useEffect, useState } from 'preact/hooks';
import { addressKey } from '../../core/verify/address-key.ts';
import { useEnv } from '../env.ts';
import { changeErrorText } from '../errors.ts';
import { Address, AddressIn } from '../ui/Address.tsx';
import { HeardToo } from '../ui/HeardToo.tsx';
import { Notice } from '../ui/Notice.tsx';
import { offWhile } from '../ui/busy.ts';
import { useFocusRescue } from '../ui/focus-rescue.ts';
import { AddAddressForm } from './AddAddressForm.tsx';

const NOTE = 'local-address-note';
/** The background's key (local-addresses.ts): trimmed, NFC, any letter case, nothing outside ASCII folded into ASCII. */
const key = addressKey;

/** `onChanged`: the list changed, and the local badges are being checked again (the state and list are stale). */
export function LocalAddressesPanel({ onChanged }: { onChanged?: () => void }) {
  const { t, actions } = useEnv();
  const [list, setList] = useState<string[]>();
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string; address?: string }>();
  const [busy, setBusy] = useState(false);
  const rescue = useFocusRescue(() => document.getElementById('local-addresses-title'));
  useEffect(() => {
    void actions.listLocalAddresses().then((r) => (r.ok ? setList(r.value) : setNote({ kind: 'error', text: changeErrorText(t, r.error) })));
  }, [actions, t]);

  const add = async (email: string): Promise<boolean> => {
    if (list?.some((x) => key(x) === key(email))) {
      setNote({ kind: 'error', text: t('errorAddressListed') });
      return false;
    }
    setBusy(true);
    const r = await actions.addLocalAddress(email);
    setBusy(false);
    if (r.ok) {
      setList(r.value);
      onChanged?.();
    }
    setNote(r.ok ? { kind: 'success', text: t('localAddressAdded', email), address: email } : { kind: 'error', text: changeErrorText(t, r.error) });
    return r.ok;
  };
  const remove = async (email: string) => {
    if (busy) return;
    setBusy(true);
    rescue();
    const r = await actions.removeLocalAddress(email);
    setBusy(false);
    if (r.ok) {
      setList(r.value);
      onChanged?.();
    }
    setNote(r.ok ? { kind: 'success', text: t('localAddressRemoved', email), address: email } : { kind: 'error', text: changeErrorText(t, r.error) });
  };

  const refused = note?.kind === 'error';
  return (
    <section class="panel" aria-labelledby="local-addresses-title">
      <h3 id="local-addresses-title" tabIndex={-1}>{t('localAddressesTitle')}</h3>
      <p class="small muted">{t('localAddressesText')}</p>
      {list && list.length === 0 ? <p class="small">{t('localAddressesNone')}</p> : null}
      {list?.length ? (
        <ul class="cards">
          {list.map((e) => (
            <li key={e} class="card local-address">
              <bdi dir="auto"><Address value={e} /></bdi>
              <button type="button" class="button small" onClick={() => void remove(e)} {...offWhile(busy)}>
                {t('remove')}
                <HeardToo text={e} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <AddAddressForm
        label={t('addressAddLabel')}
        button={t('localAddressAddButton')}
        invalid={refused}
        describedBy={note ? NOTE : undefined}
        waiting={busy}
        onAdd={add}
        onInvalid={() => setNote({ kind: 'error', text: t('addressInvalid') })}
      />
      <div aria-live="polite">{note ? <Notice kind={note.kind} id={NOTE}><AddressIn text={note.text} address={note.address} /></Notice> : null}</div>
    </section>
  );
}
