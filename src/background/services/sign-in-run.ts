/** One sign-in's cancellable part (accounts.ts signIn, cancelSignIn). */
import type { Fetch } from '../../backpack/http.ts';

/** What a sign-in runs with. */
export interface SignInRun {
  fetch: Fetch;
  until<T>(p: Promise<T>): Promise<T>;
  commit(): void;
}

/**
 * Every request through `fetch` carries the run's signal, and `until` stops waiting for anything
 * else (the browser's sign-in window). `commit()` is the point of no return, just before the account
 * and its tokens are stored: a cancel that comes earlier leaves nothing stored; one that comes later
 * finds nothing to cancel (the run leaves `inFlight`), and the sign-in completes whole.
 */
export function signInRun(fetch: Fetch, inFlight: Set<AbortController>): SignInRun & { controller: AbortController } {
  const controller = new AbortController();
  const { signal } = controller;
  inFlight.add(controller);
  return {
    controller,
    fetch: (url, init) => fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    until: <T>(p: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        p.then(resolve, reject);
      }),
    commit: () => {
      signal.throwIfAborted();
      inFlight.delete(controller);
    },
  };
}
