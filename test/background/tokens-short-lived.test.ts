/**
 * Access tokens that live five minutes or less (RFC 6749 §5.1: `expires_in` is the server's choice;
 * OB 3.0 and OB 2.1 only recommend an hour, and Keycloak's default lifespan is 300 s). Lanyard
 * refreshes a token when less than REFRESH_MARGIN_MS (5 minutes) is left: such a token had less
 * than that from the moment it was issued, so every request refreshed first, rotating the refresh
 * token each time. The margin is now at most half the token's lifetime.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 12 });
const tokenRequests = () => ctx.bp.control.requests.filter((r) => r.method === 'POST' && r.path === '/oauth/token').length;

afterEach(() => {
  ctx.bp.control.stateForTests.oauthTokenSeconds = undefined;
  ctx.bp.control.stateForTests.clockOffsetMs = 0;
});

/** Lanyard's clock and the backpack's move on together. */
const later = (h: { clock: { offsetMs: number } }, ms: number): void => {
  h.clock.offsetMs += ms;
  ctx.bp.control.advanceTime(ms);
};

describe('short-lived access tokens', () => {
  it('a 300-second token serves a whole sync of several pages without a refresh per request', async () => {
    ctx.bp.control.stateForTests.oauthTokenSeconds = 300;
    const h = await harness({ syncOptions: { pageSize: 3 } });
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const before = tokenRequests();
    const s = await h.app.sync.run(view.id);
    expect(s).toMatchObject({ status: 'idle' });
    expect(ctx.bp.control.requests.filter((r) => r.path === '/ims/ob/v3p0/credentials').length).toBeGreaterThan(3);
    expect(tokenRequests() - before).toBe(0);
  });

  it('the same token is still refreshed before it runs out (within half its lifetime of the end)', async () => {
    ctx.bp.control.stateForTests.oauthTokenSeconds = 300;
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const first = h.platform.session.map.get(view.id)!;
    later(h, first.expiresAt! - Date.now() - 60_000); // a minute left of five
    const before = tokenRequests();
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle' });
    // At least once: the clients compute a new token's expiry on the real clock, not the harness's moved one.
    expect(tokenRequests() - before).toBeGreaterThanOrEqual(1);
    expect(h.platform.session.map.get(view.id)!.accessToken).not.toBe(first.accessToken);
  });

  it('an hour-long token is refreshed when five minutes are left, as before', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const first = h.platform.session.map.get(view.id)!;
    later(h, first.expiresAt! - Date.now() - 4 * 60_000);
    const before = tokenRequests();
    expect(await h.app.sync.run(view.id)).toMatchObject({ status: 'idle' });
    expect(tokenRequests() - before).toBeGreaterThanOrEqual(1);
    expect(h.platform.session.map.get(view.id)!.accessToken).not.toBe(first.accessToken);
  });
});
