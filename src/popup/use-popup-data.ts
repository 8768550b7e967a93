/**
 * The popup's data: the background's state and the badge list, each loading, ready or failed.
 * While an account syncs or re-verifies, the state is polled so the progress bar moves, and the
 * list is reloaded once it finishes (the protocol has no push from the background).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError, StateReply } from '../messaging/protocol.ts';
import type { BadgeView } from '../messaging/views.ts';
import type { PopupActions } from './actions.ts';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ReplyError };

export interface PopupData {
  state: Loadable<StateReply>;
  badges: Loadable<BadgeView[]>;
  /** Reloads state and badges (after sign-in, import, sign-out…). */
  reload(): Promise<void>;
  refreshState(): Promise<void>;
}

const POLL_MS = 700;

export const isBusy = (state: StateReply | undefined) => !!state?.accounts.some((a) => a.sync.status === 'syncing' || a.sync.status === 'verifying');

export function usePopupData(actions: PopupActions): PopupData {
  const [state, setState] = useState<Loadable<StateReply>>({ status: 'loading' });
  const [badges, setBadges] = useState<Loadable<BadgeView[]>>({ status: 'loading' });
  const live = useRef(true);
  const wasBusy = useRef(false);

  const loadBadges = useCallback(async () => {
    const r = await actions.listBadges();
    if (live.current) setBadges(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
  }, [actions]);

  const refreshState = useCallback(async () => {
    const r = await actions.getState();
    if (live.current) setState(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
  }, [actions]);

  const reload = useCallback(async () => {
    await Promise.all([refreshState(), loadBadges()]);
  }, [refreshState, loadBadges]);

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  const value = state.status === 'ready' ? state.value : undefined;
  useEffect(() => {
    const busy = isBusy(value);
    if (wasBusy.current && !busy) void loadBadges();
    wasBusy.current = busy;
    if (!busy) return;
    const timer = setTimeout(() => void refreshState(), POLL_MS);
    return () => clearTimeout(timer);
  }, [value, refreshState, loadBadges]);

  return { state, badges, reload, refreshState };
}
