/**
 * First run (and "add a backpack" later): one sentence about Lanyard, then the ways in — Canvas
 * Credentials (Badgr), Parchment, an Open Badges 3.0 / Badge Connect provider, or the local
 * backpack with a file or a pasted link.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ImportedView, SignInUnderWay } from '../../messaging/protocol.ts';
import { formOf } from './form-of.ts';
import type { ImportRun } from '../badge/added-sentence.tsx';
import { useEnv } from '../env.ts';
import type { MessageKey } from '../i18n.ts';
import { markReady } from '../list/ready.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { useEscapeBack } from '../ui/escape-back.ts';
import { useFocusRescue } from '../ui/focus-rescue.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { SignInForm } from './SignInForm.tsx';
import { SIGN_IN_DRAFTS, type DraftForm } from '../drafts.ts';

export type WelcomeMode = 'choose' | 'badgr' | 'parchment' | 'provider' | 'local';

const OPTIONS: { mode: Exclude<WelcomeMode, 'choose'>; title: MessageKey; text: MessageKey }[] = [
  { mode: 'badgr', title: 'welcomeBadgr', text: 'welcomeBadgrText' },
  { mode: 'parchment', title: 'welcomeParchment', text: 'welcomeParchmentText' },
  { mode: 'provider', title: 'welcomeProvider', text: 'welcomeProviderText' },
  { mode: 'local', title: 'welcomeLocal', text: 'welcomeLocalText' },
];

export interface WelcomeScreenProps {
  firstRun: boolean;
  initialMode?: WelcomeMode;
  /** The backpack to sign in to again (an account that needs it). */
  initialHost?: string;
  /** The e-mail of that account (password sign-in). */
  initialUser?: string;
  /** After a sign-in: reload and show the list. */
  onDone(): void;
  /** After an import: its page, which says it was added, as "Add a badge" does (ImportScreen.tsx). */
  onImported(badge: ImportedView, stay?: boolean, run?: ImportRun): void;
  /** To settings, where a backup file is imported. */
  onRestore(): void;
  /** The way open, when the popup holds it (the first run's, which "+" opens: App.tsx); else the screen's own. */
  mode?: WelcomeMode;
  /** Told the way open at the start and at each change, with `mode`. */
  onMode?(mode: WelcomeMode): void;
  /** The sign-ins under way in the background (state/get): the form of each shows it busy, with Cancel. */
  signIns?: readonly SignInUnderWay[] | undefined;
  /** A form sent a sign-in: the popup reads the state while it runs (its phase). */
  onSigningIn?(): void;
}

export default function WelcomeScreen({ firstRun, initialMode, initialHost, initialUser, onDone, onImported, onRestore, mode: held, onMode, signIns, onSigningIn }: WelcomeScreenProps) {
  const { t, drafts } = useEnv();
  // Closed while typing in a sign-in form (or, on the first run, a badge's link): it opens there again (drafts.ts).
  const [own, setOwn] = useState<WelcomeMode>(() => held ?? initialMode ?? draftMode(drafts?.last(), firstRun));
  const mode = held ?? own;
  const setMode = (m: WelcomeMode) => {
    setOwn(m);
    onMode?.(m);
  };
  // Told as the screen is drawn (a layout effect: a passive one could run after a first click on "+").
  useLayoutEffect(() => {
    if (held === undefined) onMode?.(own);
  }, []);
  const [host, setHost] = useState<string | undefined>(initialHost);
  useLayoutEffect(markReady, []);
  // "Other ways to start" goes with the form: focus returns to the way that was chosen (WCAG 2.4.3).
  const list = useRef<HTMLUListElement>(null);
  const chosen = useRef<WelcomeMode>('choose');
  const rescue = useFocusRescue(() => list.current?.querySelector<HTMLElement>(`[data-mode="${chosen.current}"]`));
  // A sign-in under way when the popup opens on the ways in (it closed on another screen): its form
  // opens, busy, once per sign-in ("Other ways to start" then stays there).
  const first = signIns?.[0];
  const opened = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!first || opened.current === first.id) return;
    opened.current = first.id;
    if (mode === 'choose') setMode(formOf(first));
  }, [first?.id]);
  const runs = signIns?.filter((r) => formOf(r) === mode);
  // "Other ways to start" is this screen's Back: Escape presses it before the header's (escape-back.ts),
  // on the first run's home too, where no header Back is shown.
  const otherWays = () => {
    chosen.current = mode;
    rescue();
    setMode('choose');
  };
  useEscapeBack(mode === 'choose' ? undefined : otherWays, 1);

  if (mode === 'choose') {
    return (
      <section class="welcome" aria-labelledby="screen-title">
        {/* Focused as the screen opens (the first run's home too); back from a form, the way that was chosen is (rescue). */}
        <ScreenTitle key="choose" focus={chosen.current === 'choose'}>{firstRun ? t('welcomeTitle') : t('addAccountTitle')}</ScreenTitle>
        {firstRun ? <p class="lead">{t('welcomeLead')}</p> : null}
        <ul class="choices" ref={list}>
          {OPTIONS.map((o) => (
            <li key={o.mode}>
              <button type="button" class="choice" data-mode={o.mode} onClick={() => setMode(o.mode)}>
                <strong>{t(o.title)}</strong>
                <span>{t(o.text)}</span>
              </button>
            </li>
          ))}
        </ul>
        <p class="small">
          <button type="button" class="link-button" onClick={onRestore}>
            {t('welcomeRestore')}
          </button>
        </p>
      </section>
    );
  }
  const title = OPTIONS.find((o) => o.mode === mode)?.title ?? 'welcomeTitle';
  return (
    <section class="welcome" aria-labelledby="screen-title">
      <button type="button" class="link-button back-link" onClick={otherWays}>
        {t('welcomeOtherWays')}
      </button>
      {/* Keyed by the way: a new title each time, so it takes focus each time (Preact would reuse the choices' one). */}
      <ScreenTitle key={mode}>{t(title)}</ScreenTitle>
      {mode === 'badgr' || mode === 'parchment' ? <SignInForm key={`${mode}-${host ?? ''}`} service={mode} initialHost={host} initialUser={host === initialHost ? initialUser : undefined} onSignedIn={onDone} runs={runs} onStarted={onSigningIn} /> : null}
      {mode === 'provider' ? (
        <ProviderForm
          initialUrl={host}
          onSignedIn={onDone}
          runs={runs}
          onStarted={onSigningIn}
          onUsePassword={(h) => {
            setHost(h);
            setMode('badgr');
          }}
        />
      ) : null}
      {mode === 'local' ? (
        <>
          <p>{t('welcomeLocalText')}</p>
          <ImportPanel onImported={onImported} />
        </>
      ) : null}
    </section>
  );
}

/** The form a kept draft belongs to; the welcome's own "Just this browser" only on the first run, where it is "Add a badge". */
function draftMode(form: DraftForm | undefined, firstRun: boolean): WelcomeMode {
  if (form === 'import') return firstRun ? 'local' : 'choose';
  return SIGN_IN_DRAFTS.find((f) => f === form) ?? 'choose';
}
