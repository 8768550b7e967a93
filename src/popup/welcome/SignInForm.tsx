/**
 * Password sign-in to Canvas Credentials (Badgr) or Parchment Digital Badges: a region picker
 * with the real API hosts, or a custom host. Errors say what to do: a wrong password, a wait
 * after too many attempts (the button stays off until then), an unreachable host, an address
 * that is not a backpack. The field an error is about says so (aria-invalid, described by the
 * message, WCAG 3.3.1); one left empty or not an address takes focus, as nothing was sent.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Reply, ReplyError, SignInUnderWay } from '../../messaging/protocol.ts';
import type { AccountView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { isThrottled, retryAfterSeconds, signInErrorText, signInField } from '../errors.ts';
import { BADGR_HOSTS, PARCHMENT_HOSTS, REGIONS } from '../hosts.ts';
import { offWhile } from '../ui/busy.ts';
import { Notice } from '../ui/Notice.tsx';
import { baseUrlOf, choiceFor, HostPicker, type HostChoice } from './HostPicker.tsx';
import { useDraft } from '../ui/use-draft.ts';
import { useSignIn } from './use-sign-in.ts';

export type PasswordService = 'badgr' | 'parchment';
type Field = 'host' | 'username' | 'password';
const ERROR_ID = 'sign-in-error';

const STATUS_ID = 'sign-in-status';

export interface SignInFormProps {
  service: PasswordService;
  initialHost?: string;
  initialUser?: string;
  onSignedIn(): void;
  /** The password sign-in under way to this service's backpacks (state/get `signIns`): shown busy, with Cancel (use-sign-in.ts). */
  runs?: readonly SignInUnderWay[] | undefined;
  /** A sign-in was sent: the popup reads the state while it runs. */
  onStarted?(): void;
}

export function SignInForm({ service, initialHost, initialUser, onSignedIn, runs, onStarted }: SignInFormProps) {
  const { t } = useEnv();
  const hosts = service === 'badgr' ? BADGR_HOSTS : PARCHMENT_HOSTS;
  // The address and e-mail typed before the popup closed come back (drafts.ts), never the password;
  // a sign-in again brings its own account's instead.
  const draft = useDraft(service);
  const kept = initialHost === undefined ? draft.initial : undefined;
  const [host, setHost] = useState<HostChoice>(() => (kept ? keptChoice(kept) : choiceFor(hosts, initialHost)));
  const [username, setUsername] = useState(initialUser ?? kept?.username ?? '');
  const keep = (h: HostChoice, user: string) => draft.keep({ region: h.region, custom: h.custom, username: user });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ReplyError | { code: 'local'; message: string }>();
  const [field, setField] = useState<Field>();
  const refs = { host: useRef<HTMLInputElement>(null), username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  // A field the form itself refused takes focus once it is marked invalid (each time: a new object).
  const [focusField, setFocusField] = useState<{ at: Field }>();
  useEffect(() => {
    if (focusField) refs[focusField.at].current?.focus();
  }, [focusField]);
  // Cancelled while it waited: the form is back, focus on the e-mail field (its Cancel button went).
  const { busy, status, submit: submitRef, cancelButton, signIn, cancel } = useSignIn({
    focusBack: () => setFocusField({ at: 'username' }),
    runs,
    prefer: initialHost,
    onStarted,
    // Another popup's sign-in: the form shows the backpack and name it runs with (never a password).
    onJoined: (run) => {
      setHost(choiceFor(hosts, run.baseUrl));
      if (run.username !== undefined) setUsername(run.username);
    },
    onJoinedReply: (r, run) => settle(r, run.baseUrl, choiceFor(hosts, run.baseUrl)),
  });
  // A wait is the server's that asked for it (RFC 6585 §4, Retry-After): another region or address is not held up by it.
  const [wait, setWait] = useState<{ until: number; baseUrl: string }>();
  const [clock, setClock] = useState(Date.now());
  const baseUrl = baseUrlOf(hosts, host);
  const waitUntil = wait && wait.baseUrl === baseUrl ? wait.until : 0;

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
    const refuse = (message: string, f: Field) => {
      setError({ code: 'local', message });
      setField(f);
      setFocusField({ at: f });
    };
    if (!baseUrl) return refuse(t('errorBadUrl'), 'host');
    if (!username.trim()) return refuse(t('signInMissing'), 'username');
    if (!password) return refuse(t('signInMissing'), 'password');
    // No await before this call: it asks for host permission, which needs the click's user gesture.
    const reply = signIn({ kind: 'badgr', baseUrl, username: username.trim(), password });
    setError(undefined);
    setField(undefined);
    setFocusField(undefined);
    const r = await reply;
    if (r) settle(r, baseUrl, host);
  };

  /** A sign-in's reply, the form's own or one it joined: signed in, or what went wrong. */
  function settle(r: Reply<AccountView>, at: string, on: HostChoice): void {
    if (r.ok) {
      draft.clear();
      return onSignedIn();
    }
    setError(r.error);
    // A region's own host is not the user's to fix: only a custom address is marked.
    const f = signInField(r.error);
    setField(f === 'host' && on.region !== 'custom' ? undefined : f);
    const s = isThrottled(r.error) ? retryAfterSeconds(r.error) : undefined;
    if (s) {
      setWait({ until: Date.now() + s * 1000, baseUrl: at });
      setClock(Date.now());
    }
  }

  const invalid = (f: Field) => (field === f && error ? { 'aria-invalid': 'true' as const, 'aria-describedby': ERROR_ID } : {});
  return (
    <form class="stack" onSubmit={submit} noValidate>
      <HostPicker
        hosts={hosts}
        value={host}
        onChange={(h) => {
          setHost(h);
          keep(h, username);
        }}
        inputRef={refs.host} invalid={invalid('host')} disabled={busy} />
      <label class="field">
        <span>{t('signInEmail')}</span>
        <input ref={refs.username} type="email" autocomplete="username" value={username} disabled={busy} onInput={(e) => {
          setUsername(e.currentTarget.value);
          keep(host, e.currentTarget.value);
        }} required {...invalid('username')} />
      </label>
      <label class="field">
        <span>{t('signInPassword')}</span>
        <input ref={refs.password} type="password" autocomplete="current-password" value={password} disabled={busy} onInput={(e) => setPassword(e.currentTarget.value)} required {...invalid('password')} />
      </label>
      {error ? <Notice kind="error" id={ERROR_ID}>{error.code === 'local' ? error.message : signInErrorText(t, error, 'password')}</Notice> : null}
      <button ref={submitRef} type="submit" class={!busy && waiting > 0 ? 'button primary waiting' : 'button primary'} {...offWhile(busy || waiting > 0)} aria-busy={busy} {...(status ? { 'aria-describedby': STATUS_ID } : {})}>
        {busy ? t('signingIn') : waiting > 0 ? t('signInWait', waiting) : t('signInButton')}
      </button>
      {busy ? (
        <button ref={cancelButton} type="button" class="button" onClick={cancel}>
          {t('cancel')}
        </button>
      ) : null}
      {/* There before anything is said (a region made with its words is not read): what the sign-in waits for. */}
      <p id={STATUS_ID} class="small sign-in-status" role="status" aria-live="polite">
        {status}
      </p>
      <p class="small muted">{t('signInPrivacy')}</p>
    </form>
  );
}

/** The host a draft names: a known region, else a custom address (drafts.ts keeps them as typed). */
function keptChoice(d: { region?: string; custom?: string }): HostChoice {
  const region = REGIONS.find((r) => r === d.region);
  return { region: region ?? 'custom', custom: d.custom ?? '' };
}
