/**
 * "Forgot your password?": a Badgr-compatible backpack e-mails a link to choose a new one. The
 * backpack never says whether the address has an account, so neither does Lanyard. While the request
 * runs, Cancel ends it (accounts/password-reset-cancel, by the request's `attempt`): a backpack that
 * does not answer held the form busy with nothing to press. Cancelled, the form says the link may still
 * arrive (the backpack may have received the request), and focus goes back to the address.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/views.ts';
import { looksLikeEmail } from '../addresses/use-emails.ts';
import { useEnv } from '../env.ts';
import { changeErrorText } from '../errors.ts';
import { BADGR_HOSTS } from '../hosts.ts';
import { offWhile } from '../ui/busy.ts';
import { AddressIn } from '../ui/Address.tsx';
import { Notice } from '../ui/Notice.tsx';
import { baseUrlOf, choiceFor, HostPicker, type HostChoice } from '../welcome/HostPicker.tsx';
import type { Note } from '../addresses/use-emails.ts';

const ERROR_ID = 'reset-error';

export function PasswordReset({ accounts }: { accounts: readonly AccountView[] }) {
  const { t, actions } = useEnv();
  const first = accounts.find((a) => a.kind === 'badgr');
  const [host, setHost] = useState<HostChoice>(() => choiceFor(BADGR_HOSTS, first?.baseUrl));
  const [email, setEmail] = useState(first && looksLikeEmail(first.user) ? first.user : '');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>();
  // A field the form refused itself is marked, described by the message, and takes focus (WCAG 3.3.1).
  const [refused, setRefused] = useState<{ at: 'host' | 'email' }>();
  const refs = { host: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null) };
  /** The request under way's id (its Cancel names it: services/attempts.ts). */
  const attempt = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (refused) refs[refused.at].current?.focus();
  }, [refused]);
  const invalid = (at: 'host' | 'email') => (refused?.at === at ? { 'aria-invalid': 'true' as const, 'aria-describedby': ERROR_ID } : {});

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const baseUrl = baseUrlOf(BADGR_HOSTS, host);
    const refuse = (text: string, at: 'host' | 'email') => {
      setNote({ kind: 'error', text });
      setRefused({ at });
    };
    if (!baseUrl) return refuse(t('errorBadUrl'), 'host');
    if (!looksLikeEmail(email.trim())) return refuse(t('addressInvalid'), 'email');
    setRefused(undefined);
    setBusy(true);
    const id = (attempt.current = crypto.randomUUID());
    // No await before this call: it asks for host access, which needs the click's user gesture.
    const r = await actions.requestPasswordReset(baseUrl, email.trim(), id);
    attempt.current = undefined;
    setBusy(false);
    const site = new URL(baseUrl).host;
    if (!r.ok && r.error.code === 'ERR_CANCELLED') return setNote({ kind: 'info', text: t('guideResetCancelled', email.trim(), site), address: email.trim() });
    setNote(r.ok ? { kind: 'success', text: t('guideResetSent', email.trim(), site), address: email.trim() } : { kind: 'error', text: changeErrorText(t, r.error) });
  };
  const cancel = () => {
    // The Cancel goes with the busy state: focus goes back to the address (focus-rescue.ts's rule: never dropped).
    refs.email.current?.focus();
    if (attempt.current) void actions.cancelPasswordReset(attempt.current);
  };

  return (
    <section class="panel" aria-labelledby="guide-reset-title">
      <h3 id="guide-reset-title">{t('guideResetTitle')}</h3>
      <p class="small">{t('guideResetText')}</p>
      <form class="stack" onSubmit={submit} noValidate>
        <HostPicker hosts={BADGR_HOSTS} value={host} onChange={setHost} inputRef={refs.host} invalid={invalid('host')} />
        <label class="field">
          <span>{t('signInEmail')}</span>
          <input ref={refs.email} type="email" autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required {...invalid('email')} />
        </label>
        <button type="submit" class="button" {...offWhile(busy)} aria-busy={busy}>
          {t('guideResetButton')}
        </button>
        {busy ? (
          <button type="button" class="button" onClick={cancel}>
            {t('cancel')}
          </button>
        ) : null}
      </form>
      <div aria-live="polite">{note ? <Notice kind={note.kind} id={refused ? ERROR_ID : undefined}><AddressIn text={note.text} address={note.address} /></Notice> : null}</div>
    </section>
  );
}
