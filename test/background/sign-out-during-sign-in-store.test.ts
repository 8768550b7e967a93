/**
 * A sign-out of an account that begins while a sign-in to the same account is storing it (two popups:
 * "Sign in again" in one, "Sign out" in the other). The sign-in waits for a sign-out already under way
 * (sign-out-end.ts clear), but one that began after that wait, before the account and tokens were
 * written, ran beside it: it deleted the account, the sign-in wrote it back and stored its new
 * tokens, then the sign-out's end forgot those tokens (unrevoked: its revocation had read the old
 * ones) and the account's badges and sync state. Left: an account listed as signed in with no
 * session here, and a live session at the backpack no one can end. Now a sign-out that begins while a
 * sign-in stores the same account waits for it, then signs out what was stored: account, tokens and
 * the new session at the backpack all gone, as the user asked last.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { holdFirst } from './held-fetch.ts';

const ctx = useBackpack({ badges: 2 });

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a sign-out that begins while a sign-in stores the same account', () => {
  it('ends what the sign-in stored: no account left without its session, no session left live at the backpack', async () => {
    const revoke = holdFirst('/oauth/revoke');
    const h = await harness({ fetch: revoke.fetch });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    // The sign-in's write of the account is held: the moment between its wait for sign-outs and its storing.
    const update = h.db.accounts.update.bind(h.db.accounts);
    let saving = false;
    let letSave!: () => void;
    const saved = new Promise<void>((r) => (letSave = r));
    h.db.accounts.update = (async (...args: Parameters<typeof update>) => {
      if (!saving) {
        saving = true;
        await saved;
      }
      return update(...args);
    }) as typeof update;
    const before = new Set(ctx.bp.control.tokens.map((t) => t.accessToken));
    const signIn = h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    for (let i = 0; i < 400 && !saving; i++) await settle(5);
    expect(saving).toBe(true);
    const out = h.app.accounts.signOut(id);
    // Before the fix the sign-out runs on to the backpack's revocation meanwhile; after, it waits for the sign-in.
    for (let i = 0; i < 60 && !revoke.holding(); i++) await settle(5);
    letSave();
    expect((await signIn).id).toBe(id);
    for (let i = 0; i < 400 && !revoke.holding(); i++) await settle(5);
    revoke.release();
    await expect(out).resolves.toMatchObject({ signedOut: true });
    await settle(50);
    const account = await h.db.accounts.get(id);
    const tokens = h.platform.session.map.get(id);
    // One state or the other, never an account whose session was forgotten here.
    expect({ account: account !== undefined, tokens: tokens !== undefined }).toEqual({ account: false, tokens: false });
    // And the session the sign-in opened is ended at the backpack, not forgotten here while live there.
    const opened = ctx.bp.control.tokens.filter((t) => !before.has(t.accessToken));
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.filter((t) => !t.revoked)).toEqual([]);
  });
});
