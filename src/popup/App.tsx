/**
 * The popup: a view over `actions` (DESIGN.md "The extension"). It holds the screen stack, the
 * list's query (kept while you look at a badge) and hands each screen what it needs.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountView, BadgeView } from '../messaging/views.ts';
import type { ImportedView, SignInUnderWay } from '../messaging/protocol.ts';
import type { ImportRun } from './badge/added-sentence.tsx';
import type { WelcomeMode } from './welcome/WelcomeScreen.tsx';
import type { FilesScreen, PopupActions } from './actions.ts';
import { EnvContext, useEnv, type PopupEnv } from './env.ts';
import type { Translate } from './i18n.ts';
import { EMPTY_QUERY, issuerNames, type ListQuery } from './list/filter.ts';
import { ListScreen } from './list/ListScreen.tsx';
import { AccountsScreen, AddressesScreen, BadgeScreen, GuideScreen, ImportScreen, SettingsScreen, ShareScreen, WelcomeScreen, type Route } from './routes.ts';
import { ErrorState } from './ui/ErrorState.tsx';
import { Loading } from './ui/Loading.tsx';
import { ScreenBoundary } from './ui/ScreenBoundary.tsx';
import { SiteAccess } from './ui/SiteAccess.tsx';
import { Header, type NavTarget } from './ui/Header.tsx';
import { useEscapeBack } from './ui/escape-back.ts';
import { Footer, StatusBar } from './ui/StatusBar.tsx';
import { useOnline } from './ui/online.ts';
import { afterPaint, usePopupData } from './use-popup-data.ts';
import { viewToSave, type Resumed, type SavedView } from './resume.ts';
import { SIGN_IN_DRAFTS, type DraftStore } from './drafts.ts';

export interface AppProps {
  actions: PopupActions;
  t: Translate;
  locale?: string;
  /** The reader's languages for a badge's texts (PopupEnv); default: the UI locale alone. */
  languages?: readonly string[];
  now?: () => number;
  /** The screen to open on, over the list (the page opened in a tab to pick files: `?open=`). */
  start?: FilesScreen;
  /** Where the popup was when it last closed, less than ten minutes ago (resume.ts); `start` goes first. */
  resume?: Resumed;
  /** Keeps where the popup is, at each move, for `resume` the next time it opens. */
  remember?(view: SavedView): void;
  /** What was typed in the forms, kept while the popup is closed (drafts.ts). */
  drafts?: DraftStore;
}

export function App({ actions, t, locale = 'en', languages, now = Date.now, start, resume, remember, drafts }: AppProps) {
  const env = useMemo<PopupEnv>(() => ({ actions, t, locale, ...(languages ? { languages } : {}), now, ...(drafts ? { drafts } : {}) }), [actions, t, locale, languages, now, drafts]);
  return (
    <EnvContext.Provider value={env}>
      <Shell start={start} resume={start ? undefined : resume} remember={remember} />
    </EnvContext.Provider>
  );
}

/**
 * The screen a tab opened to pick files starts on (main.tsx `?open=`). Settings opens in a tab
 * only for "Import backup…" (src/popup/settings/BackupPanel.tsx): at its Backup section, as
 * "Restore from a Lanyard backup file" opens it, not at the top with the section out of view.
 */
const startRoute = (start: FilesScreen): Route => (start === 'settings' ? { name: 'settings', backup: true } : { name: start });

