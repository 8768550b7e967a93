/**
 * An Open Badges 3.0 or Badge Connect provider by URL: the background discovers it, registers
 * Lanyard and opens the provider's sign-in page. If the provider refuses the registration,
 * the password sign-in is offered with the same host.
 */
import { useState } from 'preact/hooks';
import type { ReplyError } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { errorText, OFFER_PASSWORD } from '../errors.ts';
import { normalizeBaseUrl } from '../hosts.ts';
import { offWhile } from '../ui/busy.ts';
import { Notice } from '../ui/Notice.tsx';

export function ProviderForm({ initialUrl, onSignedIn, onUsePassword }: { initialUrl?: string; onSignedIn(): void; onUsePassword(host: string): void }) {
  const { t, actions } = useEnv();
  const [url, setUrl] = useState(initialUrl ?? '');
  const [kind, setKind] = useState<'ob3' | 'badge-connect'>('ob3');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError>();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const baseUrl = normalizeBaseUrl(url);
    if (!baseUrl) return setError({ code: 'ERR_BAD_URL', message: '' });
    setBusy(true);
    setError(undefined);
    const r = await actions.signIn({ kind, baseUrl });
    setBusy(false);
    if (r.ok) onSignedIn();
    else setError(r.error);
  };

  return (
    <form class="stack" onSubmit={submit} noValidate>
      <fieldset class="radios">
        <legend>{t('providerKind')}</legend>
        <label>
          <input type="radio" name="kind" checked={kind === 'ob3'} onChange={() => setKind('ob3')} />
          {t('providerOb3')}
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === 'badge-connect'} onChange={() => setKind('badge-connect')} />
          {t('providerBadgeConnect')}
        </label>
      </fieldset>
      <label class="field">
        <span>{t('providerUrl')}</span>
        <input type="url" value={url} placeholder="https://wallet.example.org" onInput={(e) => setUrl(e.currentTarget.value)} required />
      </label>
      <p class="small muted">{t('providerHint')}</p>
      {error ? (
        <Notice kind="error">
          {errorText(t, error)}
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
      <button type="submit" class="button primary" {...offWhile(busy)} aria-busy={busy}>
        {busy ? t('signingIn') : t('providerButton')}
      </button>
    </form>
  );
}
