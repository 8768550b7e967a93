/** Accounts: each backpack with its sync state, sync now, its addresses, sign out; add another; the addresses typed for this browser. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SignInUnderWay } from '../../messaging/protocol.ts';
import type { AccountView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { formatAgo, hostOf } from '../format.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { HeardToo } from '../ui/HeardToo.tsx';
import { useFocusRescue } from '../ui/focus-rescue.ts';
import { offWhile } from '../ui/busy.ts';
import { isOffline } from '../ui/online.ts';
import { Notice } from '../ui/Notice.tsx';
import { syncFailureText } from '../ui/sync-failure.ts';
import { ProgressBar, progressLabel } from '../ui/ProgressBar.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { Address, Host } from '../ui/Address.tsx';
import { Sentence, slot } from '../ui/Sentence.tsx';
import { LocalAddressesPanel } from '../addresses/LocalAddressesPanel.tsx';
import { formOf } from '../welcome/form-of.ts';

export interface AccountsScreenProps {
  accounts: readonly AccountView[];
  /** Badges are kept (local ones have no account): "Check all badges again" has something to check. */
  hasBadges?: boolean;
  onAdd(): void;
  onAddresses(accountId: string): void;
  onSignInAgain(account: AccountView): void;
  /** After sync, re-verify or sign-out: state and list are stale. */
  onChanged(): void;
  /** Per account, its badges its backpack no longer lists (a sign-out keeps them in this browser); absent while the list is not all there. */
  unlisted?: Readonly<Record<string, number>> | undefined;
  /** Some badges in this browser were kept at a sign-out (BadgeView.movedFrom): its card says so. */
  keptHere?: boolean;
  /** The sign-ins under way (state/get `signIns`): each said, with a way back to its form (busy, with Cancel). */
  signIns?: readonly SignInUnderWay[] | undefined;
  onShowSignIn?(run: SignInUnderWay, form: ReturnType<typeof formOf>): void;
}

export default function AccountsScreen({ accounts, hasBadges = false, onAdd, onAddresses, onSignInAgain, onChanged, unlisted, keptHere = false, signIns, onShowSignIn }: AccountsScreenProps) {
  const { t, actions } = useEnv();
  const [error, setError] = useState<string>();
  // After a sign-out that could not end the session at the provider: said, not hidden.
  const [signedOutNote, setSignedOutNote] = useState<ComponentChildren>();
  // A signed-out account's card goes, with the button that had focus: focus goes to the title.
  const rescue = useFocusRescue(() => document.getElementById('screen-title'));
  const run = async (p: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
    const r = await p;
    setError(!r.ok && r.error ? errorText(t, r.error) : undefined);
    setSignedOutNote(undefined);
    onChanged();
    return r.ok;
  };
  // "Sync now" is busy from the press until the worker says the sync started (then the card shows its
  // progress): pressed, it showed nothing for as long as the request took, and a second press asked again.
  const [starting, setStarting] = useState<ReadonlySet<string>>(new Set());
  const startSync = async (a: AccountView) => {
    if (a.sync.status === 'syncing' || starting.has(a.id)) return;
    setStarting((s) => new Set(s).add(a.id));
    try {
      await run(actions.startSync(a.id));
    } finally {
      setStarting((s) => new Set([...s].filter((id) => id !== a.id)));
    }
  };
  const signOut = async (a: AccountView) => {
    const r = await actions.signOut(a.id);
    await run(Promise.resolve(r));
    // The provider's name, each time the note names it, isolated on its own (ui/Sentence.tsx).
    // Said when it is done too: the card goes with the button that was pressed, focus to the title.
    // The badges its backpack no longer listed stay in this browser (unlisted-keep.ts): then the note
    // says Lanyard forgot the badges it still listed, and counts those kept (not "forgot its badges").
    if (!r.ok) return;
    const key = r.value.revoked === 'revoked' ? 'signOutDone' : r.value.revoked === 'not-offered' ? 'signOutNotRevoked' : 'signOutRevokeFailed';
    const kept = r.value.kept;
    setSignedOutNote(<Sentence text={kept > 0 ? t(`${key}Keeps`, slot(0), kept) : t(key, slot(0))} words={[a.providerName]} />);
  };
  // Checking every badge again takes a while (one request per badge): the button says so and
  // ignores presses until it is done, then the result is announced.
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState(false);
  const [offlineNote, setOfflineNote] = useState(false);
  const checkAll = async () => {
    if (checking) return;
    // Offline, every check would fail to reach its issuer and every badge would lose its settled result.
    const offline = isOffline();
    setOfflineNote(offline);
    if (offline) return;
    setChecking(true);
    setChecked(false);
    const ok = await run(actions.verify());
    setChecking(false);
    setChecked(ok);
  };
  return (
    <section class="accounts-screen" aria-labelledby="screen-title">
      <ScreenTitle>{t('accountsTitle')}</ScreenTitle>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div aria-live="polite">
        {checked ? <Notice kind="success">{t('reverifyDone')}</Notice> : null}
        {offlineNote ? <Notice kind="info">{t('reverifyAllOffline')}</Notice> : null}
        {signedOutNote ? <Notice kind="info">{signedOutNote}</Notice> : null}
      </div>
      {/* A sign-in left running (its popup closed) was said only by its own form, which nothing here led back to. */}
      {signIns?.map((s) => (
        <Notice key={s.id} kind="info">
          {t('accountsSignInUnderWay', hostOf(s.baseUrl))}{' '}
          <button type="button" class="link-button" onClick={() => onShowSignIn?.(s, formOf(s))}>
            {t('accountsSignInShow')}
            <HeardToo text={hostOf(s.baseUrl)} />
          </button>
        </Notice>
      ))}
      {accounts.length === 0 && !signIns?.length ? <p>{t('accountsNone')}</p> : null}
      <ul class="cards">
        {accounts.map((a) => {
          const who = whoOf(a);
          // Every card has the same buttons: each one's name ends with the card's account, heard and not
          // seen ("Sign out for Canvas Credentials (ada@example.org)"), as the address cards do (WCAG 2.4.6).
          const about = <HeardToo text={who ? t('accountCardAbout', a.providerName, who) : t('accountCardAboutName', a.providerName)} />;
          return (
          <li key={a.id} class="card">
            <h3>{a.kind === 'local' ? t('accountLocal') : a.providerName}</h3>
            <p class="muted small">{a.kind === 'local' ? t(keptHere ? 'accountLocalTextKept' : 'accountLocalText') : <WhoLine account={a} />}</p>
            <SyncLine account={a} />
            {a.needsSignIn ? (
              <Notice kind="error">
                {t('accountNeedsSignIn')}{' '}
                <button type="button" class="link-button" onClick={() => onSignInAgain(a)}>
                  {t('accountSignInAgain')}
                  {about}
                </button>
              </Notice>
            ) : null}
            {a.kind !== 'local' ? (
              <div class="button-row">
                {/* Signed out: syncing cannot work until "Sign in again" above. */}
                {a.needsSignIn ? null : (
                  <button type="button" class="button small" onClick={() => void startSync(a)} {...offWhile(a.sync.status === 'syncing' || starting.has(a.id))} aria-busy={starting.has(a.id)}>
                    {t('syncNow')}
                    {about}
                  </button>
                )}
                {a.kind === 'badgr' ? (
                  <button type="button" class="button small" onClick={() => onAddresses(a.id)}>
                    {t('addressesButton')}
                    {about}
                  </button>
                ) : null}
                <ConfirmButton class="button small" label={t('signOut')} question={unlisted?.[a.id] ? t('signOutConfirmKeeps', unlisted[a.id]!) : t('signOutConfirm')} confirmLabel={t('signOut')} about={about} onConfirm={() => {
                    rescue();
                    void signOut(a);
                  }} />
              </div>
            ) : null}
          </li>
          );
        })}
      </ul>
      <div class="button-row">
        <button type="button" class="button primary" onClick={onAdd}>
          {t('addAccountTitle')}
        </button>
        {/* No account and no badge: nothing to check (the button did nothing). Badges kept in this
            browser only have no account, and are checked too. */}
        {accounts.length || hasBadges ? (
          <button type="button" class="button" onClick={() => void checkAll()} {...offWhile(checking)} aria-busy={checking}>
            {checking ? t('reverifying') : t('reverifyAll')}
          </button>
        ) : null}
      </div>
      {/* "Just this browser" has no backpack to list its addresses: the user types them (never verified). */}
      <LocalAddressesPanel onChanged={onChanged} />
    </section>
  );
}

