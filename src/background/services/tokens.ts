/**
 * Access tokens for accounts: read from storage.session, refreshed a few minutes before they
 * expire with the refresh token from the `secrets` store (refresh tokens rotate: the newest pair is
 * always the one kept). One refresh at a time per account. A refused refresh marks the account as
 * needing a new sign-in. The tokens' writes run one at a time (`serial`): a refresh writes its answer
 * only while the tokens it started from are still the stored ones (a new sign-in or a sign-out's clear
 * meanwhile wins, and the pair it brought is revoked).
 *
 * A refresh whose answer never comes is sent again at once with the same token (lost-answer.ts). Each
 * refresh marks its refresh token `sentAt` before it goes, a mark only an answer removes: a worker
 * stopped in between leaves it, and the refusal the next worker then meets (the server rotated the pair
 * and the new one was lost) says so in its "sign in again", which keeps every badge. One refresh at a
 * time per account (`inflight`) holds within a worker; a stopped worker's request dies with it.
 */
import { isBackpackError } from '../../backpack/errors.ts';
import type { TokenSet } from '../../backpack/oauth.ts';
import type { Db } from '../../platform/db.ts';
import type { SessionStore } from '../../platform/session.ts';
import { ServiceError } from './errors.ts';
import type { Providers } from './providers/index.ts';
import { replayedIfLost } from './lost-answer.ts';
import { sleep as realSleep, type Sleep } from './retry.ts';
import { serial } from './serial.ts';

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
  /**
   * Stores `t` and resolves with what it replaced (undefined when nothing, or when that could not be
   * read), read and written in one turn of the tokens' writes: a refresh's write lands wholly before
   * (then it is what was replaced) or after (then it finds its tokens replaced). A new sign-in ends the
   * session it replaces with this (accounts.ts storeSignedIn), not with a look taken before.
   */
  replace(accountId: string, t: TokenSet): Promise<Stored | undefined>;
  /** What sign-out revokes. */
  current(accountId: string): Promise<Stored | undefined>;
  clear(accountId: string): Promise<void>;
}

/** The tokens stored for an account (`accessToken` empty when only the refresh token is). */
export type Stored = { accessToken: string; refreshToken?: string; expiresAt?: number };

export const refreshId = (accountId: string): string => `refresh:${accountId}`;

/** A refresh that failed for these may succeed later (retry.ts retries them): not the session's end. */
const PASSING = ['SERVER_ERROR', 'UNREACHABLE', 'THROTTLED'] as const;

