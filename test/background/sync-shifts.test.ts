/**
 * Offset paging (OB 3.0 API and Badge Connect: `limit`/`offset`, newest first, as badgr-server's
 * BadgeConnectPagination over `order_by('-updated_at')`) while the provider changes between two
 * page requests: a badge deleted on an earlier page moves every later one up a place, so the
 * first badge of the next page would fall between two pages. Sync never misses a badge that is
 * still there, and never drops a cached one (a badge the provider no longer lists stays cached).
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { adaListing } from './listing.ts';

const ctx = useBackpack({ badges: 9 });
const OB3 = { kind: 'ob3', path: '/ims/ob/v3p0/credentials', source: (id: string) => `${ctx.bp.baseUrl}/ob3/credentials/${id}` } as const;
const BC = { kind: 'badge-connect', path: '/ims/ob/v2p1/assertions', source: (id: string) => `${ctx.bp.baseUrl}/public/assertions/${id}` } as const;
type Api = typeof OB3 | typeof BC;

/** Ada's badges as the API lists them now, newest first. */
const listing = (api: Api): string[] => adaListing(ctx.bp, api.kind).map((b) => b.entityId);

async function signedIn(api: Api) {
  const h = await harness({ syncOptions: { pageSize: 3, sleep: async () => undefined } });
  const { id } = await h.app.accounts.signIn({ kind: api.kind, baseUrl: ctx.bp.baseUrl });
  return { h, id, cachedSources: async () => new Set((await h.db.badges.byAccount(id)).map((r) => r.sourceId)) };
}

describe.each([OB3, BC])('$kind: a badge deleted at the provider between two page requests', (api) => {
  it('skips no badge that is still listed (the first of the next page moved up into the page already read)', async () => {
    const { h, id, cachedSources } = await signedIn(api);
    const before = listing(api);
    expect(before.length).toBeGreaterThan(6);
    const deleted = before[1]!;
    // After the first page (items 0-2) is read, item 1 goes: item 3, the next page's first, becomes item 2.
    ctx.bp.control.onRequest({ path: api.path, skip: 1 }, () => ctx.bp.control.deleteBadge(deleted));
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    const cached = await cachedSources();
    const missing = listing(api).filter((e) => !cached.has(api.source(e)));
    expect(missing).toEqual([]);
    // Read before it went: kept, as every badge the provider stops listing is.
    expect(cached.has(api.source(deleted))).toBe(true);
    expect(s.done).toBe(before.length);
  });

  it('keeps every cached badge, and a deleted one, when the deletion comes during a later full listing', async () => {
    const { h, id, cachedSources } = await signedIn(api);
    await h.app.sync.run(id);
    const cached = await cachedSources();
    const deleted = listing(api)[0]!;
    expect(cached.has(api.source(deleted))).toBe(true);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never }); // a full listing again
    ctx.bp.control.onRequest({ path: api.path, skip: 1 }, () => ctx.bp.control.deleteBadge(deleted));
    const s = await h.app.sync.run(id);
    expect(s.status).toBe('idle');
    expect([...(await cachedSources())].sort()).toEqual([...cached].sort());
  });
});

describe('a provider that keeps changing while it is listed', () => {
  it('finishes the run, and does not move `since` on, so that the next run lists again what this one may have missed', async () => {
    const { h, id, cachedSources } = await signedIn(OB3);
    // Every page request after the first deletes the newest badge: the listing shifts each time.
    ctx.bp.control.onRequest({ path: OB3.path, skip: 1, count: 40 }, () => {
      const newest = listing(OB3)[0];
      if (newest && listing(OB3).length > 3) ctx.bp.control.deleteBadge(newest);
    });
    const first = await h.app.sync.run(id);
    ctx.bp.control.clearFaults();
    expect(first).toMatchObject({ status: 'idle', failures: 0 });
    expect(first.since).toBeUndefined();
    await h.app.sync.run(id);
    const cached = await cachedSources();
    expect(listing(OB3).filter((e) => !cached.has(OB3.source(e)))).toEqual([]);
  });
});

/**
 * A next link that does not move the offset on (a page number, a cursor, the same offset): the
 * specifications page by `limit`/`offset` only (OB 3.0 api.html "Paging"; OB 2.1 §"Pagination"),
 * and the run resumes and overlaps by the link's offset. Such a listing would be read from its first
 * page again and again: it ends as a protocol error at the first such link instead, once the
 * badges of the page that carried it are stored.
 */
describe('a next link that does not move on', () => {
  it.each([
    ['a page number', (u: URL) => `<${u.origin}${u.pathname}?page=2>; rel="next"`],
    ['the same offset', (u: URL) => `<${u.origin}${u.pathname}?limit=3&offset=${u.searchParams.get('offset') ?? '0'}>; rel="next"`],
  ])('%s: the run stores that page, then ends with a protocol error that says why', async (_, next) => {
    let pages = 0;
    const h = await harness({
      syncOptions: { pageSize: 3 },
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        const u = new URL(url);
        if (u.pathname !== OB3.path) return res;
        // A bound, so that a client which never stops is seen failing rather than hanging the test.
        if (++pages > 20) return res;
        const headers = new Headers(res.headers);
        headers.set('link', next(u));
        return new Response(await res.arrayBuffer(), { status: res.status, headers });
      },
    });
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringMatching(/does not move on by offset/) } });
    expect(pages).toBe(1);
    // The page that carried the link was read: its badges are stored before the run stops.
    const first = listing(OB3).slice(0, 3).map(OB3.source);
    const cached = new Set((await h.db.badges.byAccount(id)).map((r) => r.sourceId));
    expect(first.filter((e) => !cached.has(e))).toEqual([]);
    expect(s.done).toBe(3);
  });

  it('a next link to another site: the page that carried it is stored, the link is not followed, and the run says why', async () => {
    const h = await harness({
      syncOptions: { pageSize: 3 },
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (new URL(url).pathname !== OB3.path) return res;
        const headers = new Headers(res.headers);
        headers.set('link', '<https://elsewhere.example/ims/ob/v3p0/credentials?limit=3&offset=3>; rel="next"');
        return new Response(await res.arrayBuffer(), { status: res.status, headers });
      },
    });
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringMatching(/another site/) } });
    const cached = new Set((await h.db.badges.byAccount(id)).map((r) => r.sourceId));
    expect(listing(OB3).slice(0, 3).map(OB3.source).filter((e) => !cached.has(e))).toEqual([]);
    expect(h.fetched.some((u) => u.includes('elsewhere.example'))).toBe(false);
  });
});
