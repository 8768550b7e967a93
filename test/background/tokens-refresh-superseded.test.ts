/**
 * A background refresh of a session (the access token due, a 401) writes what the backpack answered
 * only while the tokens it started from are still the ones stored (tokens.ts). It wrote them
 * whatever had happened meanwhile: a new sign-in of the same account that stored its tokens during
 * the refresh had them overwritten by the old session's refreshed pair (the new session then live at
 * the backpack, known to no one, and the account on the session it meant to replace); a sign-out whose
 * end cleared the tokens after the refresh had found the account still there had them written back
 * (tokens kept for an account signed out, the rotated pair never revoked). A refresh whose tokens were
 * replaced or cleared meanwhile now keeps nothing, and ends the pair it brought at the backpack. Nor
 * does one refused because a new sign-in ended the session it refreshed mark the account as needing
 * a new sign-in: the new session goes on.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';
import { refreshOnItsWay } from './held-refresh.ts';

const ctx = useBackpack({ badges: 1 });

describe('a refresh whose tokens changed while it was on its way', () => {
  it('a new sign-in of the same account stored its tokens meanwhile: they stay, and the refreshed old pair is revoked', async () => {
    const { h, id, listing, rotated, release } = await refreshOnItsWay(ctx.bp.baseUrl);
    // Signed in again while the refresh's answer is on its way.
    expect((await badgrSignIn(h, ctx.bp.baseUrl)).id).toBe(id);
    const signedIn = { access: h.platform.session.map.get(id)!.accessToken, refresh: ((await h.db.secrets.get(`refresh:${id}`)) as { refreshToken: string }).refreshToken };
    expect(signedIn.refresh).not.toBe(rotated.refresh_token);
    release();
    await listing;
    expect(h.platform.session.map.get(id)?.accessToken).toBe(signedIn.access);
    expect(await h.db.secrets.get(`refresh:${id}`)).toMatchObject({ refreshToken: signedIn.refresh });
    expect(ctx.bp.control.isTokenLive(signedIn.access)).toBe(true);
    expect(ctx.bp.control.isTokenLive(rotated.refresh_token)).toBe(false);
    expect(ctx.bp.control.isTokenLive(rotated.access_token)).toBe(false);
    // The account works on its new session.
    expect((await h.app.emails.list(id)).length).toBeGreaterThan(0);
  });

  it('a sign-out ended after the refresh found the account still there: nothing is written back, the rotated pair revoked', async () => {
    const { h, id, listing, rotated, release } = await refreshOnItsWay(ctx.bp.baseUrl);
    // The refresh's look at the account answers before the sign-out deletes it; what follows it waits.
    const get = h.db.accounts.get.bind(h.db.accounts);
    let trapped = false;
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    h.db.accounts.get = async (key) => {
      if (trapped) return get(key);
      trapped = true;
      const found = await get(key);
      await held;
      return found;
    };
    release();
    for (let i = 0; i < 200 && !trapped; i++) await new Promise((r) => setTimeout(r, 5));
    expect(trapped).toBe(true);
    const out = h.app.accounts.signOut(id);
    // The sign-out goes as far as it can: to its end (the tokens cleared), or to a wait for the refresh.
    for (let i = 0; i < 100 && (await h.db.syncState.get(id)); i++) await new Promise((r) => setTimeout(r, 10));
    letGo();
    expect(await out).toMatchObject({ signedOut: true });
    await listing;
    expect(await h.db.accounts.get(id)).toBeUndefined();
    expect(await h.db.secrets.get(`refresh:${id}`)).toBeUndefined();
    expect(h.platform.session.map.has(id)).toBe(false);
    expect(ctx.bp.control.isTokenLive(rotated.refresh_token)).toBe(false);
    expect(ctx.bp.control.isTokenLive(rotated.access_token)).toBe(false);
  });

  it('refused because a new sign-in ended the session it refreshed: the account is not marked, the new session goes on', async () => {
    let armed = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const sent = new Promise<void>((r) => (reached = r));
    const h = await harness({
      fetch: async (url, init) => {
        // The refresh waits before it reaches the backpack.
        if (armed && new URL(url).pathname.startsWith('/o/token')) {
          armed = false;
          reached();
          await gate;
        }
        return fetch(url, init);
      },
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(id);
    const old = ((await h.db.secrets.get(`refresh:${id}`)) as { refreshToken: string }).refreshToken;
    h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
    armed = true;
    const listing = h.app.emails.list(id).then(
      (l) => l.length,
      (e: { code?: string }) => e.code,
    );
    await sent;
    expect((await badgrSignIn(h, ctx.bp.baseUrl)).id).toBe(id);
    // The sign-in ends the session it replaced at the backpack (session-end.ts): the refresh will be refused.
    for (let i = 0; i < 200 && ctx.bp.control.isTokenLive(old); i++) await new Promise((r) => setTimeout(r, 5));
    expect(ctx.bp.control.isTokenLive(old)).toBe(false);
    release();
    expect(await listing).toEqual(expect.any(Number));
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: false });
    expect(ctx.bp.control.isTokenLive(h.platform.session.map.get(id)!.accessToken)).toBe(true);
  });
});
