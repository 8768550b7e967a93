/**
 * How sync retries: a server failure (5xx), no answer (refused, timeout) or a throttle it can wait
 * out is tried again with exponential backoff; a throttle longer than that ends the run, which an
 * alarm resumes later. Other errors are not retried.
 *
 * A 429 without Retry-After is not retried in place: OB 3.0 (api.html "Retry Behavior") and OB 2.1
 * (§"Retry Behavior") say "If no Retry-After header is present and the response is non-2XX, it is
 * recommended to retry the request in 30 minutes for an additional two attempts. After which, it
 * MAY be desirable to alert the user". The run ends (keeping its page and every cached badge) and
 * resumes in 30 minutes at least (THROTTLE_WAIT_MS); the account shows why and when all along.
 */
import { isBackpackError } from '../../backpack/errors.ts';

export interface RetryPolicy {
  /** Attempts in all (default 4). */
  attempts: number;
  /** First backoff; doubled each time (default 1 s). */
  baseMs: number;
  /** The longest Retry-After (or Badgr `expires`) waited out in place (default 60 s). */
  maxInlineWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000, maxInlineWaitMs: 60_000 };

/** The wait after a 429 that gave no Retry-After (OB 3.0 / OB 2.1 "Retry Behavior": 30 minutes). */
export const THROTTLE_WAIT_MS = 30 * 60_000;

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/** The wait before attempt n+1 (n from 1), or undefined when the error is not retried here. */
export function retryDelay(e: unknown, attempt: number, p: RetryPolicy): number | undefined {
  if (attempt >= p.attempts) return undefined;
  const step = p.baseMs * 2 ** (attempt - 1);
  // A 5xx that said when (Retry-After, e.g. a 503 for maintenance): that wait, in place only when short.
  if (isBackpackError(e, 'SERVER_ERROR') && e.retryAfterSeconds !== undefined) return inline(e.retryAfterSeconds, step, p);
  if (isBackpackError(e, 'SERVER_ERROR') || isBackpackError(e, 'UNREACHABLE')) return step * (0.75 + Math.random() / 2);
  if (isBackpackError(e, 'THROTTLED')) {
    // No Retry-After: not here (the run ends and resumes after THROTTLE_WAIT_MS, nextRetryAt).
    if (e.retryAfterSeconds === undefined) return undefined;
    return inline(e.retryAfterSeconds, step, p);
  }
  return undefined;
}

/**
 * Retry-After is how long the client "ought to wait before making a follow-up request" (RFC 9110
 * §10.2.3): at least that, and never less than the backoff step, as a Retry-After of 0 or an
 * HTTP-date already past had every attempt sent back to back to a server that asked to slow down.
 */
function inline(retryAfterSeconds: number, step: number, p: RetryPolicy): number | undefined {
  const ms = retryAfterSeconds * 1000;
  return ms <= p.maxInlineWaitMs ? Math.max(ms, step) : undefined;
}

/** `beforeWait` runs before each wait (sync-failure.ts: the failure is recorded before a stopped worker could lose it). */
export async function withRetries<T>(fn: () => Promise<T>, p: RetryPolicy, wait: Sleep, signal?: AbortSignal, beforeWait?: (e: unknown) => Promise<void>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const delay = retryDelay(e, attempt, p);
      if (delay === undefined || signal?.aborted) throw e;
      await beforeWait?.(e);
      await wait(delay, signal);
    }
  }
}

/** What a throttled sync says: no fault of the user's, nothing lost (the popup adds when it goes on, from retryAt). */
export const throttledMessage = (host: string): string => `${host} asks Lanyard to slow down: your badges stay as they are, and the sync goes on where it stopped.`;

/** The first wait after a failed run; doubled with each failure in a row, up to RETRY_CAP_MS. */
export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** The shortest wait an alarm can keep (chrome.alarms: 30 s); a Retry-After shorter than this waits this long. */
export const ALARM_FLOOR_MS = 30_000;

/**
 * When to try a failed sync again (kept in syncState.retryAt, so a stopped worker keeps it, and
 * honoured by every automatic run: sync.ts runAll). The server's word wins: Retry-After (RFC 9110
 * §10.2.3, seconds or an HTTP-date, on 429 and 5xx) is the time. Otherwise a bounded exponential
 * backoff with jitter: 1, 2, 4 … 60 minutes by the failures in a row, each between 80 % and 120 %
 * of its step (so that many installs failing together do not come back together); after a
 * throttle that did not say when, 30 minutes at least (OB 3.0 / OB 2.1 "Retry Behavior").
 */
export function nextRetryAt(failures: number, now: number, retryAfterSeconds?: number, throttled = false, random: () => number = Math.random): number {
  if (retryAfterSeconds !== undefined) return now + Math.max(retryAfterSeconds * 1000, ALARM_FLOOR_MS);
  const step = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, Math.min(failures, 32) - 1), RETRY_CAP_MS);
  const backoff = Math.round(step * (0.8 + 0.4 * random()));
  return now + (throttled ? Math.max(backoff, THROTTLE_WAIT_MS) : backoff);
}

/**
 * Whether an automatic run (an alarm) may start now: not before the retry a failed run set (its
 * error is kept until a run starts, also while the badges are checked again: library.ts), or the
 * one a run set before it retried a request in place and its worker was stopped (sync-failure.ts).
 */
export const retryDue = (s: { status: string; error?: unknown; retryAt?: number } | undefined, now: number): boolean => !(s?.error !== undefined && s.retryAt !== undefined && s.retryAt > now);
