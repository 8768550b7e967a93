/**
 * Under the header: offline notice and the progress of a running sync or re-verification
 * (summed over accounts). In the footer: the version, which also shows the background answers.
 */
import type { StateReply } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { syncFailureText } from './sync-failure.ts';
import { useSyncAnnouncement } from './sync-announce.ts';
import { Icon } from './Icon.tsx';
import { ProgressBar, progressLabel } from './ProgressBar.tsx';

type Account = StateReply['accounts'][number];

/**
 * `onSignInAgain`: a failure because the session ended offers the way back in, where it is said.
 * `quietStart`: a sync that starts now is said by the heading focus lands on (App.tsx): not again here.
 */
export function StatusBar({ state, online, onSignInAgain, quietStart = false }: { state: StateReply | undefined; online: boolean; onSignInAgain?: (a: Account) => void; quietStart?: boolean }) {
  const { t, locale, now } = useEnv();
  const failed = state?.accounts.filter((a) => a.sync.status === 'error' && a.sync.error) ?? [];
  const busy = state?.accounts.filter((a) => a.sync.status === 'syncing' || a.sync.status === 'verifying') ?? [];
  const done = busy.reduce((n, a) => n + a.sync.done, 0);
  const total = busy.reduce((n, a) => n + a.sync.total, 0);
  const verifying = busy.some((a) => a.sync.status === 'verifying');
  const label = progressLabel(t, verifying, done, total);
  const failureText = (a: Account) => syncFailureText(t, a.providerName, { error: a.sync.error!, retryAt: a.sync.retryAt }, now(), locale, (error) => t('syncStatusFailed', a.providerName, error));
  const said = useSyncAnnouncement(state, failed, failureText, { started: t('syncingStart'), finished: t('syncFinished') }, quietStart);
  return (
    <>
      {/* Start, end and failures of a sync, each said once (sync-announce.ts); the bar and the lines below are for the eyes. */}
      <p class="visually-hidden" aria-live="polite" data-testid="sync-announce">
        {said}
      </p>
      {!online ? (
        <p class="offline" role="status">
          <Icon name="offline" size={16} />
          {t('offline')}
        </p>
      ) : null}
      {busy.length ? (
        <div class="status-progress">
          <span class="small">{label}</span>
          <ProgressBar label={label} done={done} total={total} />
        </div>
      ) : null}
      {failed.map((a) => (
        <SyncFailure
          key={a.id}
          text={failureText(a)}
          onSignIn={a.needsSignIn && onSignInAgain ? () => onSignInAgain(a) : undefined}
        />
      ))}
    </>
  );
}

/** What went wrong with a sync, and when Lanyard tries again (issue 12 point 13). */
function SyncFailure({ text, onSignIn }: { text: string; onSignIn?: () => void }) {
  const { t } = useEnv();
  return (
    <p class="sync-failure" data-testid="sync-failure">
      <Icon name="warning" size={16} />
      <span>
        {text}
        {onSignIn ? ' ' : null}
        {onSignIn ? (
          <button type="button" class="link-button" onClick={onSignIn}>
            {t('accountSignInAgain')}
          </button>
        ) : null}
      </span>
    </p>
  );
}

export function Footer({ version }: { version: string | undefined }) {
  const { t } = useEnv();
  return (
    <footer class="foot">
      <p>{version ? `Lanyard ${version}` : t('connecting')}</p>
    </footer>
  );
}
