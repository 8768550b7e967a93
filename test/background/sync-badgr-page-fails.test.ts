/**
 * A Badgr backpack that pages (badgr-server mainsite/pagination.py: `pagination.nextResults` and a
 * Link rel="next") and fails on a later page. The pages used to be gathered before any badge was
 * handled, so a failure on page 2 kept the badges cached before but stored none of page 1's new
 * ones, every run. Each page is now a page of the sync (its cursor the next address): page 1's
 * badges are stored, the run resumes at page 2, nothing is lost or stored twice, and a run that
 * did not read the whole listing marks no badge as no longer listed (sync-listed.ts).
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 4 });
const ASSERTIONS = '/v2/backpack/assertions';

/** The backpack's one-page listing served as two pages of two; page 2 fails while `failing`. */
function paged() {
  const state = { failing: true, asked: [] as string[], listed: 0 };
  const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
    const u = new URL(url);
    if (u.pathname !== ASSERTIONS) return fetch(url, init);
    state.asked.push(url);
    const second = u.searchParams.get('cursor') === 'p2';
    if (second && state.failing) return new Response('{"detail":"Bad gateway"}', { status: 502, headers: { 'content-type': 'application/json' } });
    u.searchParams.delete('cursor');
    const res = await fetch(u.toString(), init);
    const body = (await res.json()) as { result: unknown[] };
    state.listed = body.result.length;
    u.searchParams.set('cursor', 'p2');
    const page = second
      ? { ...body, result: body.result.slice(2), pagination: { hasNext: false, nextResults: null } }
      : { ...body, result: body.result.slice(0, 2), pagination: { hasNext: true, nextResults: u.toString() } };
    return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { state, fetchFn };
}

describe('Badgr: a later page fails', () => {
  it("stores page 1's badges, resumes at page 2, and loses or repeats nothing", async () => {
    const { state, fetchFn } = paged();
    const h = await harness({ fetch: fetchFn });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error' });
    // Page 1's two badges are stored though page 2 failed.
    expect(await h.db.badges.byAccount(id)).toHaveLength(2);
    expect(failed.run?.cursor).toMatch(/cursor=p2/);
    state.failing = false;
    state.asked.length = 0;
    h.clock.offsetMs = 2 * 3600_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    // Resumed at page 2, not from the first page.
    expect(state.asked.every((u) => u.includes('cursor=p2'))).toBe(true);
    const all = await h.db.badges.byAccount(id);
    expect(state.listed).toBeGreaterThan(2);
    expect(all).toHaveLength(state.listed);
    expect(new Set(all.map((r) => r.key)).size).toBe(state.listed);
    expect(all.filter((r) => r.unlisted)).toEqual([]);
  });

  it('a run that fails midway marks nothing unlisted', async () => {
    const { state, fetchFn } = paged();
    state.failing = false;
    const h = await harness({ fetch: fetchFn });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const before = await h.db.badges.byAccount(id);
    expect(before).toHaveLength(state.listed);
    state.failing = true;
    h.clock.offsetMs = 25 * 3600_000;
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'error' });
    const after = await h.db.badges.byAccount(id);
    expect(after.map((r) => r.key).sort()).toEqual(before.map((r) => r.key).sort());
    expect(after.filter((r) => r.unlisted)).toEqual([]);
  });
});
