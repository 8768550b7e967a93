/**
 * A Retry-After written as an HTTP-date is a time on the server's clock (RFC 9110 §10.2.3, the
 * server's `Date` of §6.6.1 beside it). Read against Lanyard's own clock, a backpack whose clock is
 * off by a few minutes (or a computer's) turned "in 20 seconds" into "now" (the throttled server
 * asked again after one backoff step, still throttled) or "in 30 minutes" (a run that could have
 * waited in place ended THROTTLED). It is the wait from the answer's `Date` when it has one
 * (http.ts retryAfter). The test backpack writes both on its own clock, moved here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { adaListing } from './listing.ts';

const ctx = useBackpack({ badges: 7 });
const CREDENTIALS = '/ims/ob/v3p0/credentials';

let moved = 0;
const moveServerClock = (ms: number): void => {
  ctx.bp.control.advanceTime(ms);
  moved += ms;
};
afterEach(() => {
  ctx.bp.control.advanceTime(-moved);
  moved = 0;
  ctx.bp.control.clearFaults();
});

async function ob3() {
  const h = await harness({ syncOptions: { pageSize: 3 } });
  const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
  return { h, id };
}

describe('a 429 whose Retry-After is an HTTP-date on a server clock that is not Lanyard’s', () => {
  it('the server an hour behind says "in 20 s": 20 s are waited, not one backoff step', async () => {
    const { h, id } = await ob3();
    moveServerClock(-3_600_000);
    ctx.bp.control.failNext({ status: 429, retryAfter: new Date(ctx.bp.control.now() + 20_000), path: CREDENTIALS, skip: 1 });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(h.waits).toHaveLength(1);
    // Whole seconds on both headers, and the date is written before the request arrives (a loaded machine: seconds): far above the 1 s step.
    expect(h.waits[0]).toBeGreaterThanOrEqual(10_000);
    expect(h.waits[0]).toBeLessThanOrEqual(21_000);
    expect(await h.db.badges.countByAccount(id)).toBe(adaListing(ctx.bp, 'ob3').length);
  });

  it('the server half an hour ahead says "in 3 s": waited out in place, the run not ended for half an hour', async () => {
    const { h, id } = await ob3();
    moveServerClock(30 * 60_000);
    ctx.bp.control.failNext({ status: 429, retryAfter: new Date(ctx.bp.control.now() + 3_000), path: CREDENTIALS, skip: 1 });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(h.waits).toHaveLength(1);
    expect(h.waits[0]).toBeLessThanOrEqual(4_000);
    expect(await h.db.badges.countByAccount(id)).toBe(adaListing(ctx.bp, 'ob3').length);
  });

  it('the server half an hour ahead says "in an hour": the run ends, to go on an hour from now by Lanyard’s clock, every badge kept', async () => {
    const { h, id } = await ob3();
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    moveServerClock(30 * 60_000);
    ctx.bp.control.failNext({ status: 429, retryAfter: new Date(ctx.bp.control.now() + 3_600_000), path: CREDENTIALS, skip: 1 });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'THROTTLED' } });
    expect(Math.abs(s.retryAt! - (Date.now() + 3_600_000))).toBeLessThan(5_000);
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
  });
});
