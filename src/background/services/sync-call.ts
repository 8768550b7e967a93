/**
 * A sync's request to the provider: with the account's access token, refreshed and tried once more
 * after a 401; tried again in place after a 5xx, no answer or a short throttle (retry.ts), the run's
 * failure recorded before the first wait (sync-failure.ts) and taken back once the request succeeds.
 */
import { isBackpackError } from '../../backpack/errors.ts';
import { withRetries, type RetryPolicy, type Sleep } from './retry.ts';
import type { FailureBeforeRetry } from './sync-failure.ts';
import type { Tokens } from './tokens.ts';

export type ProviderCall = <T>(accountId: string, fn: (token: string) => Promise<T>, signal: AbortSignal, failure: FailureBeforeRetry) => Promise<T>;

export function providerCall(tokens: Pick<Tokens, 'access' | 'refresh'>, retry: RetryPolicy, wait: Sleep): ProviderCall {
  return async (accountId, fn, signal, failure) => {
    const out = await withRetries(async () => {
      const token = await tokens.access(accountId);
      try {
        return await fn(token);
      } catch (e) {
        if (!isBackpackError(e, 'UNAUTHORIZED')) throw e;
        return fn(await tokens.refresh(accountId, token));
      }
    }, retry, wait, signal, (e) => failure.retrying(e));
    await failure.recovered();
    return out;
  };
}
