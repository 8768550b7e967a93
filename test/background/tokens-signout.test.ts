/**
 * A token refresh in flight when the account is signed out (an address change, a sync): the refresh
 * token it brings back (the server rotated the pair) must neither be kept for an account that is
 * gone nor be left live at the server. Sign-out does not wait for it (a token endpoint that never
 * answers must not hold it): the refresh, finding the account gone, revokes the new pair and keeps
 * nothing (tokens.ts).
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });

describe('a refresh in flight during a sign-out', () => {
  it('leaves no token stored, and the pair it brought is revoked at the server', async () => {
    let hold = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let reached!: (refreshToken: string) => void;
    const atToken = new Promise<string>((r) => (reached = r));
    const h = await harness({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        // The server has rotated the pair; its answer reaches Lanyard only once the sign-out has gone on.
        if (hold && new URL(url).pathname.startsWith('/o/token')) {
          hold = false;
          const body = (await res.clone().json()) as { refresh_token: string };
          reached(body.refresh_token);
          await gate;
        }
        return res;
      },
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(id);
    // The access token has expired: the next request refreshes it first.
    h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
    hold = true;
    const listing = h.app.emails.list(id).then(() => 'listed', (e: { code?: string }) => e.code);
    const rotated = await atToken;
    const out = h.app.accounts.signOut(id);
    // The sign-out's own requests go on meanwhile (nothing else is held).
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await out).toMatchObject({ signedOut: true });
    await listing;
    expect(await h.db.accounts.get(id)).toBeUndefined();
    expect(await h.db.secrets.get(`refresh:${id}`)).toBeUndefined();
    expect(h.platform.session.map.has(id)).toBe(false);
    expect(ctx.bp.control.isTokenLive(rotated)).toBe(false);
  });
});
