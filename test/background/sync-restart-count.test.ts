/**
 * A run's progress count (`done`, "n of m") when the listing starts again from its first page in a
 * worker that did not begin the run (Manifest V3 stops workers mid-run; the next resumes the run from
 * syncState). A worker remembers the badges it handled only in memory, and the run kept a single
 * count: a relist (sync-anchor.ts, the offset listing moved) counted again every badge an earlier
 * worker had counted, and a start over (sync-cursor.ts, the saved cursor refused) saved the count as
 * the new worker's, 0, before counting up again. `done` is never more than the distinct badges the
 * run handled, and a stored count never goes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';
import { until } from './held-fetch.ts';
import { adaListing } from './listing.ts';

const ctx = useBackpack({ badges: 9 });
const OB3 = '/ims/ob/v3p0/credentials';
const ASSERTIONS = '/v2/backpack/assertions';
const PAGE = 3;

afterEach(() => {
  ctx.bp.control.resume();
  ctx.bp.control.clearFaults();
});

/** A fetch that, at each request to the listing at `path`, notes the `done` stored then (once `watch` is set). */
function storedAtEachPage(path: string) {
  const noted: number[] = [];
  const probe: { watch?: () => Promise<number | undefined> } = {};
  const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
    if (probe.watch && new URL(url).pathname === path) noted.push((await probe.watch()) ?? -1);
    return fetch(url, init);
  };
  return { noted, probe, fetchFn };
}

const nonDecreasing = (xs: readonly number[]): boolean => xs.every((x, i) => i === 0 || x >= xs[i - 1]!);

describe('the listing from its first page again, in a new worker', () => {
  it('a relist (a badge deleted at the provider) counts no badge twice, and the count never goes back', async () => {
    const { noted, probe, fetchFn } = storedAtEachPage(OB3);
    const h = await harness({ fetch: fetchFn, syncOptions: { pageSize: PAGE, sleep: async () => undefined } });
    // The sign-in's run: its second page hangs, the first page stored, when the worker "dies".
    ctx.bp.control.onRequest({ path: OB3, skip: 1 }, () => ctx.bp.control.pause());
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const first = h.app.sync.run(id);
    // The page before is saved, and its cursor, before the next page is asked (sync.ts).
    await until(() => ctx.bp.control.paused);
    const before = adaListing(ctx.bp, 'ob3').map((b) => b.entityId);
    expect(before.length).toBeGreaterThan(2 * PAGE);
    const stopped = (await h.db.syncState.get(id))!;
    expect(stopped).toMatchObject({ done: PAGE, run: { cursor: expect.any(String) } });
    h.app.sync.destroy();
    ctx.bp.control.clearFaults();
    ctx.bp.control.resume();
    await first;

    // A badge of the page read goes: the page resumed does not hold its anchor, and the new worker lists from the first page again.
    ctx.bp.control.deleteBadge(before[1]!);
    const h2 = await h.restart();
    probe.watch = async () => (await h2.db.syncState.get(id))?.done;
    const s = await h2.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    // The listing was read again from its first page (offset 0) after the resumed page.
    expect(noted.length).toBeGreaterThan(Math.ceil(before.length / PAGE));
    // Every badge listed before was handled once or more: no more than those, at least those still listed.
    expect(s.done).toBeLessThanOrEqual(before.length);
    expect(s.done).toBeGreaterThanOrEqual(before.length - 1);
    expect(s.total).toBe(s.done);
    expect(noted.every((d) => d >= PAGE && d <= before.length)).toBe(true);
    expect(nonDecreasing([...noted, s.done])).toBe(true);
  });

  it('a start over (the saved cursor refused) keeps the count shown, and ends at the badges listed', async () => {
    // Badgr's listing as two pages of two, page 2 at `cursor=<token>`: 502 at first, then a new token (the old cursor expired: 410).
    const state = { token: 'a', failing: true, listed: 0 };
    const { noted, probe, fetchFn: noting } = storedAtEachPage(ASSERTIONS);
    const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
      const u = new URL(url);
      if (u.pathname !== ASSERTIONS) return fetch(url, init);
      const cursor = u.searchParams.get('cursor');
      const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (cursor !== null && state.failing) return json({ detail: 'Bad gateway' }, 502);
      if (cursor !== null && cursor !== state.token) return json({ detail: 'Invalid cursor' }, 410);
      u.searchParams.delete('cursor');
      const body = (await (await noting(u.toString(), init)).json()) as { result: unknown[] };
      state.listed = body.result.length;
      u.searchParams.set('cursor', state.token);
      const page = cursor !== null ? { ...body, result: body.result.slice(2) } : { ...body, result: body.result.slice(0, 2), pagination: { hasNext: true, nextResults: u.toString() } };
      return json(page, 200);
    };
    const h = await harness({ fetch: fetchFn });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error', done: 2 });
    state.failing = false;
    state.token = 'b';
    h.clock.offsetMs = 2 * 3600_000;
    const h2 = await h.restart();
    probe.watch = async () => (await h2.db.syncState.get(id))?.done;
    const s = await h2.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(state.listed).toBeGreaterThan(2);
    expect(s.done).toBe(state.listed);
    // Asked at the first page after the refusal: the count saved then is still the 2 the run had shown.
    expect(noted.length).toBeGreaterThan(0);
    expect(noted.every((d) => d >= 2)).toBe(true);
    expect(nonDecreasing([...noted, s.done])).toBe(true);
  });
});
