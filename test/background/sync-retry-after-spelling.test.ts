/**
 * Retry-After as servers and gateways write it beside RFC 9110 §10.2.3's grammar (retry-after.ts):
 * decimal seconds, and the field sent twice (a gateway adding its own in front of the server: the
 * lines joined "30, 30", §5.3). `Date.parse` read "30.0" and "30, 30" as nothing, so a 429 asking
 * for 30 s ended the run for the 30 minutes OB 3.0 gives a throttle that names no time; and "12.3"
 * as 3 December 2001, a wait of none. Now each is the wait it says, waited in place, the run
 * completes and every badge is stored once.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { adaListing } from './listing.ts';

const ctx = useBackpack({ badges: 7 });
const CREDENTIALS = '/ims/ob/v3p0/credentials';

describe.each([
  ['decimal seconds', '30.0', 30_000],
  ['decimal seconds past the backoff step', '12.3', 13_000],
  ['the field sent twice', '30, 30', 30_000],
  ['the field sent twice, two waits (the longest kept)', '5, 20', 20_000],
] as const)('a 429 whose Retry-After is %s (%s)', (_, retryAfter, waited) => {
  it('is waited out in place and the run completes, every badge stored once', async () => {
    const h = await harness({ syncOptions: { pageSize: 3 } });
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    ctx.bp.control.failNext({ status: 429, retryAfter, path: CREDENTIALS, skip: 1 });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    expect(h.waits).toEqual([waited]);
    expect(await h.db.badges.countByAccount(id)).toBe(adaListing(ctx.bp, 'ob3').length);
  });
});
