/**
 * A sign-in of an account signed in already ends the session its tokens replace (accounts.ts
 * storeSignedIn, session-end.ts replacedPart). It read that session (tokens.ts current) before it wrote
 * the account, then stored its own tokens: a refresh of the old session that wrote its rotated pair in
 * between (its tokens were still the ones it started from) was replaced unseen and never revoked, a
 * session live at the backpack, known to no one (its refresh token for good), while the sign-in revoked
 * the pair the rotation had ended already. The sign-in now reads what it replaces and writes its own
 * within the tokens' serial section (tokens.ts replace): a refresh writes wholly before (its pair is
 * what is replaced, and revoked) or after (it finds its tokens replaced: tokens.ts, revoked there).
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, useBackpack } from './harness.ts';
import { refreshOnItsWay } from './held-refresh.ts';

const ctx = useBackpack({ badges: 1 });

describe('a sign-in while a refresh of the session it replaces writes its answer', () => {
  it('ends the refreshed pair at the backpack, and keeps its own', async () => {
    const { h, id, listing, rotated, release } = await refreshOnItsWay(ctx.bp.baseUrl);
    // The sign-in has read the session it replaces and writes its account: the refresh's answer lands now.
    const update = h.db.accounts.update.bind(h.db.accounts);
    let landed = false;
    h.db.accounts.update = async (key, change) => {
      if (!landed) {
        landed = true;
        release();
        for (let i = 0; i < 400 && ((await h.db.secrets.get(`refresh:${id}`)) as { refreshToken?: string } | undefined)?.refreshToken !== rotated.refresh_token; i++) {
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      return update(key, change);
    };
    expect((await badgrSignIn(h, ctx.bp.baseUrl)).id).toBe(id);
    expect(landed).toBe(true);
    await listing;
    const kept = { access: h.platform.session.map.get(id)!.accessToken, refresh: ((await h.db.secrets.get(`refresh:${id}`)) as { refreshToken: string }).refreshToken };
    expect(kept.refresh).not.toBe(rotated.refresh_token);
    expect(ctx.bp.control.isTokenLive(kept.access)).toBe(true);
    // The replaced session's end is best effort and not waited for (session-end.ts endDropped).
    for (let i = 0; i < 400 && ctx.bp.control.isTokenLive(rotated.refresh_token); i++) await new Promise((r) => setTimeout(r, 5));
    expect(ctx.bp.control.isTokenLive(rotated.refresh_token)).toBe(false);
    expect(ctx.bp.control.isTokenLive(rotated.access_token)).toBe(false);
  });
});
