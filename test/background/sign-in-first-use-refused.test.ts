/**
 * The token a sign-in has just been given (the code exchange, the password grant) refused on its first
 * use, the profile read (RFC 6750 §3.1 `invalid_token`), while the session is alive: the API's servers
 * may not know it yet. Before sign-in-tokens.ts the sign-in failed there, though a refresh brings the
 * session back, as it does for every later use (token-use.ts; sync-refreshed-refused.test.ts). Now the
 * sign-in's first use follows the same rule: refresh and try again; refused again, one backoff step,
 * one more refresh, a last try; never a loop. What is stored is the pair the last refresh gave, live at
 * the backpack; a sign-in that gives up revokes that pair, not the one a rotation already ended.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../src/background/services/retry.ts';
import { refreshId } from '../../src/background/services/tokens.ts';
import { API_KINDS, badgrSignIn, failure, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

const KINDS = API_KINDS;

describe.each(KINDS)('$kind: the sign-in’s own token refused on its first use', ({ kind, profile, token }) => {
  const signIn = (h: Awaited<ReturnType<typeof harness>>) => (kind === 'badgr' ? badgrSignIn(h, ctx.bp.baseUrl) : h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl }));
  const tokenRequests = () => ctx.bp.control.requests.filter((r) => r.path === token).length;

  it.each([
    { refused: 1, waits: [] },
    { refused: 2, waits: [DEFAULT_RETRY.baseMs] },
  ])('refused $refused time(s): refreshed, signed in with the profile read, the last pair stored and live', async ({ refused, waits }) => {
    const h = await harness();
    const before = tokenRequests();
    ctx.bp.control.failNext({ status: 401, path: profile, count: refused, challenge: 'invalid_token' });
    const account = await signIn(h);
    ctx.bp.control.clearFaults();
    expect(account).toMatchObject({ needsSignIn: false, user: 'ada@example.org' });
    // The grant, then one refresh per refused token.
    expect(tokenRequests() - before).toBe(1 + refused);
    expect(h.waits).toEqual(waits);
    const secret = await h.db.secrets.get(refreshId(account.id));
    expect(secret?.kind === 'refresh' && ctx.bp.control.isTokenLive(secret.refreshToken)).toBe(true);
    expect(ctx.bp.control.isTokenLive(h.platform.session.map.get(account.id)!.accessToken)).toBe(true);
    expect(await h.app.sync.run(account.id)).toMatchObject({ status: 'idle' });
  });

  it('refused three times: the sign-in fails, nothing kept, no session left live at the backpack', async () => {
    const h = await harness();
    const before = tokenRequests();
    const issued = ctx.bp.control.tokens.length;
    ctx.bp.control.failNext({ status: 401, path: profile, count: 3, challenge: 'invalid_token' });
    expect(await failure(signIn(h))).toMatchObject({ code: 'UNAUTHORIZED' });
    ctx.bp.control.clearFaults();
    expect(tokenRequests() - before).toBe(3);
    expect(await h.app.accounts.list()).toEqual([]);
    // The sign-in's tokens and both refreshes' are dead: the last pair revoked (best effort, not waited for).
    const mine = ctx.bp.control.tokens.slice(issued);
    expect(mine.length).toBe(3);
    await expect.poll(() => mine.filter((t) => ctx.bp.control.isTokenLive(t.accessToken) || (t.refreshToken && ctx.bp.control.isTokenLive(t.refreshToken))).length).toBe(0);
  });
});

describe.each([KINDS[1], KINDS[2]])('$kind: the sign-in’s own token refused once, at a server that keeps its refresh tokens', ({ kind, profile }) => {
  it('a server that does not rotate (RFC 6749 §6: no refresh_token in the answer): the refresh token the sign-in got is stored', async () => {
    const h = await harness();
    ctx.bp.control.stateForTests.keepRefreshToken = true;
    try {
      const issued = ctx.bp.control.tokens.length;
      ctx.bp.control.failNext({ status: 401, path: profile, count: 1, challenge: 'invalid_token' });
      const account = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
      const first = ctx.bp.control.tokens[issued]!;
      const secret = await h.db.secrets.get(refreshId(account.id));
      expect(secret).toMatchObject({ kind: 'refresh', refreshToken: first.refreshToken });
      expect(ctx.bp.control.isTokenLive(first.refreshToken!)).toBe(true);
      expect(h.platform.session.map.get(account.id)!.accessToken).not.toBe(first.accessToken);
      expect(ctx.bp.control.isTokenLive(h.platform.session.map.get(account.id)!.accessToken)).toBe(true);
    } finally {
      ctx.bp.control.stateForTests.keepRefreshToken = false;
      ctx.bp.control.clearFaults();
    }
  });
});
