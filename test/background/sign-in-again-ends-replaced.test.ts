/**
 * Signing in again to an account signed in already (the same backpack and user: the same account id,
 * accounts.ts idOf). The new sign-in's tokens replace the account's here (tokens.ts store), and the
 * session they belonged to was dropped live at the backpack: a sign-out afterwards revokes only the
 * tokens stored, so that first session stayed open there, known to no one, until it expired (a
 * refresh token: for good). The replaced session is now ended at the backpack (RFC 7009; Badgr's
 * sign-out), as a cancelled sign-in's is (2990c901), unless the backpack answered with that very session.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

const waitFor = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('signed in again to an account signed in already', () => {
  it('Badge Connect: the session replaced is ended at the backpack, the new one kept and working', async () => {
    const h = await harness();
    const before = new Set(ctx.bp.control.tokens.map((t) => t.accessToken));
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const first = ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken));
    expect(first).toHaveLength(1);
    expect((await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl })).id).toBe(id);
    await waitFor(() => first.every((t) => t.revoked));
    // The new session is the account's, and it works.
    const second = ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken) && !first.includes(t));
    expect(second.map((t) => t.revoked)).toEqual([false]);
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(await h.db.badges.countByAccount(id)).toBeGreaterThan(0);
    // Signed out, nothing is left live at the backpack.
    await h.app.accounts.signOut(id);
    expect(ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken) && !t.revoked)).toEqual([]);
  });

  it('Badgr: likewise', async () => {
    const h = await harness();
    const before = new Set(ctx.bp.control.tokens.map((t) => t.accessToken));
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const first = ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken));
    expect(first).toHaveLength(1);
    expect((await badgrSignIn(h, ctx.bp.baseUrl)).id).toBe(id);
    await waitFor(() => first.every((t) => t.revoked));
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    await h.app.accounts.signOut(id);
    expect(ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken) && !t.revoked)).toEqual([]);
  });
});
