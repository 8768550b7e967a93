/**
 * A fetch that holds the first request to `pathname` (a revocation, a profile) until `release()` or its
 * own signal aborts; every other request goes through. For the tests of what runs while a backpack has
 * not answered yet (sign-in-during-sign-out, sign-in-cancelled-revokes); and a backoff pause held until
 * cancelled (backoff-pause-cancel, emails-cancel).
 */
import type { Sleep } from '../../src/background/services/retry.ts';

/** Waits (a few seconds at most) until `ok()`, and fails the test if it never is. */
export async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error('the condition never held');
}

export function holdFirst(pathname: string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let holding = false;
  const aborted = (signal: AbortSignal | null | undefined) => new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
  return {
    fetch: async (url: string, init?: RequestInit): Promise<Response> => {
      if (new URL(url).pathname === pathname && !holding) {
        holding = true;
        await Promise.race([held, aborted(init?.signal)]);
      }
      return fetch(url, init);
    },
    /** Whether the request has come (and is held until released). */
    holding: () => holding,
    release: () => release(),
  };
}

/** A sleep that lasts until its signal aborts (never, without one), then rejects or resolves (a sleep cut short may). */
export function pauseUntilCancelled(ends: 'rejects' | 'resolves') {
  const pauses: number[] = [];
  const ended = { count: 0 };
  const sleep: Sleep = (ms, signal) =>
    new Promise((resolve, reject) => {
      pauses.push(ms);
      signal?.addEventListener('abort', () => (ended.count++, ends === 'rejects' ? reject(signal.reason) : resolve()), { once: true });
    });
  return { pauses, ended, sleep };
}
