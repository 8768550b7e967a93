/**
 * A sign-in the user may cancel while it waits (a backpack whose token endpoint or first answer
 * hangs): Cancel aborts it in the background (accounts/sign-in-cancel: its requests aborted,
 * nothing of it kept) and gives the form back at once, focus on `focusBack`'s field, no error
 * shown. A sign-in that finished before the cancel reached it was stored whole: its success stands.
 *
 * The background says each sign-in under way (state/get `signIns`, which the popup reads again
 * while one runs): the form's own, whose phase it says (`finishing-sign-out` only while it waits for
 * a sign-out of the same account), or one a popup closed since started (the provider's window took
 * focus, the user clicked away). That one the form joins: busy, with Cancel, until its reply
 * (accounts/sign-in-wait), answered as the form's own would be. Before, a popup opened again showed
 * the form idle, and a second sign-in could be started.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Reply, SignInRequest, SignInUnderWay } from '../../messaging/protocol.ts';
import type { AccountView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { useFocusRescue } from '../ui/focus-rescue.ts';

export interface SignInHooks {
  /** Where focus goes when the form is given back by Cancel. */
  focusBack(): void;
  /**
   * The sign-ins under way to this form's kind of backpack, as the background said them last. While the form
   * waits for one (its own, or joined), only that one's (by its backpack) is read: another popup's to another
   * backpack may be listed first, and its phase was said as the form's own.
   */
  runs?: readonly SignInUnderWay[] | undefined;
  /**
   * The backpack the form was opened on (the accounts screen's 'Show the sign-in', 'Sign in again'): its sign-in
   * under way is the one joined, not the first listed of this form's (two to two Badgr servers run at once).
   */
  prefer?: string | undefined;
  /** Just sent: the popup reads the state again, and keeps reading it while the sign-in runs. */
  onStarted?(): void;
  /** A sign-in another popup started is joined: the form shows what it signs in to. */
  onJoined?(run: SignInUnderWay): void;
  /** Its reply (not when cancelled), to be answered as the form's own. */
  onJoinedReply?(reply: Reply<AccountView>, run: SignInUnderWay): void;
}

