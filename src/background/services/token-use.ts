/**
 * One request to a backpack with the account's access token, and what a 401 does (RFC 6750 §3.1
 * `invalid_token`: "The client MAY request a new access token and retry the protected resource
 * request"): the token is refreshed and the request sent again.
 *
 * A token that a refresh has just given can be refused too, though the session is alive: the API's
 * servers may not know it yet (a replica or a gateway's token cache behind the token endpoint), or the
 * refresh rotated the pair while the API still held the old one. That 401 once asked the user to
 * sign in again, for a session whose refresh token still worked. So the refresh is made once more,
 * after a short pause (`pause`), with the refresh token the last refresh stored (RFC 6749 §6: the
 * rotated one, or the same one when the server kept it), and the request tried a last time. Never
 * more: a refresh refused (`invalid_grant`, RFC 6749 §5.2) ends the session there (tokens.ts), and a
 * third token refused is the backpack's no, which the caller reports (a sync marks the account
 * `needsSignIn`). At most two refreshes and three requests, whatever the server answers.
 *
 * A token refused for its scope (RFC 6750 §3.1 `insufficient_scope`, http.ts) is not refreshed at all: a
 * refresh "MUST NOT include any scope not originally granted" (RFC 6749 §6), so it only rotated the
 * pair; the caller reports it at once (a sync: sign in again, which can grant the scope).
 *
 * A cancel during the pause (`signal`: a sync stopped, a sign-in cancelled) ends the call there, with
 * the signal's reason, whether the pause rejected or was only cut short: no second refresh, which would
 * store (tokens.ts) or hand the sign-in a pair the cancelled run then has no use for. A cancel during a
 * refresh ends the call at once too; the refresh itself goes on and stores its pair (tokens.ts: other
 * requests of the account may be waiting for it), as one that had answered just before would have. So does the
 * refresh of a token about to expire that the first look at it makes (tokens.ts access).
 */
import { isBackpackError } from '../../backpack/errors.ts';
import type { Tokens } from './tokens.ts';

/** Refreshes a 401 may lead to in one call: the usual one, and one more when the refreshed token is refused too. */
export const REFRESHES_PER_CALL = 2;

/**
 * `start()`, or the signal's reason as soon as it aborts (what it started goes on, unwatched). Not started at
 * all once aborted: a refresh begun for a cancelled call, were it refused, was a rejection nothing handled.
 */
function untilCancelled<T>(start: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return start();
  signal.throwIfAborted();
  const p = start();
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

export async function withAccess<T>(tokens: Pick<Tokens, 'access' | 'refresh'>, accountId: string, fn: (token: string) => Promise<T>, pause: () => Promise<void> = async () => undefined, signal?: AbortSignal): Promise<T> {
  // A token about to expire is refreshed here first (tokens.ts access): a cancel ends that wait too.
  let token = await untilCancelled(() => tokens.access(accountId), signal);
  for (let refreshed = 0; ; refreshed++) {
    try {
      return await fn(token);
    } catch (e) {
      if (!isBackpackError(e, 'UNAUTHORIZED') || e.detail === 'insufficient_scope' || refreshed >= REFRESHES_PER_CALL) throw e;
      if (refreshed > 0) {
        await pause();
        signal?.throwIfAborted();
      }
      const refused = token;
      token = await untilCancelled(() => tokens.refresh(accountId, refused), signal);
    }
  }
}