/** Who the account is, under its name: a backpack on its own server is named by its host, and an account without a profile by its host too: the line does not repeat it. */
function whoParts(a: AccountView): string[] {
  const host = hostOf(a.baseUrl);
  return [...new Set([a.user, host === a.providerName ? '' : host].filter(Boolean))];
}
const whoOf = (a: AccountView): string => whoParts(a).join(' · ');

/** The same line drawn: each part isolated, the user as an address and the host as its domain (ui/Address.tsx: wraps at an "@" or before a dot, never after a hyphen). */
function WhoLine({ account: a }: { account: AccountView }) {
  return <>{whoParts(a).map((part, i) => [i ? ' · ' : '', <bdi key={i} dir="auto">{part === a.user ? <Address value={part} /> : <Host value={part} />}</bdi>])}</>;
}

function SyncLine({ account: a }: { account: AccountView }) {
  const { t, locale, now } = useEnv();
  const s = a.sync;
  if (s.status === 'syncing' || s.status === 'verifying') {
    const label = progressLabel(t, s.status === 'verifying', s.done, s.total);
    return (
      <div class="sync-line">
        <span class="small">{label}</span>
        <ProgressBar label={label} done={s.done} total={s.total} />
      </div>
    );
  }
  const ago = formatAgo(s.lastSyncedAt, now(), locale);
  return (
    <>
      {a.kind !== 'local' ? <p class="small">{ago ? t('syncedAgo', ago) : t('neverSynced')}</p> : null}
      {/* A signed-out account's notice says why it stopped: "Last sync failed" would say it again. */}
      {/* Quiet (no role=alert): the status bar says each new failure once, on this screen too
          (sync-announce.ts); an alert here said it again, said every failure shown as the screen
          opened, and said it anew each time its "in 15 minutes" turned to "in 14". */}
      {s.status === 'error' && s.error && !a.needsSignIn ? (
        <Notice kind="error" quiet>
          {syncFailureText(t, a.providerName, { error: s.error, retryAt: s.retryAt }, now(), locale, (error) => t('syncFailed', error))}
        </Notice>
      ) : null}
    </>
  );
}
