/**
 * A token is refreshed a few minutes before it expires (tokens.ts REFRESH_MARGIN_MS), so that no
 * request carries one that dies on its way. When that early refresh fails for a passing reason (the
 * token endpoint down or slow: 5xx, no answer, 429; OB 3.0's own example puts it on another host
 * than the API, auth.1edtech.org), the token in hand still works until it expires: the sync used
 * to fail all the same, retried its backoff, and never asked the API that would have answered.
 * Now the token in hand serves until its expiry; a refresh refused for good still ends the session.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 3 });

describe('an early refresh that fails for a passing reason', () => {
  it.each([
    ['503', { status: 503 }],
    ['429 with Retry-After', { status: 429, retryAfter: 5 }],
  ])('%s from the token endpoint: the sync goes on with the token in hand, still live', async (_, fault) => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const token = h.platform.session.map.get(id)!.accessToken;
    // 58 minutes into the hour-long token: inside the refresh margin, not yet expired.
    h.clock.offsetMs = 58 * 60_000;
    ctx.bp.control.failNext({ ...fault, path: '/oauth/token', count: 100 });
    const s = await h.app.sync.run(id);
    ctx.bp.control.clearFaults();
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(await h.db.badges.countByAccount(id)).toBeGreaterThan(0);
    expect(h.platform.session.map.get(id)!.accessToken).toBe(token);
    expect((await h.app.accounts.list()).find((a) => a.id === id)).toMatchObject({ needsSignIn: false });
  });

  it('past its expiry the token in hand is not used: the run fails and retries later', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    h.clock.offsetMs = 61 * 60_000;
    ctx.bp.control.failNext({ status: 503, path: '/oauth/token', count: 100 });
    const s = await h.app.sync.run(id);
    ctx.bp.control.clearFaults();
    expect(s).toMatchObject({ status: 'error', error: { code: 'SERVER_ERROR' }, retryAt: expect.any(Number) });
  });
});
