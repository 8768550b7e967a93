/**
 * Password sign-in to Canvas Credentials (Badgr) or Parchment Digital Badges: a region picker
 * with the real API hosts, or a custom host. Errors say what to do: a wrong password, a wait
 * after too many attempts (the button stays off until then), an unreachable host.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReplyError } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { errorText, isThrottled, retryAfterSeconds } from '../errors.ts';
import { BADGR_HOSTS, PARCHMENT_HOSTS } from '../hosts.ts';
import { offWhile } from '../ui/busy.ts';
import { Notice } from '../ui/Notice.tsx';
import { baseUrlOf, choiceFor, HostPicker, type HostChoice } from './HostPicker.tsx';

export type PasswordService = 'badgr' | 'parchment';

export function SignInForm({ service, initialHost, initialUser, onSignedIn }: { service: PasswordService; initialHost?: string; initialUser?: string; onSignedIn(): void }) {
  const { t, actions } = useEnv();
  const hosts = service === 'badgr' ? BADGR_HOSTS : PARCHMENT_HOSTS;
  const [host, setHost] = useState<HostChoice>(() => choiceFor(hosts, initialHost));
  const [username, setUsername] = useState(initialUser ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | { code: 'local'; message: string }>();
  const [waitUntil, setWaitUntil] = useState(0);
  const [clock, setClock] = useState(Date.now());

  // Ticks only while throttled, to count down and re-enable the button.
  useEffect(() => {
    if (waitUntil <= clock) return;
    const id = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(id);
  }, [waitUntil, clock]);
  const waiting = Math.max(0, Math.ceil((waitUntil - clock) / 1000));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || waiting > 0) return;
    const baseUrl = baseUrlOf(hosts, host);
    if (!baseUrl) return setError({ code: 'local', message: t('errorBadUrl') });
    if (!username.trim() || !password) return setError({ code: 'local', message: t('signInMissing') });
    setBusy(true);
    setError(undefined);
    // No await before this call: it asks for host permission, which needs the click's user gesture.
    const r = await actions.signIn({ kind: 'badgr', baseUrl, username: username.trim(), password });
    setBusy(false);
    if (r.ok) return onSignedIn();
    setError(r.error);
    const s = isThrottled(r.error) ? retryAfterSeconds(r.error) : undefined;
    if (s) {
      setWaitUntil(Date.now() + s * 1000);
      setClock(Date.now());
    }
  };

  return (
    <form class="stack" onSubmit={submit} noValidate>
      <HostPicker hosts={hosts} value={host} onChange={setHost} />
      <label class="field">
        <span>{t('signInEmail')}</span>
        <input type="email" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
      </label>
      <label class="field">
        <span>{t('signInPassword')}</span>
        <input type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
      </label>
      {error ? <Notice kind="error">{error.code === 'local' ? error.message : errorText(t, error)}</Notice> : null}
      <button type="submit" class="button primary" {...offWhile(busy || waiting > 0)} aria-busy={busy}>
        {busy ? t('signingIn') : waiting > 0 ? t('signInWait', waiting) : t('signInButton')}
      </button>
      <p class="small muted">{t('signInPrivacy')}</p>
    </form>
  );
}
