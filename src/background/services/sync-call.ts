/**
 * A sync's request to the provider: with the account's access token, refreshed and tried again
 * after a 401 (token-use.ts: once more, after a backoff step, when the refreshed token is refused too); tried again in place after a 5xx, no answer or a short throttle (retry.ts), the run's
 * failure recorded before the first wait (sync-failure.ts) and taken back once the request succeeds.
 */
import { withRetries, type RetryPolicy, type Sleep } from './retry.ts';
import type { FailureBeforeRetry } from './sync-failure.ts';
import { withAccess } from './token-use.ts';
import type { Tokens } from './tokens.ts';

export type ProviderCall = <T>(accountId: string, fn: (token: string) => Promise<T>, signal: AbortSignal, failure: FailureBeforeRetry) => Promise<T>;

export function providerCall(tokens: Pick<Tokens, 'access' | 'refresh'>, retry: RetryPolicy, wait: Sleep): ProviderCall {
  return async (accountId, fn, signal, failure) => {
    const out = await withRetries(() => withAccess(tokens, accountId, fn, () => wait(retry.baseMs, signal), signal), retry, wait, signal, (e) => failure.retrying(e));
    await failure.recovered();
    return out;
  };
}
