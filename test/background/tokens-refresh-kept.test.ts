/**
 * A provider that does not rotate refresh tokens (RFC 6749 §6: the server "MAY issue a new refresh
 * token"; when it does not, the client keeps the one it has): the refresh answer carries an access
 * token only. Lanyard keeps the refresh token it sent, refreshes with it again and again, also the
 * second refresh of token-use.ts, and revokes it at sign-out, which ends the access tokens it gave.
 * (No change was needed: tokens.ts writes a refresh token only when one came. This guards it.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { refreshId } from '../../src/background/services/tokens.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });
afterEach(() => {
  ctx.bp.control.stateForTests.keepRefreshToken = false;
  ctx.bp.control.clearFaults();
});

describe.each(['ob3', 'badge-connect'] as const)('%s: refresh answers without a refresh_token', (kind) => {
  it('keeps and reuses the refresh token it has, through expiries and a refused refreshed token; sign-out revokes it', async () => {
    ctx.bp.control.stateForTests.keepRefreshToken = true;
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    const refreshOf = async () => {
      const s = await h.db.secrets.get(refreshId(id));
      return s?.kind === 'refresh' ? s.refreshToken : undefined;
    };
    const first = await refreshOf();
    expect(first).toBeTruthy();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    const answered = () => ctx.bp.control.requests.filter((r) => r.path === '/oauth/token' && r.status === 200).length;
    const before = answered();
    // Two expiries, each refreshed with the same refresh token.
    for (let i = 0; i < 2; i++) {
      h.platform.session.map.set(id, { ...h.platform.session.map.get(id)!, expiresAt: Date.now() - 1000 });
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    }
    // The held token refused, and the refreshed one too: the second refresh still has a refresh token to send.
    const list = kind === 'ob3' ? '/ims/ob/v3p0/credentials' : '/ims/ob/v2p1/assertions';
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.failNext({ status: 401, path: list, count: 2 });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(answered() - before).toBe(4);
    expect(await refreshOf()).toBe(first);
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: false });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    const access = h.platform.session.map.get(id)!.accessToken;
    expect(ctx.bp.control.isTokenLive(access)).toBe(true);
    expect(await h.app.accounts.signOut(id)).toMatchObject({ signedOut: true });
    expect(ctx.bp.control.isTokenLive(first!)).toBe(false);
    expect(ctx.bp.control.isTokenLive(access)).toBe(false);
  });
});
