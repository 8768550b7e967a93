/** The retry time of a failed sync (retry.ts nextRetryAt): the server's Retry-After wins; else a bounded exponential backoff with jitter. */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { DEFAULT_RETRY, nextRetryAt, RETRY_CAP_MS, retryDelay, retryDue, THROTTLE_WAIT_MS } from '../../src/background/services/retry.ts';

const T = 1_000_000;

describe('nextRetryAt', () => {
  it('doubles with each failure in a row, jittered between 80 % and 120 % of its step, and never past the cap', () => {
    for (const r of [0, 0.5, 0.999]) {
      const waits = [1, 2, 3, 4, 5, 6, 7, 50, 1000].map((n) => nextRetryAt(n, T, undefined, false, () => r) - T);
      expect(waits.slice(0, 7)).toEqual([1, 2, 4, 8, 16, 32, 60].map((m) => Math.round(m * 60_000 * (0.8 + 0.4 * r))));
      for (const w of waits) expect(w).toBeLessThanOrEqual(RETRY_CAP_MS * 1.2);
    }
    expect(nextRetryAt(1, T, undefined, false, () => 0)).not.toBe(nextRetryAt(1, T, undefined, false, () => 0.9));
  });

  it('Retry-After wins when present (RFC 9110 §10.2.3), shorter or longer than the backoff, never under the alarm floor', () => {
    expect(nextRetryAt(6, T, 120) - T).toBe(120_000);
    expect(nextRetryAt(1, T, 7200) - T).toBe(7_200_000);
    expect(nextRetryAt(1, T, 0) - T).toBe(30_000);
  });

  it('a throttle that did not say when waits 30 minutes at least (OB 3.0 / 2.1 "Retry Behavior")', () => {
    expect(nextRetryAt(1, T, undefined, true, () => 0.5) - T).toBe(THROTTLE_WAIT_MS);
    expect(nextRetryAt(7, T, undefined, true, () => 0.5) - T).toBe(RETRY_CAP_MS);
  });
});

describe('retryDue', () => {
  it('holds an automatic run only before the retry time of a failed one', () => {
    expect(retryDue(undefined, T)).toBe(true);
    expect(retryDue({ status: 'error', error: {}, retryAt: T + 1 }, T)).toBe(false);
    expect(retryDue({ status: 'error', error: {}, retryAt: T }, T)).toBe(true);
    expect(retryDue({ status: 'error', error: {} }, T)).toBe(true);
    expect(retryDue({ status: 'verifying', error: {}, retryAt: T + 1 }, T)).toBe(false);
    expect(retryDue({ status: 'idle', retryAt: T + 1 }, T)).toBe(true);
  });
});

describe('retryDelay: a Retry-After waited out in place', () => {
  const throttled = (s: number) => new BackpackError(C.THROTTLED, 'slow down', { status: 429, retryAfterSeconds: s });
  const down = (s: number) => new BackpackError(C.SERVER_ERROR, 'down', { status: 503, retryAfterSeconds: s });
  it('is the server\'s wait when it is longer than the backoff step, and never shorter than the step (0 is not "at once, again and again")', () => {
    expect(retryDelay(throttled(5), 1, DEFAULT_RETRY)).toBe(5000);
    expect([1, 2, 3].map((n) => retryDelay(throttled(0), n, DEFAULT_RETRY))).toEqual([1000, 2000, 4000]);
    expect([1, 2, 3].map((n) => retryDelay(down(0), n, DEFAULT_RETRY))).toEqual([1000, 2000, 4000]);
    expect(retryDelay(throttled(3), 3, DEFAULT_RETRY)).toBe(4000);
    // Too long to wait here: the run ends, resumed at that time (nextRetryAt).
    expect(retryDelay(throttled(3600), 1, DEFAULT_RETRY)).toBeUndefined();
    expect(retryDelay(throttled(0), DEFAULT_RETRY.attempts, DEFAULT_RETRY)).toBeUndefined();
  });
});
