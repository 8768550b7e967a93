/**
 * Access tokens for accounts: read from storage.session, refreshed a few minutes before they
 * expire with the refresh token from the `secrets` store (refresh tokens rotate: the newest pair is
 * always the one kept). One refresh at a time per account. A refused refresh marks the account as
 * needing a new sign-in.
 */
import { isBackpackError } from '../../backpack/errors.ts';
import type { TokenSet } from '../../backpack/oauth.ts';
import type { Db } from '../../platform/db.ts';
import type { SessionStore } from '../../platform/session.ts';
import { ServiceError } from './errors.ts';
import type { Providers } from './providers/index.ts';

/** Refresh when less than this is left. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * When a token that expires at `expiresAt`, having lived `lifetimeMs` when it came, is refreshed:
 * REFRESH_MARGIN_MS before, or half its lifetime before when that is shorter. RFC 6749 §5.1 `expires_in` is the server's
 * choice (OB 3.0 and OB 2.1 only recommend an hour; Keycloak's default is 300 s): a token of five
 * minutes or less was inside the margin from the moment it was issued, and every request refreshed
 * it first, rotating the refresh token each time.
 */
export const refreshAtOf = (expiresAt: number, lifetimeMs: number | undefined): number => expiresAt - Math.min(REFRESH_MARGIN_MS, Math.max(0, (lifetimeMs ?? Infinity) / 2));

/** Whether a stored token is still used as it is (not yet due for a refresh). */
const fresh = (t: { expiresAt?: number; refreshAt?: number }, now: number): boolean =>
  t.expiresAt === undefined || now < Math.min(t.refreshAt ?? t.expiresAt - REFRESH_MARGIN_MS, t.expiresAt);

export interface Tokens {
  /** A live access token, refreshed first when it is about to expire. */
  access(accountId: string): Promise<string>;
  /** Refreshes now (after a 401), unless another refresh just produced a newer token. */
  refresh(accountId: string, rejected?: string): Promise<string>;
  store(accountId: string, t: TokenSet): Promise<void>;
  /** What sign-out revokes. */
  current(accountId: string): Promise<{ accessToken: string; refreshToken?: string; expiresAt?: number } | undefined>;
  clear(accountId: string): Promise<void>;
}

export const refreshId = (accountId: string): string => `refresh:${accountId}`;

/** A refresh that failed for these may succeed later (retry.ts retries them): not the session's end. */
const PASSING = ['SERVER_ERROR', 'UNREACHABLE', 'THROTTLED'] as const;

export function createTokens(db: Db, session: SessionStore, providers: Providers, now: () => number = Date.now): Tokens {
  const inflight = new Map<string, Promise<string>>();

  /**
   * The refresh token first: the server revoked the pair it replaces (rotation), so the new refresh
   * token is the only way back in. Were the access token written first and that write the last
   * thing to happen (a storage error, the worker stopped), the kept refresh token would be the dead
   * one and the next refresh an invalid_grant: a new sign-in for nothing. The other way round, a
   * stale access token only costs a 401 and a refresh.
   */
  async function store(accountId: string, t: TokenSet): Promise<void> {
    // With the scope granted: OB 3.0 and OB 2.1 refresh requests carry it (oauth.ts refreshTokens).
    if (t.refreshToken) await db.secrets.put({ id: refreshId(accountId), kind: 'refresh', refreshToken: t.refreshToken, ...(t.scope.length ? { scope: [...t.scope] } : {}) });
    await session.setToken(accountId, { accessToken: t.accessToken, ...(t.expiresAt !== undefined ? { expiresAt: t.expiresAt, refreshAt: refreshAtOf(t.expiresAt, t.lifetimeMs) } : {}) });
  }

  async function doRefresh(accountId: string): Promise<string> {
    const account = await db.accounts.get(accountId);
    if (!account) throw new ServiceError('UNAUTHORIZED', 'This account is signed out');
    const secret = await db.secrets.get(refreshId(accountId));
    // The account as it is now, not as it was before the refresh went out: the user may have changed it
    // meanwhile (its trust, its addresses), or signed out (then it stays gone).
    // Only this field, merged in one transaction (db.ts update).
    const mark = async (needsSignIn: boolean): Promise<void> => {
      await db.accounts.update(accountId, (current) => (current && current.needsSignIn !== needsSignIn ? { ...current, needsSignIn } : undefined));
    };
    const signInAgain = async (why: string): Promise<never> => {
      await mark(true);
      throw new ServiceError('UNAUTHORIZED', `${why}: sign in to ${new URL(account.baseUrl).host} again`);
    };
    if (secret?.kind !== 'refresh') return signInAgain('The session has ended');
    const provider = await providers.for(account);
    let t: TokenSet;
    try {
      t = await provider.refresh(secret.refreshToken, secret.scope);
    } catch (e) {
      if (!isBackpackError(e, 'UNAUTHORIZED')) throw e;
      // The provider forgot this install's registration (RFC 6749 §5.2 invalid_client): the next sign-in must
      // register anew, since an authorization request with that client_id stops at the provider's error page
      // and never comes back (§4.1.2.1), so the sign-in could never clear it.
      if (e.detail === 'invalid_client' && account.clientSecretId) await db.secrets.delete(account.clientSecretId);
      return signInAgain('The backpack ended the session');
    }
    // Signed out while the refresh was on its way (sign-out forgets the account first and does not
    // wait for this): the pair the server rotated to is revoked, never stored for an account that is
    // gone (sign-out revoked and forgot the pair it found, which the server had already replaced).
    if (!(await db.accounts.get(accountId))) {
      await provider.revoke({ accessToken: t.accessToken, ...(t.refreshToken ? { refreshToken: t.refreshToken } : {}) }).catch(() => undefined);
      throw new ServiceError('UNAUTHORIZED', 'This account is signed out');
    }
    await store(accountId, t);
    await mark(false);
    return t.accessToken;
  }

  function refresh(accountId: string, rejected?: string): Promise<string> {
    let p = inflight.get(accountId);
    if (!p) {
      p = (async () => {
        const cur = await session.getToken(accountId);
        // Another caller refreshed while this one waited for its 401: use theirs.
        if (rejected && cur && cur.accessToken !== rejected && fresh(cur, now())) return cur.accessToken;
        return doRefresh(accountId);
      })().finally(() => inflight.delete(accountId));
      inflight.set(accountId, p);
    }
    return p;
  }

  return {
    async access(accountId) {
      const t = await session.getToken(accountId);
      if (t && fresh(t, now())) return t.accessToken;
      try {
        return await refresh(accountId);
      } catch (e) {
        // A refresh ahead of the expiry that failed for a passing reason (the token endpoint down, slow or
        // throttling): the token in hand still works until it expires (RFC 6749 §5.1 expires_in).
        if (t?.expiresAt !== undefined && now() < t.expiresAt && PASSING.some((c) => isBackpackError(e, c))) return t.accessToken;
        throw e;
      }
    },
    refresh,
    store,
    async current(accountId) {
      const t = await session.getToken(accountId);
      const r = await db.secrets.get(refreshId(accountId));
      const refreshToken = r?.kind === 'refresh' ? r.refreshToken : undefined;
      if (!t && !refreshToken) return undefined;
      return { accessToken: t?.accessToken ?? '', ...(refreshToken ? { refreshToken } : {}), ...(t?.expiresAt !== undefined ? { expiresAt: t.expiresAt } : {}) };
    },
    async clear(accountId) {
      await session.removeToken(accountId);
      await db.secrets.delete(refreshId(accountId));
    },
  };
}
