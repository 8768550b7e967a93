/**
 * Badge Connect's incremental listing keeps what was "created or updated after the provided
 * timestamp" (OB 2.1 GET /assertions `since`), a time the backpack compares with its own clock. The
 * next run's `since` was this run's start on Lanyard's clock, less ten minutes (SINCE_MARGIN_MS): a
 * computer whose clock runs more than that ahead of the backpack's (a wrong time zone set by hand,
 * a dead clock battery) asked for what changed after a time the backpack had not reached, and a
 * badge issued meanwhile was not listed by any incremental run, only by the weekly whole listing
 * (sync-limits.ts WHOLE_LISTING_EVERY_MS). The backpack's clock is in every answer (RFC 9110
 * §6.6.1: an origin server with a clock MUST send `Date`), so `since` is the run's start on that
 * clock when it is earlier (SyncRun.serverTime), less the same margin.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 4 });
const ASSERTIONS = '/ims/ob/v2p1/assertions';

describe('Badge Connect: `since` on the backpack’s clock', () => {
  it('Lanyard’s clock 30 minutes ahead: a badge issued after a sync is listed by the next incremental run', async () => {
    const h = await harness();
    h.clock.offsetMs = 30 * 60_000;
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const first = await h.app.sync.run(id);
    expect(first).toMatchObject({ status: 'idle' });
    expect(Date.parse(first.since!)).toBeLessThanOrEqual(ctx.bp.control.now());
    const newId = ctx.bp.control.issueBadge('ada@example.org');
    const before = h.fetched.length;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const asked = new URL(h.fetched.slice(before).find((u) => u.includes(ASSERTIONS))!);
    expect(asked.searchParams.get('since')).toBe(first.since);
    expect(await h.db.badges.get(`${id}|${ctx.bp.baseUrl}/public/assertions/${newId}`)).toMatchObject({ sourceId: `${ctx.bp.baseUrl}/public/assertions/${newId}` });
  });

  it('Lanyard’s clock behind the backpack’s: its own (earlier) start stays the `since`', async () => {
    const h = await harness();
    h.clock.offsetMs = -30 * 60_000;
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const started = Date.now() - 30 * 60_000;
    const first = await h.app.sync.run(id);
    expect(Date.parse(first.since!)).toBeLessThanOrEqual(started - 10 * 60_000 + 2_000);
  });

  it.each([
    ['a Date years ahead', 'Fri, 31 Dec 9999 23:59:59 GMT'],
    ['a Date that is no date', 'yesterday, around noon'],
  ])('%s: Lanyard’s own start stays the `since`', async (_, date) => {
    const h = await harness({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (!new URL(url).pathname.startsWith(ASSERTIONS)) return res;
        const headers = new Headers(res.headers);
        headers.set('date', date);
        return new Response(res.body, { status: res.status, headers });
      },
    });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const started = Date.now();
    const first = await h.app.sync.run(id);
    expect(first).toMatchObject({ status: 'idle' });
    expect(Math.abs(Date.parse(first.since!) - (started - 10 * 60_000))).toBeLessThan(5_000);
  });

  it('a Date before the year 0 (a broken clock, read as an extended ISO year): the next `since` is still a four-digit date, and the next run lists', async () => {
    let date: string | undefined = '-000500-01-01T00:00:00Z';
    const h = await harness({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (date === undefined || !new URL(url).pathname.startsWith(ASSERTIONS)) return res;
        const headers = new Headers(res.headers);
        headers.set('date', date);
        return new Response(res.body, { status: res.status, headers });
      },
    });
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const first = await h.app.sync.run(id);
    expect(first).toMatchObject({ status: 'idle' });
    // RFC 3339 §5.6: a date-time's year is four digits.
    expect(first.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    date = undefined;
    const newId = ctx.bp.control.issueBadge('ada@example.org');
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(await h.db.badges.get(`${id}|${ctx.bp.baseUrl}/public/assertions/${newId}`)).toBeDefined();
  });
});
