/**
 * A sign-in's first use of the tokens the code exchange or the password grant just gave (the profile
 * read, accounts.ts), under the rule every later use follows (token-use.ts withAccess): a 401 refreshes
 * and tries again (RFC 6750 §3.1 `invalid_token`: "The client MAY request a new access token and retry
 * the protected resource request"); a refreshed token refused too, one backoff step, one more refresh,
 * a last try; never a loop; 403 `insufficient_scope` not refreshed. The API's servers may not know a
 * token the token endpoint has just issued (a replica, a gateway's token cache): that first 401 failed
 * the whole sign-in, for a session that one refresh brings back.
 *
 * The account is not stored yet, so the refresh is made here, with the refresh token in hand and the
 * run's fetch (a cancel aborts it), not through tokens.ts. `current` is the pair a refresh gave: it is
 * what the sign-in stores, and what it revokes when it gives up (session-end.ts keepOrEnd), since a
 * rotation (RFC 6749 §6) has made the first pair dead and this one the live session.
 */
import { isBackpackError } from '../../backpack/errors.ts';
import type { TokenSet } from '../../backpack/oauth.ts';
import type { Db } from '../../platform/db.ts';
import type { SessionRef } from '../../platform/records.ts';
import type { BackpackKit } from './backpack-kit.ts';
import { DEFAULT_RETRY, sleep as realSleep, type Sleep } from './retry.ts';
import type { SignInRun } from './sign-in-run.ts';
import { replayedIfLost } from './lost-answer.ts';
import { withAccess } from './token-use.ts';

export interface SignInTokens {
  /** The pair in hand: the sign-in's own, or the one the last refresh gave. */
  readonly current: TokenSet;
  /** `fn` with the access token, refreshed and tried again as token-use.ts says. */
  use<T>(fn: (token: string) => Promise<T>): Promise<T>;
  /**
   * Whether `e` is a refresh the server refused (RFC 6749 §5.2 `invalid_grant`, or a client it no
   * longer knows: oauth.ts tokenError's UNAUTHORIZED): the pair in hand is dead, the session ended.
   * A caller that falls back on a failed read (the Badgr address list) must not store it then.
   */
  ended(e: unknown): boolean;
}

/**
 * The refresh answer as the pair now held: RFC 6749 §6, a server that does not rotate leaves out
 * `refresh_token` and the one sent stays good; a scope left out is the one granted before (§5.1).
 */
const after = (held: TokenSet, t: TokenSet): TokenSet => ({ ...t, ...(t.refreshToken ? {} : held.refreshToken ? { refreshToken: held.refreshToken } : {}), scope: t.scope.length ? t.scope : held.scope });

export function signInTokens(first: TokenSet, refresh: (refreshToken: string, scope: readonly string[]) => Promise<TokenSet>, pause: () => Promise<void>, signal?: AbortSignal): SignInTokens {
  let held = first;
  /** The refusals the refresh answered, by identity: a read's own 401 says UNAUTHORIZED too. */
  const refused = new WeakSet<object>();
  const tokens = {
    access: async () => held.accessToken,
    refresh: async () => {
      const t = await refresh(held.refreshToken!, held.scope).catch((e: unknown) => {
        if (isBackpackError(e, 'UNAUTHORIZED')) refused.add(e);
        throw e;
      });
      held = after(held, t);
      return held.accessToken;
    },
  };
  return {
    get current() {
      return held;
    },
    // No refresh token (a grant without offline access): nothing to refresh with, the 401 is the answer.
    use: (fn) => (held.refreshToken ? withAccess(tokens, '', fn, pause, signal) : fn(held.accessToken)),
    ended: (e) => typeof e === 'object' && e !== null && refused.has(e),
  };
}

/**
 * The tokens of sign-in run `s` to the backpack `ref` names, refreshed with the kit's provider for it
 * (the client just registered or found) and paused by a sync's first backoff step. A cancel ends the
 * pause at once (the wait is given the run's signal) and no refresh follows (token-use.ts): the
 * sign-in gives up and ends the pair in hand (session-end.ts keepOrEnd).
 */
export function firstUse(kit: BackpackKit, d: { db: Db; sleep?: Sleep | undefined }, s: SignInRun, ref: SessionRef, first: TokenSet): SignInTokens {
  const refresh = async (rt: string, scope: readonly string[]) => {
    // The client this refresh is made with: read first, since another sign-in may register a new one meanwhile.
    const client = ref.clientSecretId ? await d.db.secrets.get(ref.clientSecretId) : undefined;
    const provider = await kit.createProviders(s.fetch, d.db.secrets).for(ref);
    // An answer lost on its way (the pair rotated, the new one lost with it): sent again once (lost-answer.ts).
    return replayedIfLost(() => provider.refresh(rt, scope), (ms) => s.until((d.sleep ?? realSleep)(ms, s.signal))).catch(async (e: unknown) => {
      // The provider forgot this registration (RFC 6749 §5.2 invalid_client), as at the code exchange (accounts.ts):
      // forgotten here too (only that one: db-secrets.ts), else the next sign-in's authorization request stops at the
      // provider's error page (§4.1.2.1).
      if (isBackpackError(e, 'UNAUTHORIZED') && e.detail === 'invalid_client' && ref.clientSecretId && client?.kind === 'client') await d.db.secrets.forgetClient(ref.clientSecretId, client.clientId);
      throw e;
    });
  };
  return signInTokens(first, refresh, () => s.until((d.sleep ?? realSleep)(DEFAULT_RETRY.baseMs, s.signal)), s.signal);
}
