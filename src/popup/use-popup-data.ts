/**
 * The popup's data: the background's state and the badge list, each loading, ready or failed.
 * While an account syncs or re-verifies, the state is polled so the progress bar moves, and the
 * list is reloaded once it finishes (the protocol has no push from the background).
 *
 * The list loads in two steps so the first screen paints at once whatever the cache holds: the
 * newest screenful (the database reads only those), then, after that frame is painted, the rest.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError, StateReply } from '../messaging/protocol.ts';
import type { BadgeView } from '../messaging/views.ts';
import type { PopupActions } from './actions.ts';
import { accountForDisplay, viewForDisplay } from './display.ts';
import type { Translate } from './i18n.ts';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ReplyError };

export interface PopupData {
  state: Loadable<StateReply>;
  badges: Loadable<BadgeView[]>;
  /** The badges shown are only the first screen; the rest is on its way. */
  partial: boolean;
  /** Reloads state and badges (after sign-in, import, sign-out…). */
  reload(): Promise<void>;
  refreshState(): Promise<void>;
  /** Reads the state now and for WATCH_MS (and on while it says a sign-in runs): a sign-in was just sent. */
  watch(): void;
}

const POLL_MS = 700;
/**
 * After an action (sync now, sign-in, check again…) the state is watched this long even if no
 * job shows yet: the background starts a sync without waiting (sync.start), so the reply to the
 * reload can predate it, and a sync that failed at once (an ended session) was never seen.
 */
const WATCH_MS = 4000;
/** A scheduled retry this close: the state is read every RETRY_POLL_MS so its outcome shows. */
const RETRY_WINDOW_MS = 120_000;
const RETRY_POLL_MS = 3000;
/** The first screen: more rows than the popup shows, so a first scroll finds them. */
export const FIRST_SCREEN = 20;

/**
 * Resolves after the next frame is painted (or at once where nothing paints), one task after the
 * first screen's `lanyard-ready` mark (list/ready.ts, the same frame's timeout): asking for the
 * rest of the list first put the request's work (5 ms with 7 badges, measured in a Chromium trace)
 * between the painted frame and the mark that says it was painted.
 */
export const afterPaint = () =>
  new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 0), 0)) : setTimeout(resolve, 0)));

export const isBusy = (state: StateReply | undefined) => !!state?.accounts.some((a) => a.sync.status === 'syncing' || a.sync.status === 'verifying');

const retrySoon = (state: StateReply | undefined, now: number) =>
  !!state?.accounts.some((a) => {
    const at = a.sync.status === 'error' && a.sync.retryAt ? Date.parse(a.sync.retryAt) : NaN;
    return at - now < RETRY_WINDOW_MS && now - at < RETRY_WINDOW_MS;
  });

/** What a finished sync changes: a new value here (not busy) means the list may have changed. */
const syncMark = (state: StateReply | undefined) => state?.accounts.map((a) => `${a.id}:${a.sync.status}:${a.sync.lastSyncedAt ?? ''}`).join('|');

export function usePopupData(actions: PopupActions, t: Translate, languages?: string | readonly string[]): PopupData {
  const [state, setState] = useState<Loadable<StateReply>>({ status: 'loading' });
  const [badges, setBadges] = useState<Loadable<BadgeView[]>>({ status: 'loading' });
  const [partial, setPartial] = useState(false);
  const live = useRef(true);
  const wasBusy = useRef(false);
  const lastMark = useRef<string | undefined>(undefined);
  const wasSigningIn = useRef(false);
  const watchUntil = useRef(0);
  /** Each load's number: an answer to an older load is dropped. */
  const generation = useRef(0);

  const loadBadges = useCallback(async () => {
    const gen = ++generation.current;
    const current = () => live.current && gen === generation.current;
    const first = await actions.listBadges(FIRST_SCREEN);
    if (!current()) return;
    if (!first.ok) {
      setBadges({ status: 'error', error: first.error });
      return;
    }
    const more = first.value.length >= FIRST_SCREEN;
    setBadges({ status: 'ready', value: first.value.map((b) => viewForDisplay(b, t, languages)) });
    setPartial(more);
    if (!more) return;
    await afterPaint();
    if (!current()) return;
    const all = await actions.listBadges();
    if (!current()) return;
    // The first screen stays if the rest fails: a reload (retry) asks again.
    if (all.ok) setBadges({ status: 'ready', value: all.value.map((b) => viewForDisplay(b, t, languages)) });
    else console.warn('[lanyard] the full badge list failed', all.error);
    setPartial(false);
  }, [actions, t, languages]);

  const refreshState = useCallback(async () => {
    const r = await actions.getState();
    if (live.current) setState(r.ok ? { status: 'ready', value: { ...r.value, accounts: r.value.accounts.map(accountForDisplay) } } : { status: 'error', error: r.error });
  }, [actions]);

  const load = useCallback(async () => {
    await Promise.all([refreshState(), loadBadges()]);
  }, [refreshState, loadBadges]);
  const watch = useCallback(() => {
    watchUntil.current = Date.now() + WATCH_MS;
    void refreshState();
  }, [refreshState]);
  const reload = useCallback(async () => {
    watchUntil.current = Date.now() + WATCH_MS;
    await load();
  }, [load]);

  // A layout effect, so the first load's messages go out while the first render commits, not
  // after its frame is painted (when a plain effect would run): the background answers while
  // the page paints its first frame.
  useLayoutEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
  }, [load]);

  const value = state.status === 'ready' ? state.value : undefined;
  useEffect(() => {
    const busy = isBusy(value);
    const mark = syncMark(value);
    // A job ended (seen running, or run whole between two reads): the list may have changed.
    if (!busy && (wasBusy.current || (lastMark.current !== undefined && mark !== lastMark.current))) void loadBadges();
    wasBusy.current = busy;
    if (mark !== undefined) lastMark.current = mark;
    const now = Date.now();
    // A sign-in under way in the background (the popup closed on it and opened again): read until it
    // ends, then WATCH_MS more, for the account it stores just after and the sync it starts.
    const signingIn = !!value?.signingIn || !!value?.signIns?.length;
    if (wasSigningIn.current && !signingIn) watchUntil.current = now + WATCH_MS;
    wasSigningIn.current = signingIn;
    const delay = busy || signingIn || now < watchUntil.current ? POLL_MS : retrySoon(value, now) ? RETRY_POLL_MS : 0;
    if (!delay) return;
    const timer = setTimeout(() => void refreshState(), delay);
    return () => clearTimeout(timer);
    // On each reply (`state` is new each time, even when its value is the same object).
  }, [state, value, refreshState, loadBadges]);

  return { state, badges, partial, reload, refreshState, watch };
}
