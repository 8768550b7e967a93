/**
 * badgr-server's `throttleable` (apps/mainsite/utils.py), which wraps both the password grant
 * (`POST /o/token`) and adding an address (`POST /v1/user/emails`, apps/badgeuser/api_v1.py): keyed
 * by the form's `username`, else the client's IP (`backoff_cache_key`: a JSON body has no form
 * username, so adding an address is keyed by IP); while backed off it answers 429 with the login
 * body and does not count the request; a 2xx clears the backoff, anything else lengthens it
 * (`iterate_backoff_count`, `clamped_backoff_in_seconds`: period^min(12, n), at most an hour).
 */
import { json, type Reply } from '../http/io.ts';
import type { BackpackState } from '../state.ts';

const MAX_BACKOFF_SECONDS = 3600;

export interface ThrottleOptions {
  /** Failed attempts before backoff starts (Badgr: 1). */
  attempts: number;
  /** Backoff base: period^n seconds (Badgr TOKEN_BACKOFF_PERIOD_SECONDS: 2). */
  periodSeconds: number;
}

/** `clamped_backoff_in_seconds`: period^min(12, n), at most an hour. */
const backoffSeconds = (n: number, t: ThrottleOptions): number => Math.min(MAX_BACKOFF_SECONDS, t.periodSeconds ** Math.min(12, n));

/** Runs `handler` unless `key` is backed off, and counts its answer. */
export function throttleable(state: BackpackState, throttle: ThrottleOptions, key: string, handler: () => Reply): Reply {
  const failure = state.loginFailures.get(key);
  if (failure && failure.count >= throttle.attempts && failure.until > state.now()) {
    // "Don't increase the backoff count, just return 429."
    return json(429, {
      error_description: 'Too many login attempts. Please wait and try again.',
      error: 'login attempts throttled',
      expires: backoffSeconds(failure.count - throttle.attempts + 1, throttle),
    });
  }
  const reply = handler();
  if (reply.status >= 200 && reply.status < 300) state.loginFailures.delete(key);
  else {
    const count = (failure?.count ?? 0) + 1;
    const n = count - throttle.attempts + 1;
    state.loginFailures.set(key, { count, until: n > 0 ? state.now() + backoffSeconds(n, throttle) * 1000 : 0 });
  }
  return reply;
}
