/**
 * A failed run's record: its error, the failures in a row, and when to try again (retry.ts
 * nextRetryAt, kept in syncState.retryAt). A failed request is first retried in place (retry.ts
 * withRetries: 1, 2, 4 s), and a Manifest V3 worker may be stopped while it waits there: were the
 * failure recorded only when the run ends, it would never count, and a backpack that always fails
 * would be asked again at every wake (the watchdog alarm, a minute on) with no backoff. So the
 * failure is recorded, persisted, before the first wait of a run, with the retry alarm moved to
 * its time; a retried request that then succeeds takes it back.
 */
import { isBackpackError } from '../../backpack/errors.ts';
import type { SyncRecord } from '../../platform/records.ts';
import { nextRetryAt, throttledMessage } from './retry.ts';

export interface RunFailure {
  code: string;
  message: string;
  /** The server's Retry-After, in seconds. */
  retryAfter?: number;
}

/** What a failure is called in the sync state (a throttle in Lanyard's words: no fault of the user's). */
export function failureOf(e: unknown, baseUrl: string): RunFailure {
  const retryAfter = isBackpackError(e) ? e.retryAfterSeconds : undefined;
  const raw = (e ?? {}) as { code?: unknown };
  const code = typeof raw.code === 'string' ? raw.code : 'ERR_INTERNAL';
  const message = code === 'THROTTLED' ? throttledMessage(new URL(baseUrl).host) : e instanceof Error ? e.message : String(e);
  return { code, message, ...(retryAfter !== undefined ? { retryAfter } : {}) };
}

/** When to try again after the `failures`-th failure in a row. */
export const retryTime = (f: RunFailure, failures: number, now: number): number => nextRetryAt(failures, now, f.retryAfter, f.code === 'THROTTLED');

export interface FailureBeforeRetry {
  /** Whether this run's failure is counted in the progress record already. */
  readonly counted: boolean;
  /** Before an in-place retry: counts the run's failure once, persisted with its retry time, and moves the retry alarm there. */
  retrying(e: unknown): Promise<void>;
  /** The retried request succeeded: the failure is no longer counted. */
  recovered(): Promise<void>;
}

export interface FailureDeps {
  save(s: SyncRecord): Promise<void>;
  /** Sets the account's retry alarm. */
  alarm(at: number): Promise<void>;
  now(): number;
  /** The alarm that resumes a run whose worker stopped, set again once the failure is taken back. */
  watchdogMs: number;
}

/** Over the run's progress record `s`, changed in place (the sync's batched writes carry what it says). */
export function failureBeforeRetry(s: SyncRecord, baseUrl: string, d: FailureDeps): FailureBeforeRetry {
  const before = { failures: s.failures, retryAt: s.retryAt };
  let counted = false;
  return {
    get counted() {
      return counted;
    },
    async retrying(e) {
      if (counted) return;
      counted = true;
      const f = failureOf(e, baseUrl);
      s.failures = before.failures + 1;
      // With the error: retry.ts retryDue holds automatic runs back until retryAt (the popup shows it only once the run has failed).
      s.error = { code: f.code, message: f.message };
      s.retryAt = retryTime(f, s.failures, d.now());
      await d.save(s);
      await d.alarm(s.retryAt);
    },
    async recovered() {
      if (!counted) return;
      counted = false;
      s.failures = before.failures;
      delete s.error;
      if (before.retryAt === undefined) delete s.retryAt;
      else s.retryAt = before.retryAt;
      await d.save(s);
      await d.alarm(d.now() + d.watchdogMs);
    },
  };
}
