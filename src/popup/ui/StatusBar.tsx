/**
 * Under the header: offline notice and the progress of a running sync or re-verification
 * (summed over accounts). In the footer: the version, which also shows the background answers.
 */
import type { StateReply } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { syncFailureText } from './sync-failure.ts';
import { useState } from 'preact/hooks';
import { failureKey, useSyncAnnouncement } from './sync-announce.ts';
import { useFocusRescue } from './focus-rescue.ts';
import { Icon } from './Icon.tsx';
import { ProgressBar, progressLabel } from './ProgressBar.tsx';

type Account = StateReply['accounts'][number];

/**
 * `onSignInAgain`: a failure because the session ended offers the way back in, where it is said.
 * `quietStart`: a sync that starts now is said by the heading focus lands on (App.tsx): not again here.
 * `showFailures`: false where the screen says each failure itself (Accounts, on each account's card):
 * the bar does not repeat it. A failure is still announced once, whatever shows.
 */
export function StatusBar({ state, online, onSignInAgain, quietStart = false, showFailures = true }: { state: StateReply | undefined; online: boolean; onSignInAgain?: (a: Account) => void; quietStart?: boolean; showFailures?: boolean }) {
  const { t, locale, now } = useEnv();
  const failed = state?.accounts.filter((a) => a.sync.status === 'error' && a.sync.error) ?? [];
  const busy = state?.accounts.filter((a) => a.sync.status === 'syncing' || a.sync.status === 'verifying') ?? [];
  const done = busy.reduce((n, a) => n + a.sync.done, 0);
  const total = busy.reduce((n, a) => n + a.sync.total, 0);
  const verifying = busy.some((a) => a.sync.status === 'verifying');
  const label = progressLabel(t, verifying, done, total);
  const failureText = (a: Account) => syncFailureText(t, a.providerName, { error: a.sync.error!, retryAt: a.sync.retryAt }, now(), locale, (error) => t('syncStatusFailed', a.providerName, error));
  const said = useSyncAnnouncement(state, failed, failureText, { started: t('syncingStart'), finished: t('syncFinished') }, quietStart);
  // Failures hidden for as long as the popup is open (the bar outlives its screens); a new failure shows again.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  // "Hide" goes with the line: focus goes to the screen's heading or list, not the page.
  const shownFailures = showFailures ? failed.filter((a) => !hidden.has(failureKey(a))) : [];
  const rescue = useFocusRescue(() => document.querySelector<HTMLElement>('main #screen-title, main .list-viewport, main input[type="search"], main #empty-title'));
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
      {/* What is seen of a sync (its progress, its failures) in a landmark of its own: outside any, a screen
          reader's landmark list skipped the failure line under the header (axe region). */}
      {busy.length || shownFailures.length ? (
        <section class="sync-bar" aria-label={t('syncBarLabel')}>
          {busy.length ? (
            <div class="status-progress">
              <span class="small">{label}</span>
              <ProgressBar label={label} done={done} total={total} />
            </div>
          ) : null}
          {shownFailures.map((a) => (
            <SyncFailure
              key={a.id}
              id={`sync-failure-${a.id}`}
              text={failureText(a)}
              onSignIn={a.needsSignIn && onSignInAgain ? () => onSignInAgain(a) : undefined}
              onHide={() => {
                rescue();
                setHidden(new Set([...hidden, failureKey(a)]));
              }}
            />
          ))}
        </section>
      ) : null}
    </>
  );
}

/**
 * What went wrong with a sync, and when Lanyard tries again (issue 12 point 13), on one line (the
 * sentence cut short) so that it does not take the screens' room: "Details" shows it whole, "Hide"
 * hides it until the popup closes (Accounts says it on the account's card). The whole sentence is
 * in the page either way, and it was said once as it happened (sync-announce.ts).
 */
function SyncFailure({ id, text, onSignIn, onHide }: { id: string; text: string; onSignIn?: () => void; onHide(): void }) {
  const { t } = useEnv();
  const [open, setOpen] = useState(false);
  return (
    <div class={open ? 'sync-failure open' : 'sync-failure'}>
      <Icon name="warning" size={14} />
      <span class="sync-failure-text" id={id} data-testid="sync-failure">
        {text}
      </span>
      {/* Each button is described by the failure it is about: with two backpacks failing, Tab
          met "Details", "Hide", "Details", "Hide", none saying which (WCAG 2.4.6). */}
      {onSignIn ? (
        <button type="button" class="link-button" aria-describedby={id} onClick={onSignIn}>
          {t('accountSignInAgain')}
        </button>
      ) : null}
      <button type="button" class="link-button" aria-expanded={open} aria-controls={id} aria-describedby={id} onClick={() => setOpen(!open)}>
        {t('syncFailureDetails')}
      </button>
      <button type="button" class="link-button" aria-describedby={id} onClick={onHide}>
        {t('syncFailureHide')}
      </button>
    </div>
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
