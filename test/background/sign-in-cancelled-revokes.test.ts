/**
 * A sign-in cancelled after the backpack gave it tokens (while it waits for a sign-out of the same
 * account to end, sign-out-end.ts clear, or for the profile): nothing is stored here, and the session
 * the sign-in opened is ended at the backpack too (RFC 7009 for OAuth, Badgr's own sign-out), not left
 * live until it expires. Before, the tokens were dropped unrevoked.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';
import { holdFirst } from './held-fetch.ts';

const ctx = useBackpack({ badges: 2 });

const waitFor = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('a sign-in cancelled after the backpack gave it tokens', () => {
  it('Badge Connect, waiting for a sign-out of the same account: the new session is revoked at the backpack', async () => {
    const revoke = holdFirst('/oauth/revoke');
    const h = await harness({ fetch: revoke.fetch });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const out = h.app.accounts.signOut(id);
    await waitFor(revoke.holding);
    const live = new Set(ctx.bp.control.tokens.filter((t) => !t.revoked).map((t) => t.accessToken));
    const signIn = h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    // The new sign-in has its tokens and waits for the sign-out.
    await waitFor(() => ctx.bp.control.tokens.some((t) => !t.revoked && !live.has(t.accessToken)));
    await new Promise((r) => setTimeout(r, 100));
    expect(h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
    await expect(signIn).rejects.toMatchObject({ code: 'ERR_CANCELLED' });
    revoke.release();
    await out;
    const opened = ctx.bp.control.tokens.filter((t) => !live.has(t.accessToken));
    expect(opened.length).toBeGreaterThan(0);
    await waitFor(() => opened.every((t) => t.revoked));
    expect(await h.db.accounts.get(id)).toBeUndefined();
  });

  it('Badgr, cancelled while its profile is read: the new session is ended at the backpack', async () => {
    const profile = holdFirst('/v2/users/self');
    const h = await harness({ fetch: profile.fetch });
    const before = new Set(ctx.bp.control.tokens.map((t) => t.accessToken));
    const signIn = badgrSignIn(h, ctx.bp.baseUrl);
    await waitFor(profile.holding);
    expect(h.app.accounts.cancelSignIn()).toEqual({ cancelled: true });
    await expect(signIn).rejects.toMatchObject({ code: 'ERR_CANCELLED' });
    profile.release();
    const opened = ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken));
    expect(opened.length).toBe(1);
    await waitFor(() => opened.every((t) => t.revoked));
    expect(await h.db.accounts.all()).toEqual([]);
  });
});
