/**
 * A sign-in cancelled after the token endpoint answered 200 but before its body (the tokens) was read:
 * the backpack has opened a session. Before, the Cancel aborted the body's read, so the tokens were
 * never seen and could not be revoked: the session stayed live at the backpack until it expired. Now a
 * request that makes something at the backpack (a POST: tokens, a registered client), once answered, is
 * read whole; the sign-in is still cancelled, nothing is stored, and the session it opened is revoked
 * (RFC 7009; Badgr's own sign-out), as for a cancel after the tokens came (sign-in-cancelled-revokes.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, failure, harness, useBackpack } from './harness.ts';
import { until } from './held-fetch.ts';

const ctx = useBackpack({ badges: 1 });

describe('a sign-in cancelled between the token answer\'s headers and its body', () => {
  it.each([
    ['badge-connect', '/oauth/token'],
    ['ob3', '/oauth/token'],
    ['badgr', '/o/token'],
  ] as const)('%s: cancelled, nothing stored, and the session the backpack opened is revoked', async (kind, tokenPath) => {
    const h = await harness();
    const before = new Set(ctx.bp.control.tokens.map((t) => t.accessToken));
    let release!: () => void;
    const holdBody = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path: tokenPath, holdBody });
    const seen = ctx.bp.control.requests.length;
    const answered = () => ctx.bp.control.requests.slice(seen).some((r) => r.path === tokenPath && r.status === 200);
    try {
      const signIn = kind === 'badgr' ? badgrSignIn(h, ctx.bp.baseUrl) : h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
      const outcome = failure(signIn);
      await until(answered);
      await new Promise((r) => setTimeout(r, 150));
      const started = Date.now();
      expect(h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
      // The reply ends at once, while the body is still held; the tokens are read when it comes.
      expect(await outcome).toMatchObject({ code: 'ERR_CANCELLED' });
      expect(Date.now() - started).toBeLessThan(1000);
      release();
      expect(await h.db.accounts.all()).toEqual([]);
      const opened = ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken));
      expect(opened.length).toBeGreaterThan(0);
      await expect.poll(() => opened.every((t) => t.revoked), { timeout: 3000 }).toBe(true);
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });
});
