/**
 * What real providers do in the middle of a sync, against the test backpack: Retry-After as an
 * HTTP-date (RFC 9110 §10.2.3: "HTTP-date / delay-seconds"; OB 3.0 / 2.1 "Retry Behavior": honour
 * it), and an access token that stops working between two pages (its lifetime over at the
 * provider: 401 with `WWW-Authenticate: Bearer error="invalid_token"`, RFC 6750 §3.1).
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { adaListing } from './listing.ts';

const ctx = useBackpack({ badges: 7 });
const CREDENTIALS = '/ims/ob/v3p0/credentials';

async function ob3() {
  const h = await harness({ syncOptions: { pageSize: 3 } });
  const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
  return { h, id };
}

describe('a 429 whose Retry-After is an HTTP-date', () => {
  it('a date a few seconds ahead is waited out in place; one an hour ahead ends the run with the retry then, every badge kept', async () => {
    const { h, id } = await ob3();
    ctx.bp.control.failNext({ status: 429, retryAfter: new Date(Date.now() + 3_000), path: CREDENTIALS, skip: 1 });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(h.waits).toHaveLength(1);
    expect(h.waits[0]).toBeGreaterThan(0);
    expect(h.waits[0]).toBeLessThanOrEqual(4_000);
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    expect(cached).toHaveLength(adaListing(ctx.bp, 'ob3').length);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    const at = Date.now() + 3_600_000;
    ctx.bp.control.failNext({ status: 429, retryAfter: new Date(at), path: CREDENTIALS, skip: 1 });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'THROTTLED' } });
    expect(Math.abs(s.retryAt! - at)).toBeLessThan(5_000);
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
  });
});

describe('a 429 whose Retry-After says now (0, or an HTTP-date already past)', () => {
  const says: [string, () => number | Date][] = [
    ['0', () => 0],
    ['a past HTTP-date', () => new Date(Date.now() - 60_000)],
  ];
  it.each(says)('%s: the attempts in place are still spaced by the backoff, not sent back to back', async (_, retryAfter) => {
    const { h, id } = await ob3();
    ctx.bp.control.failNext({ status: 429, retryAfter: retryAfter(), path: CREDENTIALS, count: 100 });
    const s = await h.app.sync.run(id);
    ctx.bp.control.clearFaults();
    expect(s).toMatchObject({ status: 'error', error: { code: 'THROTTLED' } });
    expect(h.waits).toEqual([1000, 2000, 4000]);
  });
});

describe('an access token the provider stops taking between two pages', () => {
  it('is refreshed once, the run goes on from the page it was on, and every badge is stored once', async () => {
    const { h, id } = await ob3();
    const old = h.platform.session.map.get(id)!.accessToken;
    // The provider's clock runs past the token's hour as the second page is asked for.
    ctx.bp.control.onRequest({ path: CREDENTIALS, skip: 1 }, () => ctx.bp.control.advanceTime(2 * 3_600_000));
    const before = ctx.bp.control.requests.length;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    const asked = ctx.bp.control.requests.slice(before);
    const rejected = asked.filter((r) => r.path === CREDENTIALS && r.status === 401);
    expect(rejected).toHaveLength(1);
    expect(asked.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
    expect(h.platform.session.map.get(id)!.accessToken).not.toBe(old);
    expect(await h.db.badges.countByAccount(id)).toBe(adaListing(ctx.bp, 'ob3').length);
    expect(s.done).toBe(adaListing(ctx.bp, 'ob3').length);
  });
});

describe('a token endpoint that answers a refresh with an HTML error page (no RFC 6749 §5.2 JSON)', () => {
  async function expiredMidway() {
    const { h, id } = await ob3();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.advanceTime(2 * 3_600_000);
    return { h, id, cached };
  }
  const html = '<html><body>Bad gateway</body></html>';

  it('a 502 is a server failure: retried in place, and the run completes', async () => {
    const { h, id, cached } = await expiredMidway();
    const before = ctx.bp.control.requests.length;
    ctx.bp.control.failNext({ status: 502, path: '/oauth/token', html });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(ctx.bp.control.requests.slice(before).filter((r) => r.path === '/oauth/token').map((r) => r.status)).toEqual([502, 200]);
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
  });

  it('a 400 without an error code stops the run, but is no ended session: badges kept, no sign-in asked, the next run completes', async () => {
    const { h, id, cached } = await expiredMidway();
    ctx.bp.control.failNext({ status: 400, path: '/oauth/token', html });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'REJECTED' } });
    expect(s.retryAt).toBeGreaterThan(Date.now());
    expect((await h.db.accounts.get(id))!.needsSignIn).toBeFalsy();
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
  });
});