function Shell({ start, resume, remember }: Pick<AppProps, 'start' | 'resume' | 'remember'>) {
  const { actions, t, locale, languages, now, drafts } = useEnv();
  const data = usePopupData(actions, t, languages ?? locale);
  const online = useOnline();
  const [stack, setStack] = useState<Route[]>(() => (start ? [{ name: 'list' }, startRoute(start)] : resume ? resumedStack(resume.stack, drafts) : [{ name: 'list' }]));
  const [query, setQuery] = useState<ListQuery>(resume?.query ?? EMPTY_QUERY);
  // The popup closes whenever focus leaves it: where it is now is where it opens next (resume.ts).
  useEffect(() => remember?.(viewToSave(stack, query, now())), [stack, query, remember, now]);
  const [active, setActive] = useState(0);
  const [version, setVersion] = useState<string>();
  const listRef = useRef<HTMLDivElement>(null);
  const route = stack[stack.length - 1] ?? { name: 'list' };
  // Opening on the list counts as arriving there: focus goes to the search box while the list loads (and
  // stays there: typing searches, ArrowDown goes into the list), not to the page's body, which left a
  // keyboard user Tabbing past the header first. Opening on another screen (resumed) lets it place focus.
  const previous = useRef<string>(route.name === 'list' ? '' : route.name);

  // The footer's version, asked once the first state reply is in and the first screen is painted:
  // the ping does not queue in the worker ahead of (or beside) the messages the first screen waits
  // for, and its reply's render (the whole shell: 12 rows diffed again) does not come between the
  // first rows and their frame (issue 14: the reply landed there at 10,000 badges).
  const answered = data.state.status !== 'loading';
  useEffect(() => {
    if (!answered) return;
    let live = true;
    void afterPaint()
      .then(() => (live ? actions.ping() : undefined))
      .then((r) => live && r?.ok && setVersion(r.value.version));
    return () => {
      live = false;
    };
  }, [actions, answered]);
  const state = data.state.status === 'ready' ? data.state.value : undefined;
  const firstRun = !!state && state.accounts.length === 0 && state.badgeCount === 0;
  // The first run's welcome is the home screen: which of its ways is open ("Just this browser" is
  // "Add a badge" there) is kept here, so that "+" opens it in place (nav) and says when it is open.
  const [welcomeMode, setWelcomeMode] = useState<WelcomeMode>();
  useEffect(() => {
    if (state && !firstRun) setWelcomeMode(undefined);
  }, [state, firstRun]);
  const addingFirst = firstRun && route.name === 'list' && welcomeMode === 'local';
  // Back on the list, focus returns to it (and so to the badge that was open); after the first
  // run's sign-in the welcome, which held focus, gives way to the list in place. Until
  // the list is there focus waits on the search box (loading) or on "Getting your badges…" (the
  // first sync), and when that heading goes, the list that replaces it takes focus.
  const screenName = firstRun && route.name === 'list' ? 'welcome' : route.name;
  const landing = useRef<'arrive' | 'interim' | undefined>(undefined);
  useEffect(() => {
    if (screenName === 'list' && previous.current !== 'list') landing.current = 'arrive';
    previous.current = screenName;
  }, [screenName]);
  useEffect(() => {
    const step = landing.current;
    if (!step) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (step === 'interim' && !lost) {
      if (active?.id !== 'empty-title') landing.current = undefined;
      return;
    }
    const target = listRef.current ?? (lost ? document.querySelector<HTMLElement>('main input[type="search"], main #empty-title') : null);
    target?.focus();
    landing.current = listRef.current ? undefined : target ? 'interim' : lost ? step : undefined;
  });

  // Arriving on the list with no badge (the first sync, after the first sign-in), focus is about to
  // land on the empty list's heading, "Getting your badges…", which a screen reader reads: the
  // status bar does not say it a second time. Once focus is on that heading (its words change, and
  // are not read again) or anywhere else, the status bar says a sync that starts.
  const headingSaysSync = screenName === 'list' && state?.badgeCount === 0 && (previous.current !== 'list' || (landing.current !== undefined && document.activeElement?.id !== 'empty-title'));

  // Leaving a page that said "Added …" (the badge page after an import): coming back, it is not said again.
  const go = (r: Route) => setStack([...stack.map((s) => (s.name === 'badge' && s.added ? { name: 'badge' as const, key: s.key } : s)), r]);
  const back = () => setStack(stack.length > 1 ? stack.slice(0, -1) : stack);
  const home = () => setStack([{ name: 'list' }]);
  // Escape is Back wherever the header offers Back (src/popup/ui/escape-back.ts); on the home screen it closes the popup.
  useEscapeBack(stack.length > 1 ? back : undefined);
  const badges = data.badges.status === 'ready' ? data.badges.value : [];
  const done = () => {
    home();
    void data.reload();
  };
  // An imported badge's page says "Added …" where focus lands (BadgeScreen.tsx), whichever screen imported it.
  const opened = (b: ImportedView, stay?: boolean, run?: ImportRun) => {
    // Several added at once (a presentation, a list, files some of which were refused): said on the
    // import screen, which stays. The first run's welcome is the list's screen until a badge is there:
    // reloaded, it would give way to the list and take the answer with it (the popup shows them next time).
    if (stay) {
      if (!firstRun) void data.reload();
      return;
    }
    setStack([{ name: 'list' }, { name: 'badge', key: b.key, added: b.alreadyHeld ? 'again' : 'new', ...(b.heldFrom !== undefined ? { heldFrom: b.heldFrom } : {}), ...(run ? { run } : {}) }]);
    void data.reload();
  };
  // Signing in again to an account whose session ended: its host, and for a password account its e-mail, are filled in.
  const signInAgain = (a: AccountView) => go({ name: 'welcome', mode: a.kind === 'badgr' ? 'badgr' : 'provider', host: a.baseUrl, user: a.kind === 'badgr' ? a.user : undefined });
  // A sign-in under way, from the accounts screen: its form, which joins it (use-sign-in.ts).
  const showSignIn = (s: SignInUnderWay, mode: WelcomeMode) => go({ name: 'welcome', mode, host: s.baseUrl, user: s.username });
  // "Restore from a Lanyard backup file": Settings at its Backup section; where files are picked in a
  // tab (Firefox's panel, actions.openInTab), that tab at once, not the panel's "Import backup…" that opens it.
  const restore = () => (actions.openInTab ? actions.openInTab('settings') : go({ name: 'settings', backup: true }));
  // "+" before any account or badge: the welcome's own "Just this browser", as choosing it does (its
  // heading takes focus), not that screen pushed over it, which only added a Back arrow.
  const nav = (to: NavTarget) => {
    if (to === 'import' && firstRun) {
      setWelcomeMode('local');
      setStack([{ name: 'list' }]);
    } else setStack([{ name: 'list' }, { name: to }]);
  };

  let screen;
  if (data.state.status === 'error' && route.name === 'list') {
    screen = <ErrorState title={t('stateErrorTitle')} error={data.state.error} onRetry={() => void data.reload()} />;
  } else if ((route.name === 'accounts' || route.name === 'guide' || route.name === 'addresses') && data.state.status !== 'ready') {
    // What these say comes from the accounts: before the state's first reply (a popup reopened on one of
    // them) they said "No backpack connected yet" and "You are not signed in", and went on saying it when
    // the state could not be read.
    screen = data.state.status === 'loading' ? <Loading /> : <ErrorState title={t('accountsErrorTitle')} error={data.state.error} onRetry={() => void data.reload()} />;
  } else if (route.name === 'list') {
    screen = firstRun ? (
      <WelcomeScreen firstRun mode={welcomeMode} onMode={setWelcomeMode} onDone={done} onImported={opened} onRestore={restore} signIns={state?.signIns} onSigningIn={data.watch} />
    ) : (
      <ListScreen badges={data.badges} partial={data.partial} accounts={state?.accounts ?? []} syncing={!!state?.accounts.some((a) => a.sync.status === 'syncing')} expected={state?.badgeCount ?? 6} query={query} onQuery={setQuery} active={active} onActive={setActive} onOpen={(b: BadgeView) => go({ name: 'badge', key: b.key })} onImport={() => go({ name: 'import' })} onConnect={() => go({ name: 'welcome' })} onGuide={() => go({ name: 'guide' })} onRetry={() => void data.reload()} listRef={listRef} />
    );
  } else if (route.name === 'badge') {
    screen = <BadgeScreen badgeKey={route.key} accounts={state?.accounts} added={route.added} heldFrom={route.heldFrom} run={route.run} onShare={(key) => go({ name: 'share', key })} onAddresses={(accountId) => go({ name: 'addresses', accountId })} onGuide={() => go({ name: 'guide' })} onChanged={() => void data.reload()} onRemoved={done} />;
  } else if (route.name === 'share') {
    screen = <ShareScreen badgeKey={route.key} settings={state?.settings} onEditOrgIds={(issuer) => go({ name: 'settings', orgIds: true, issuer })} onChanged={() => void data.reload()} onGone={done} />;
  } else if (route.name === 'welcome') {
    screen = <WelcomeScreen firstRun={false} initialMode={route.mode} initialHost={route.host} initialUser={route.user} onDone={done} onImported={opened} onRestore={restore} signIns={state?.signIns} onSigningIn={data.watch} />;
  } else if (route.name === 'import') {
    screen = <ImportScreen onImported={opened} />;
  } else if (route.name === 'accounts') {
    screen = <AccountsScreen accounts={state?.accounts ?? []} hasBadges={badges.length > 0} keptHere={badges.some((b) => b.accountId === 'local' && !!b.movedFrom)} unlisted={data.partial || data.badges.status !== 'ready' ? undefined : unlistedByAccount(badges)} onAdd={() => go({ name: 'welcome' })} onAddresses={(accountId) => go({ name: 'addresses', accountId })} onSignInAgain={signInAgain} onChanged={() => void data.reload()} signIns={state?.signIns} onShowSignIn={showSignIn} />;
  } else if (route.name === 'addresses') {
    const account = state?.accounts.find((a) => a.id === route.accountId);
    screen = <AddressesScreen account={account} accountId={route.accountId} badges={badges} onSync={() => void actions.startSync(route.accountId).then(data.refreshState)} />;
  } else if (route.name === 'guide') {
    screen = (
      <GuideScreen
        accounts={state?.accounts ?? []}
        badges={badges}
        onSync={(accountId) => void actions.startSync(accountId).then(data.refreshState)}
        onSignIn={() => go({ name: 'welcome' })}
        onImported={() => void data.reload()}
      />
    );
  } else {
    screen = <SettingsScreen settings={state?.settings} issuers={issuerNames(badges, locale)} accounts={state?.accounts} focusOrgIds={route.orgIds} orgIdsIssuer={route.issuer} focusBackup={route.backup} loading={data.state.status === 'loading'} onRetry={() => void data.reload()} onChanged={() => void data.reload()} />;
  }

  return (
    <div class="shell">
      <Header onBack={stack.length > 1 ? back : undefined} onNav={nav} showNav current={addingFirst ? 'import' : route.name === 'import' || route.name === 'guide' || route.name === 'accounts' || route.name === 'settings' ? route.name : undefined} />
      <StatusBar state={state} online={online} onSignInAgain={signInAgain} quietStart={headingSaysSync} showFailures={route.name !== 'accounts'} />
      {/* On the home screen only: a site taken back (about:addons) is said at each open, not on every screen. */}
      {route.name === 'list' ? <SiteAccess /> : null}
      <main class={`content content-${firstRun && route.name === 'list' ? 'welcome' : route.name}`}>
        {/* Keyed by the stack, so moving to another screen (or back) starts it afresh. */}
        <ScreenBoundary key={`${stack.length}:${route.name}`} screen={route.name} onBack={stack.length > 1 ? back : () => void data.reload()}>
          {screen}
        </ScreenBoundary>
      </main>
      <Footer version={version} />
    </div>
  );
}


/** The stack kept, but a form only while what was typed in it is kept too (drafts.ts): else the list. */
function resumedStack(stack: Route[], drafts: DraftStore | undefined): Route[] {
  const top = stack[stack.length - 1];
  if (top?.name === 'import') return drafts?.get('import') ? stack : [{ name: 'list' }];
  if (top?.name === 'welcome') return SIGN_IN_DRAFTS.some((f) => f === drafts?.last()) ? stack : [{ name: 'list' }];
  return stack;
}

/** Per account, how many of its badges its backpack no longer lists (what a sign-out keeps: AccountsScreen's question). */
function unlistedByAccount(badges: readonly BadgeView[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of badges) if (b.unlisted && b.accountId !== 'local') out[b.accountId] = (out[b.accountId] ?? 0) + 1;
  return out;
}
