/**
 * The token endpoint throttling the refresh a sync needs (its access token due, or refused with
 * `invalid_token`): 429 with Retry-After as seconds or as an HTTP-date (RFC 9110 §10.2.3). Not the end of
 * the session: no "sign in again", every badge kept, the run stopped with its retry at the time the server
 * gave, and the next run goes on with the refresh token kept (the 429 rotated nothing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API_KINDS, syncedAs, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 2 });
afterEach(() => ctx.bp.control.clearFaults());

describe.each(API_KINDS)('$kind: the refresh throttled during a sync', ({ kind, token, list }) => {
  it.each([
    { spelled: 'seconds', retryAfter: () => 600 },
    { spelled: 'an HTTP-date', retryAfter: () => new Date(ctx.bp.control.now() + 600_000) },
  ])('Retry-After as $spelled: stopped until then, not signed out, badges kept; the next run completes', async ({ retryAfter }) => {
    const { h, id, cached } = await syncedAs(kind, ctx.bp.baseUrl);
    const kept = await h.db.secrets.get(`refresh:${id}`);
    // The access token refused (the server ended it early): the refresh that follows is throttled.
    ctx.bp.control.failNext({ status: 401, path: list, challenge: 'invalid_token' });
    ctx.bp.control.failNext({ status: 429, path: token, retryAfter: retryAfter(), count: 4 });
    const start = Date.now();
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'THROTTLED' } });
    expect(s.retryAt).toBeGreaterThanOrEqual(start + 590_000);
    expect(s.retryAt).toBeLessThan(start + 700_000);
    expect((await h.app.accounts.list()).find((a) => a.id === id)?.needsSignIn).toBeFalsy();
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    expect(await h.db.secrets.get(`refresh:${id}`)).toMatchObject({ refreshToken: kept?.kind === 'refresh' ? kept.refreshToken : '' });
    ctx.bp.control.clearFaults();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
  });
});
