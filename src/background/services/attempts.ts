/**
 * Work the popup can cancel by the id it gave it (its `attempt`, a random id made per press), as a
 * sign-in's (sign-in-run.ts) and an address change's (emails.ts) can: a password reset, an import. A
 * backpack or a badge's issuer that does not answer held the screen busy with nothing to press.
 *
 * A Cancel ends the work's reply at once (ERR_CANCELLED) and aborts its signal, until the work says it
 * has made its change (`made`: the backpack answered it, the badge is being written): from then on a
 * Cancel finds nothing to cancel and the work's own reply comes, for it is what happened. A Cancel that
 * reaches the worker before its work (sent while the host-permission prompt was open) is kept, at most
 * MAX_ATTEMPTS of them, and ends that work as it starts, before it sends anything.
 */
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { MAX_ATTEMPTS } from './sign-in-run.ts';

const remember = (set: Set<string>, id: string): void => {
  set.delete(id);
  set.add(id);
  if (set.size > MAX_ATTEMPTS) set.delete(set.values().next().value!);
};

export interface Attempts {
  /**
   * Runs `work` under its own cancel: `signal` aborts at the Cancel, `made()` says the change is made
   * (the Cancel no longer ends it). Without an attempt id it runs as it is, not cancellable.
   */
  run<T>(attempt: string | undefined, work: (signal: AbortSignal | undefined, made: () => void) => Promise<T>): Promise<T>;
  /** Cancels the work `attempt` names, even before it starts; `cancelled` false when it had made its change or ended. */
  cancel(attempt: string): { cancelled: boolean };
}

/** `cancelled(atStart)`: the words of the reply a Cancel gives (before anything was sent, or after). */
export function createAttempts(cancelled: (beforeStart: boolean) => string): Attempts {
  const running = new Map<string, AbortController>();
  const started = new Set<string>();
  const cancelledEarly = new Set<string>();
  return {
    run<T>(attempt: string | undefined, work: (signal: AbortSignal | undefined, made: () => void) => Promise<T>): Promise<T> {
      if (attempt === undefined) return work(undefined, () => undefined);
      remember(started, attempt);
      if (cancelledEarly.delete(attempt)) return Promise.reject(new ServiceError(E.CANCELLED, cancelled(true)));
      const controller = new AbortController();
      running.set(attempt, controller);
      const made = () => {
        if (running.get(attempt) === controller) running.delete(attempt);
      };
      return new Promise<T>((resolve, reject) => {
        // The reply ends at the Cancel even when the work is slow to notice its signal; the work, told by
        // the signal, makes no change after it (it checks the signal before `made`).
        const onAbort = () => reject(controller.signal.reason);
        controller.signal.addEventListener('abort', onAbort, { once: true });
        work(controller.signal, made)
          .then(resolve, reject)
          .finally(() => {
            made();
            controller.signal.removeEventListener('abort', onAbort);
          });
      });
    },
    cancel(attempt) {
      const controller = running.get(attempt);
      if (controller) {
        running.delete(attempt);
        controller.abort(new ServiceError(E.CANCELLED, cancelled(false)));
        return { cancelled: true };
      }
      if (!started.has(attempt)) {
        remember(cancelledEarly, attempt);
        return { cancelled: true };
      }
      return { cancelled: false };
    },
  };
}
