/**
 * What the status bar says to screen readers about syncs (WCAG 4.1.3 Status Messages): once when
 * a sync starts, once when it ends, once for each new failure, never per tick of its progress (the
 * state is polled while a sync runs: use-popup-data.ts). What already shows when the popup opens is
 * on screen, not announced. The text goes into a live region that is always there
 * (StatusBar.tsx): a region added with its text is often not read.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StateReply } from '../../messaging/protocol.ts';

type Account = StateReply['accounts'][number];

interface Seen {
  syncing: boolean;
  /** The failures shown, one key per account and failure. */
  failures: ReadonlySet<string>;
}

/** One account's failure: a new one (another error, another retry) is said, and shown again. */
export const failureKey = (a: Account) => `${a.id}\u0001${a.sync.error?.code ?? ''}\u0001${a.sync.retryAt ?? ''}`;

/**
 * `failed`: the accounts whose failure the bar shows; `failureText`: the sentence it shows for one.
 * `quietStart`: the start is said where focus lands (the first sync's "Getting your badges…"
 * heading, App.tsx), so it is not said here too; its end and failures still are.
 * Returns the last announcement ('' until there is one).
 */
export function useSyncAnnouncement(state: StateReply | undefined, failed: readonly Account[], failureText: (a: Account) => string, words: { started: string; finished: string }, quietStart = false): string {
  const seen = useRef<Seen | undefined>(undefined);
  const [said, setSaid] = useState('');
  const syncing = !!state?.accounts.some((a) => a.sync.status === 'syncing');
  const keys = failed.map(failureKey).join('\u0002');
  useEffect(() => {
    if (!state) return;
    const now: Seen = { syncing, failures: new Set(failed.map(failureKey)) };
    const before = seen.current;
    seen.current = now;
    if (!before) return;
    const fresh = failed.filter((a) => !before.failures.has(failureKey(a)));
    if (fresh.length) setSaid(fresh.map(failureText).join(' '));
    else if (syncing && !before.syncing && !quietStart) setSaid(words.started);
    else if (!syncing && before.syncing) setSaid(words.finished);
    // Only a change of phase or of failures runs this: a poll that moved the counts does not.
  }, [!!state, syncing, keys]);
  return said;
}
