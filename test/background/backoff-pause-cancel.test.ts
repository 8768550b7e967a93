/**
 * A Cancel that comes during the backoff pause before a second refresh (token-use.ts: a refreshed token
 * refused too, one backoff step, one more refresh) stops there: no further refresh, nothing stored.
 * A sign-in ends the session it opened, every pair it was given so far, as its give-up path does
 * (session-end.ts keepOrEnd); a sync stops and leaves the stored pair as the first refresh left it.
 *
 * The pause is a sleep that waits until its signal aborts, as the real one (retry.ts sleep) does: it
 * rejects, or, as a sleep cut short may, resolves early. Neither must lead to the second refresh.
 */
import { describe, expect, it } from 'vitest';
import { refreshId } from '../../src/background/services/tokens.ts';
import { API_KINDS, badgrSignIn, failure, harness, useBackpack } from './harness.ts';
import { pauseUntilCancelled, until } from './held-fetch.ts';

const ctx = useBackpack({ badges: 2 });

const KINDS = API_KINDS;


const ENDS = ['rejects', 'resolves'] as const;

describe.each(KINDS)('$kind: cancelled during the backoff pause', ({ kind, profile, list, token }) => {
  const tokenRequests = () => ctx.bp.control.requests.filter((r) => r.path === token).length;

  describe.each([false, true])('a server that keeps its refresh tokens: %s', (keep) => {
    it.each(ENDS)('the sign-in (the pause %s): no second refresh, nothing kept, every pair it was given ended', async (ends) => {
      const { pauses, ended, sleep } = pauseUntilCancelled(ends);
      const h = await harness({ syncOptions: { sleep } });
      ctx.bp.control.stateForTests.keepRefreshToken = keep;
      try {
        const before = tokenRequests();
        const issued = ctx.bp.control.tokens.length;
        ctx.bp.control.failNext({ status: 401, path: profile, count: 3, challenge: 'invalid_token' });
        const signIn = kind === 'badgr' ? badgrSignIn(h, ctx.bp.baseUrl) : h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
        await until(() => pauses.length === 1);
        expect(h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
        expect(await failure(signIn)).toMatchObject({ code: 'ERR_CANCELLED' });
        // The pause itself ended with the cancel (it was given the run's signal), not left to run out.
        expect(ended.count).toBe(1);
        ctx.bp.control.clearFaults();
        // The grant and the first refresh; none after the pause.
        await new Promise((r) => setTimeout(r, 50));
        expect(tokenRequests() - before).toBe(2);
        expect(await h.app.accounts.list()).toEqual([]);
        expect(await h.db.secrets.all()).toSatisfy((all: { kind: string }[]) => all.every((s) => s.kind !== 'refresh'));
        const mine = ctx.bp.control.tokens.slice(issued);
        expect(mine.length).toBe(2);
        await expect.poll(() => mine.filter((t) => ctx.bp.control.isTokenLive(t.accessToken) || (t.refreshToken && ctx.bp.control.isTokenLive(t.refreshToken))).length).toBe(0);
      } finally {
        ctx.bp.control.stateForTests.keepRefreshToken = false;
        ctx.bp.control.clearFaults();
      }
    });
  });

  it.each(ENDS)('a sync (the pause %s): stopped at once, no second refresh, the first refresh’s pair stored and live', async (ends) => {
    const { pauses, ended, sleep } = pauseUntilCancelled(ends);
    const h = await harness({ syncOptions: { sleep } });
    const signedIn = kind === 'badgr' ? badgrSignIn(h, ctx.bp.baseUrl) : h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    const { id } = await signedIn;
    // The first sync started by the sign-in ends before this one.
    await until(() => !h.app.sync.isRunning(id));
    const before = tokenRequests();
    ctx.bp.control.failNext({ status: 401, path: list, count: 3, challenge: 'invalid_token' });
    try {
      const run = h.app.sync.run(id);
      await until(() => pauses.length === 1);
      const refreshed = await h.db.secrets.get(refreshId(id));
      await h.app.sync.cancel(id);
      await run.catch(() => undefined);
      expect(ended.count).toBe(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(tokenRequests() - before).toBe(1);
      expect(await h.db.secrets.get(refreshId(id))).toEqual(refreshed);
      expect(refreshed?.kind === 'refresh' && ctx.bp.control.isTokenLive(refreshed.refreshToken)).toBe(true);
      expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: false });
    } finally {
      ctx.bp.control.clearFaults();
    }
  });
});