export function createTokens(db: Db, session: SessionStore, providers: Providers, now: () => number = Date.now, sleep: Sleep = realSleep): Tokens {
  const inflight = new Map<string, Promise<string>>();
  /** The tokens' writes, one after another (each is two stores: no transaction spans them). */
  const one = serial();
  /** What is stored for the account now: the access token (storage.session) and the refresh token (`secrets`). */
  const stored = async (accountId: string): Promise<{ access?: string; refresh?: string }> => {
    const t = await session.getToken(accountId);
    const r = await db.secrets.get(refreshId(accountId));
    return { ...(t ? { access: t.accessToken } : {}), ...(r?.kind === 'refresh' ? { refresh: r.refreshToken } : {}) };
  };

  /**
   * The refresh token first: the server revoked the pair it replaces (rotation), so the new refresh
   * token is the only way back in. Were the access token written first and that write the last
   * thing to happen (a storage error, the worker stopped), the kept refresh token would be the dead
   * one and the next refresh an invalid_grant: a new sign-in for nothing. The other way round, a
   * stale access token only costs a 401 and a refresh.
   */
  async function write(accountId: string, t: TokenSet): Promise<void> {
    // With the scope granted: OB 3.0 and OB 2.1 refresh requests carry it (oauth.ts refreshTokens).
    if (t.refreshToken) await db.secrets.put({ id: refreshId(accountId), kind: 'refresh', refreshToken: t.refreshToken, ...(t.scope.length ? { scope: [...t.scope] } : {}) });
    await session.setToken(accountId, { accessToken: t.accessToken, ...(t.expiresAt !== undefined ? { expiresAt: t.expiresAt, refreshAt: refreshAtOf(t.expiresAt, t.lifetimeMs) } : {}) });
  }

  async function current(accountId: string): Promise<Stored | undefined> {
    const t = await session.getToken(accountId);
    const r = await db.secrets.get(refreshId(accountId));
    const refreshToken = r?.kind === 'refresh' ? r.refreshToken : undefined;
    if (!t && !refreshToken) return undefined;
    return { accessToken: t?.accessToken ?? '', ...(refreshToken ? { refreshToken } : {}), ...(t?.expiresAt !== undefined ? { expiresAt: t.expiresAt } : {}) };
  }

  async function doRefresh(accountId: string): Promise<string> {
    const account = await db.accounts.get(accountId);
    if (!account) throw new ServiceError('UNAUTHORIZED', 'This account is signed out');
    // What the refresh starts from, read whole: its answer is written only while this is still what is stored.
    const [from, secret] = await one(async () => [await stored(accountId), await db.secrets.get(refreshId(accountId))] as const);
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
    // The client this refresh is made with, read first: a refusal forgets only that one (db-secrets.ts).
    const client = account.clientSecretId ? await db.secrets.get(account.clientSecretId) : undefined;
    const provider = await providers.for(account);
    // A refresh with this token sent before (by a stopped worker, or a call whose answer never came).
    let lost = secret.sentAt !== undefined;
    /** Marks the stored refresh token, while it is still this one, as sent (`at`) or answered (undefined); within `one`. */
    const setSent = async (at: number | undefined): Promise<void> => {
      const s = await db.secrets.get(refreshId(accountId));
      if (s?.kind !== 'refresh' || s.refreshToken !== secret.refreshToken || s.sentAt === at) return;
      const { sentAt: _, ...rest } = s;
      await db.secrets.put(at === undefined ? rest : { ...rest, sentAt: at });
    };
    const markSent = (at: number | undefined): Promise<void> => one(() => setSent(at));
    // Marked before it goes: from here until its pair is stored, the server may have rotated the token.
    if (!lost) await markSent(now());
    let t: TokenSet;
    try {
      // No answer: sent again, once, with the same token (the only one Lanyard has), within the server's grace.
      t = await replayedIfLost(() => provider.refresh(secret.refreshToken, secret.scope), (ms) => sleep(ms), () => (lost = true));
    } catch (e) {
      // Answered (a refusal, a server error, a pair Lanyard cannot keep) to the only request sent: nothing was lost.
      if (!lost && !isBackpackError(e, 'UNREACHABLE')) await markSent(undefined);
      if (!isBackpackError(e, 'UNAUTHORIZED')) throw e;
      // Refused because the session was replaced meanwhile (a new sign-in ends the one it replaces:
      // session-end.ts) or signed out: not the end of what is stored now, which goes on.
      const kept = await one(() => stored(accountId));
      if (kept.access !== from.access || kept.refresh !== from.refresh) {
        if (kept.access) return kept.access;
        throw new ServiceError('UNAUTHORIZED', 'This account is signed out');
      }
      // The provider forgot this install's registration (RFC 6749 §5.2 invalid_client): the next sign-in must
      // register anew, since an authorization request with that client_id stops at the provider's error page
      // and never comes back (§4.1.2.1), so the sign-in could never clear it.
      if (e.detail === 'invalid_client' && account.clientSecretId && client?.kind === 'client') await db.secrets.forgetClient(account.clientSecretId, client.clientId);
      // The answer to a refresh with this token never came: the server rotated it then, and its new token was lost with the answer.
      return signInAgain(lost ? 'The backpack renewed the session, but its answer was lost on the way (the connection or the browser stopped it), and it no longer takes the token it replaced' : 'The backpack ended the session');
    }
    // Signed out while the refresh was on its way (sign-out forgets the account first and does not
    // wait for this), or signed in again (new tokens stored), or the tokens cleared: the pair the server
    // rotated to is revoked, never stored over what replaced the tokens the refresh started from (the
    // sign-out revoked and forgot the pair it found; the new sign-in's session would be overwritten by
    // the old one's). Checked and written within `one`: a sign-out's clear and a sign-in's store come
    // wholly before or after.
    const superseded = await one(async () => {
      const kept = (await db.accounts.get(accountId)) ? await stored(accountId) : undefined;
      if (kept?.access !== from.access || kept?.refresh !== from.refresh) return kept ?? {};
      await write(accountId, t);
      // A server that kept the refresh token (RFC 6749 §6: no new one in the answer): answered, so unmarked.
      if (!t.refreshToken) await setSent(undefined);
      return undefined;
    });
    if (superseded) {
      await provider.revoke({ accessToken: t.accessToken, ...(t.refreshToken ? { refreshToken: t.refreshToken } : {}) }).catch(() => undefined);
      // Signed in again: the account goes on with the session that replaced this one.
      if (superseded.access) return superseded.access;
      throw new ServiceError('UNAUTHORIZED', 'This account is signed out');
    }
    // Signed out as it was written (the account deleted after the look above): the sign-out may have
    // read the pair this one replaced, and its clear forgets this one: revoked here too.
    if (!(await db.accounts.get(accountId))) {
      await provider.revoke({ accessToken: t.accessToken, ...(t.refreshToken ? { refreshToken: t.refreshToken } : {}) }).catch(() => undefined);
      throw new ServiceError('UNAUTHORIZED', 'This account is signed out');
    }
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
      // Nothing to renew it with (the server gave no refresh token: OB 3.0 security.html "An Authorization Server is
      // NOT REQUIRED to support token refresh"; RFC 6749 §5.1 makes it optional): the early refresh could only end
      // the session while its token still lives. It serves until it expires, or until the API refuses it (a 401).
      if (t?.expiresAt !== undefined && now() < t.expiresAt && (await db.secrets.get(refreshId(accountId)))?.kind !== 'refresh') return t.accessToken;
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
    replace: (accountId, t) =>
      one(async () => {
        const was = await current(accountId).catch(() => undefined);
        await write(accountId, t);
        return was;
      }),
    current,
    clear: (accountId) =>
      one(async () => {
        await session.removeToken(accountId);
        await db.secrets.delete(refreshId(accountId));
      }),
  };
}
