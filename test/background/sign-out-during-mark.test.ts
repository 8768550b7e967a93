/**
 * A sign-out while a sync marks the badges its backpack no longer lists (sync-listed.ts mark, after a
 * whole listing): the sign-out stops the run (accounts.ts onSigningOut, sync.ts cancel) and then keeps
 * the badges marked (unlisted-keep.ts). The marking stopped at the next badge, so a badge the listing
 * had found gone, but not marked yet, was forgotten with the account: the user's only copy destroyed.
 * Now every badge is marked before any is checked again (the checks, which ask the network, are what
 * a stop cuts short).
 */
import { describe, expect, it } from 'vitest';
import { syncedBadgr, useBackpack } from './harness.ts';

const ctx = useBackpack();

describe('a sign-out while a sync marks the badges no longer listed', () => {
  it('keeps every badge the listing found gone, not only those marked before the stop', async () => {
    const control = ctx.bp.control;
    const { h, id } = await syncedBadgr(ctx.bp.baseUrl);
    const gone = [control.issueBadge('ada@example.org'), control.issueBadge('ada@example.org')];
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    const keys = gone.map((e) => `${id}|${e}`);
    const urls = await Promise.all(keys.map(async (k) => (await h.db.badges.get(k))!.meta.publicUrl));
    for (const e of gone) control.deleteBadge(e);
    h.clock.offsetMs += 60_000;
    // The user signs out as the first of them is marked.
    const update = h.db.badges.update.bind(h.db.badges);
    let signingOut: Promise<unknown> | undefined;
    h.db.badges.update = async (key, change) => {
      if (!signingOut && keys.includes(key)) {
        signingOut = h.app.accounts.signOut(id);
        for (let i = 0; i < 200 && (await h.db.accounts.get(id)); i++) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, 20));
      }
      return update(key, change);
    };
    await h.app.sync.run(id);
    expect(signingOut).toBeDefined();
    expect(await signingOut).toMatchObject({ signedOut: true, kept: 2 });
    const shown = (await h.app.library.list()).filter((b) => urls.includes(b.publicUrl));
    expect(shown).toHaveLength(2);
    expect(shown.every((b) => b.accountId === 'local' && b.unlisted)).toBe(true);
  });
});
