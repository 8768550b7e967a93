/**
 * Two things at once on one account: a sync that starts while the account is being signed out
 * (an alarm, the popup) must not bring the account, its sync state or its badges back once the
 * sign-out has forgotten them.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack();

describe('a sync during a sign-out', () => {
  it('started while the server revokes the session: the account stays signed out, with no badge, state or token left', async () => {
    let release!: () => void;
    const revoking = new Promise<void>((r) => (release = r));
    let revokeSeen = false;
    let signedOut!: () => void;
    const gone = new Promise<void>((r) => (signedOut = r));
    let holdAddresses = false;
    const h = await harness({
      fetch: async (url, init) => {
        const path = new URL(url).pathname;
        if (path === '/o/revoke_token/') {
          revokeSeen = true;
          await revoking;
        }
        // The sync's first request answers only once the sign-out has forgotten everything.
        if (holdAddresses && path === '/v1/user/emails') await gone;
        return fetch(url, init);
      },
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(id);
    expect(await h.db.badges.countByAccount(id)).toBeGreaterThan(0);
    const out = h.app.accounts.signOut(id);
    for (let i = 0; i < 400 && !revokeSeen; i++) await new Promise((r) => setTimeout(r, 5));
    expect(revokeSeen).toBe(true);
    // An alarm fires now: the account's record is still there, its token still in the session.
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    holdAddresses = true;
    const sync = h.app.sync.run(id);
    release();
    await out;
    signedOut();
    await sync;
    expect(await h.db.accounts.get(id)).toBeUndefined();
    expect(await h.db.badges.countByAccount(id)).toBe(0);
    expect(await h.db.syncState.get(id)).toBeUndefined();
    expect(h.platform.session.map.has(id)).toBe(false);
  });
});
