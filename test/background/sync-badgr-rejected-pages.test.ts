/**
 * A Badgr backpack whose pages hold only badges Lanyard does not keep (rejected by the user). Such a
 * page is not the listing's end (providers/badgr.ts), and the provider read on past it inside one
 * call, up to 500 pages, all counted as one page of the run's budget (sync-bound.ts MAX_PAGES): a
 * backpack answering 499 such pages before each page with a badge had one run make some 250,000
 * requests. Every page fetched now counts against the run's budget: a run asks for no more than
 * MAX_PAGES + 1 pages, keeps what was read and cached, and says why it stopped.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PAGES } from '../../src/background/services/sync-bound.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 4 });
const ASSERTIONS = '/v2/backpack/assertions';
/** Past this many pages the hostile backpack ends its listing, so that a client without a bound is seen failing, not hanging. */
const GIVE_UP = 3000;
const ENDLESS = GIVE_UP;

/**
 * The test backpack's Badgr listing as its first page (every badge), then pages `cursor=<n>` up to
 * `last` (0 at first: one page): each holds one rejected badge only, but every `goodEvery`th holds
 * one of the listing's badges (a page with a badge, as a backpack that hides a few among its rejected ones).
 */
function rejectedPages(goodEvery: number) {
  const state = { last: 0, asked: 0 };
  let body: { result: Record<string, unknown>[] } | undefined;
  const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
    const u = new URL(url);
    if (u.pathname !== ASSERTIONS) return fetch(url, init);
    state.asked += 1;
    const n = Number(u.searchParams.get('cursor') ?? 0);
    u.searchParams.delete('cursor');
    // The listing as the first page answered it (hundreds of pages follow: each is made from it).
    if (n === 0 || !body) body = (await (await fetch(u.toString(), init)).json()) as { result: Record<string, unknown>[] };
    u.searchParams.set('cursor', String(n + 1));
    const more = n < state.last ? { pagination: { hasNext: true, nextResults: u.toString() } } : { pagination: { hasNext: false, nextResults: null } };
    const one = body.result[0]!;
    const result = n === 0 ? body.result : n % goodEvery === 0 ? [one] : [{ ...one, entityId: `rejected-${n}`, acceptance: 'Rejected' }];
    return new Response(JSON.stringify({ ...body, result, ...more }), { headers: { 'content-type': 'application/json' } });
  };
  return { state, fetchFn };
}

async function cachedThenHostile(goodEvery: number) {
  const { state, fetchFn } = rejectedPages(goodEvery);
  const h = await harness({ fetch: fetchFn });
  const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
  expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
  const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
  expect(cached.length).toBeGreaterThan(1);
  state.last = ENDLESS;
  state.asked = 0;
  // A whole listing later (a day on), every page from the first.
  h.clock.offsetMs = 25 * 3600_000;
  return { h, id, state, cached };
}

describe('Badgr: pages of rejected badges only, page after page', () => {
  it.each([
    ['only rejected badges', GIVE_UP * 2],
    ['a badge every tenth page', 10],
  ])('%s: the run asks for no more pages than its budget, says so, and keeps every cached badge', async (_, goodEvery) => {
    const { h, id, state, cached } = await cachedThenHostile(goodEvery);
    const s = await h.app.sync.run(id);
    expect(state.asked).toBeLessThanOrEqual(MAX_PAGES + 1);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringContaining(`past ${MAX_PAGES + 1} pages`) } });
    const after = await h.db.badges.byAccount(id);
    expect(after.map((r) => r.key).sort()).toEqual(cached);
    // Not a whole listing: nothing is marked no longer listed.
    expect(after.filter((r) => r.unlisted)).toEqual([]);
    // Resumed where it stopped, past the pages read, not from the first page.
    expect(s.run?.cursor).toMatch(new RegExp(`cursor=${MAX_PAGES + 1}$`));
  }, 60_000);

  it('pages of rejected badges before the last: the listing is read to its end, whole, each badge kept', async () => {
    const { state, fetchFn } = rejectedPages(3);
    state.last = 3;
    const h = await harness({ fetch: fetchFn });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(s.run).toBeUndefined();
    expect(state.asked).toBe(4);
    const stored = await h.db.badges.byAccount(id);
    expect(stored.length).toBeGreaterThan(1);
    expect(stored.filter((r) => r.unlisted)).toEqual([]);
    expect(s.done).toBe(stored.length);
  });
});