export function useSignIn({ focusBack, runs, prefer, onStarted, onJoined, onJoinedReply }: SignInHooks) {
  const { actions, t } = useEnv();
  const [busy, setBusy] = useState(false);
  /** The sign-in this form waits for that another popup started. */
  const [joined, setJoined] = useState<SignInUnderWay>();
  /** Each sign-in's number; a cancel moves it on, so the cancelled one's failure is not shown. */
  const current = useRef(0);
  /** The runs this form has met (its own, or joined): never joined (again) once over. */
  const met = useRef(new Set<string>());
  /** Whether the form waits for its own sign-in, or one it joined, now (not as of a render: effects run late). */
  const waiting = useRef<'own' | 'joined' | undefined>(undefined);
  /**
   * The form's own sign-in just ended without the state having shown it: a state read before its
   * end may still list it, as if another were under way. Its backpack, for a few seconds.
   */
  const ownEnded = useRef<{ baseUrl: string; until: number } | undefined>(undefined);
  const sawOwn = useRef(false);
  /** The backpack of the sign-in the form waits for (its own, or the one it joined): Cancel ends that one only. */
  const at = useRef<string | undefined>(undefined);
  /** Its kind (the joined one's Cancel names it too): a Badgr and an OB 3.0 sign-in, or an OB 3.0 and a Badge Connect one, to one server run at once. */
  const kindAt = useRef<SignInUnderWay['kind'] | undefined>(undefined);
  /** The form's own sign-in's id (SignInRequest `attempt`): its Cancel ends it even when sent before it reached the worker. */
  const attempt = useRef<string | undefined>(undefined);
  const waitedFor = waiting.current && at.current !== undefined ? trimmed(at.current) : undefined;
  // Else one to join: the backpack its last sign-in was refused for first (ERR_SIGN_IN_UNDER_WAY), or the one it was opened on, then any not met.
  const last = at.current !== undefined ? trimmed(at.current) : prefer !== undefined ? trimmed(prefer) : undefined;
  const unmet = runs?.filter((r) => !met.current.has(r.id));
  // The one waited for by its backpack and kind: the other kind's run to the same server has its own phase.
  const running = waitedFor !== undefined ? runs?.find((r) => trimmed(r.baseUrl) === waitedFor && r.kind === kindAt.current) : (unmet?.find((r) => trimmed(r.baseUrl) === last) ?? unmet?.[0]);
  const hooks = useRef({ onJoined, onJoinedReply });
  hooks.current = { onJoined, onJoinedReply };

  // Ended by itself (an answer, not Cancel), its Cancel button goes: focus on it moves to the submit button, not to the page's body.
  const submit = useRef<HTMLButtonElement>(null);
  const rescue = useFocusRescue(() => submit.current);
  /**
   * The fields are off while it runs (what they say is what it signs in with): a field that had focus (Enter
   * pressed in the password) would leave it on the page's body, so it goes to Cancel, the one thing to do then.
   */
  const cancelButton = useRef<HTMLButtonElement>(null);
  const toCancel = useRef(false);
  useEffect(() => {
    if (!busy || !toCancel.current) return;
    toCancel.current = false;
    cancelButton.current?.focus();
  }, [busy]);

  const end = (id: number, r: Reply<AccountView>): Reply<AccountView> | undefined => {
    if (id !== current.current) return r.ok ? r : undefined;
    waiting.current = undefined;
    rescue();
    setBusy(false);
    setJoined(undefined);
    // Refused as one ran already (started from another popup or tab): the run it met is that one, to be joined.
    if (!r.ok && r.error.code === 'ERR_SIGN_IN_UNDER_WAY') met.current.clear();
    if (!r.ok && r.error.code === 'ERR_CANCELLED') {
      focusBack();
      return undefined;
    }
    return r;
  };

  useEffect(() => {
    if (!running || met.current.has(running.id)) return;
    met.current.add(running.id);
    // The form's own (it waits from the click on): only its phase is read.
    if (waiting.current) {
      // Those listed beside it then are not joined once it is over, as before (never its own backpack's phase, though).
      if (waiting.current === 'own') for (const r of runs ?? []) met.current.add(r.id);
      if (waiting.current === 'own') sawOwn.current = true;
      return;
    }
    const ended = ownEnded.current;
    ownEnded.current = undefined;
    if (ended && ended.baseUrl === trimmed(running.baseUrl) && Date.now() < ended.until) return;
    const run = running;
    const id = ++current.current;
    waiting.current = 'joined';
    at.current = run.baseUrl;
    kindAt.current = run.kind;
    setBusy(true);
    setJoined(run);
    hooks.current.onJoined?.(run);
    void actions.waitSignIn(run.baseUrl, run.kind).then((r) => {
      // Over between the state's answer and this question: nothing to say, the state shows how it ended.
      if (!r.ok && r.error.code === 'ERR_NOT_FOUND') {
        if (id === current.current) {
          waiting.current = undefined;
          setBusy(false);
          setJoined(undefined);
        }
        return;
      }
      const out = end(id, r);
      if (out) hooks.current.onJoinedReply?.(out, run);
    });
  }, [running?.id, busy]);

  const phase = busy ? running?.phase : undefined;
  return {
    busy,
    /** The form's submit button (it stays while Cancel comes and goes). */
    submit,
    /** Its Cancel button, there while busy. */
    cancelButton,
    /** What the live region beside the buttons says while it runs ('' otherwise). */
    status: phase === 'finishing-sign-out' ? t('signInFinishingSignOut') : joined ? t('signInUnderWay', hostOf(joined.baseUrl)) : '',
    /** The reply, or undefined when the user cancelled it. Sends first thing: the host permission prompt needs the click's gesture. */
    async signIn(request: SignInRequest): Promise<Reply<AccountView> | undefined> {
      const from = document.activeElement;
      toCancel.current = !!from && from !== submit.current && !!submit.current?.form?.contains(from);
      attempt.current = crypto.randomUUID();
      const reply = actions.signIn({ ...request, attempt: attempt.current });
      const id = ++current.current;
      waiting.current = 'own';
      at.current = request.baseUrl;
      kindAt.current = request.kind;
      sawOwn.current = false;
      setBusy(true);
      setJoined(undefined);
      onStarted?.();
      const r = await reply;
      // Refused as one ran already: that one is another's, to be joined (never its own).
      const under = !r.ok && r.error.code === 'ERR_SIGN_IN_UNDER_WAY';
      if (id === current.current) ownEnded.current = sawOwn.current || under ? undefined : { baseUrl: trimmed(request.baseUrl), until: Date.now() + OWN_ECHO_MS };
      return end(id, r);
    },
    cancel(): void {
      // Its own: named by its id (the host permission prompt may still hold it back); one joined: by its backpack and kind.
      const own = waiting.current === 'own' ? attempt.current : undefined;
      const kind = waiting.current === 'joined' ? kindAt.current : undefined;
      // A state read before the cancel reached the worker may list it still: not a sign-in to join (which turned the form busy again, its fields off as focus went back to them).
      if (own !== undefined && at.current !== undefined && !sawOwn.current) ownEnded.current = { baseUrl: trimmed(at.current), until: Date.now() + OWN_ECHO_MS };
      current.current++;
      waiting.current = undefined;
      setBusy(false);
      setJoined(undefined);
      void actions.cancelSignIn(at.current, own, kind);
      focusBack();
    },
  };
}

/** How long a state read before the form's own sign-in ended may still list it. */
const OWN_ECHO_MS = 3000;
const trimmed = (url: string): string => url.replace(/\/+$/, '');

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};
