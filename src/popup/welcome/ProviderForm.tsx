/**
 * An Open Badges 3.0 or Badge Connect provider by URL: the background discovers it, registers
 * Lanyard and opens the provider's sign-in page. If the provider refuses the registration,
 * the password sign-in is offered with the same host.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Reply, ReplyError, SignInUnderWay } from '../../messaging/protocol.ts';
import type { AccountView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { OFFER_PASSWORD, signInErrorText, signInField } from '../errors.ts';
import { normalizeBaseUrl } from '../hosts.ts';
import { offWhile } from '../ui/busy.ts';
import { Notice } from '../ui/Notice.tsx';
import { useDraft } from '../ui/use-draft.ts';
import { useSignIn } from './use-sign-in.ts';

const STATUS_ID = 'provider-status';

export interface ProviderFormProps {
  initialUrl?: string;
  onSignedIn(): void;
  onUsePassword(host: string): void;
  /** The OB 3.0 or Badge Connect sign-in under way (state/get `signIns`): shown busy, with Cancel (use-sign-in.ts). */
  runs?: readonly SignInUnderWay[] | undefined;
  /** A sign-in was sent: the popup reads the state while it runs. */
  onStarted?(): void;
}

export function ProviderForm({ initialUrl, onSignedIn, onUsePassword, runs, onStarted }: ProviderFormProps) {
  const { t } = useEnv();
  // The address typed before the popup closed comes back (drafts.ts), with the kind chosen.
  const draft = useDraft('provider');
  const kept = initialUrl === undefined ? draft.initial : undefined;
  const [url, setUrl] = useState(initialUrl ?? kept?.url ?? '');
  const [kind, setKind] = useState<'ob3' | 'badge-connect'>(kept?.kind === 'badge-connect' ? 'badge-connect' : 'ob3');
  const keepAs = (u: string, k: typeof kind) => {
    setUrl(u);
    setKind(k);
    draft.keep({ url: u, kind: k });
  };
  const [error, setError] = useState<ReplyError>();
  // An address the form refused takes focus once marked invalid (each time: a new object), as nothing was sent.
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<object>();
  useEffect(() => {
    if (refused) input.current?.focus();
  }, [refused]);
  // Cancelled while it waited: back to the address, focus on it (its Cancel button went).
  const { busy, status, submit: submitRef, cancelButton, signIn, cancel } = useSignIn({
    focusBack: () => setRefused({}),
    runs,
    prefer: initialUrl,
    onStarted,
    // Another popup's sign-in: the form shows the provider and kind it runs with.
    onJoined: (run) => {
      setUrl(run.baseUrl);
      if (run.kind !== 'badgr') setKind(run.kind);
    },
    onJoinedReply: (r) => settle(r),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const baseUrl = normalizeBaseUrl(url);
    if (!baseUrl) {
      setError({ code: 'ERR_BAD_URL', message: '' });
      return setRefused({});
    }
    const reply = signIn({ kind, baseUrl });
    setError(undefined);
    const r = await reply;
    if (r) settle(r);
  };

  /** A sign-in's reply, the form's own or one it joined. */
  function settle(r: Reply<AccountView>): void {
    if (r.ok) {
      draft.clear();
      onSignedIn();
    } else setError(r.error);
  }

  return (
    <form class="stack" onSubmit={submit} noValidate>
      <fieldset class="radios" disabled={busy}>
        <legend>{t('providerKind')}</legend>
        <label>
          <input type="radio" name="kind" checked={kind === 'ob3'} onChange={() => keepAs(url, 'ob3')} />
          {t('providerOb3')}
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === 'badge-connect'} onChange={() => keepAs(url, 'badge-connect')} />
          {t('providerBadgeConnect')}
        </label>
      </fieldset>
      <label class="field">
        <span>{t('providerUrl')}</span>
        <input ref={input} type="url" value={url} placeholder="https://wallet.example.org" disabled={busy} onInput={(e) => keepAs(e.currentTarget.value, kind)} required {...(error && signInField(error) === 'host' ? { 'aria-invalid': 'true', 'aria-describedby': 'provider-error' } : {})} />
      </label>
      <p class="small muted">{t('providerHint')}</p>
      {error ? (
        <Notice kind="error" id="provider-error">
          {signInErrorText(t, error, 'provider')}
          {OFFER_PASSWORD.has(error.code) ? (
            <>
              {' '}
              <button type="button" class="link-button" onClick={() => onUsePassword(normalizeBaseUrl(url) ?? url)}>
                {t('providerUsePassword')}
              </button>
            </>
          ) : null}
        </Notice>
      ) : null}
      <button ref={submitRef} type="submit" class="button primary" {...offWhile(busy)} aria-busy={busy} {...(status ? { 'aria-describedby': STATUS_ID } : {})}>
        {busy ? t('signingIn') : t('providerButton')}
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
    </form>
  );
}
