/**
 * A backpack that writes some VC-JWTs in the JSON list (OB 3.0 getCredentials `credential`, Badge
 * Connect `assertions`: list-entry.ts reads a compact JWS there) and others in the JWS list
 * (`compactJwsString`, `signedAssertions`). The run's anchors, the badges each next page must list
 * again (sync-anchor.ts), are the last entry of each of the answer's lists; they were taken by what
 * each entry turned out to be (JSON or JWS), not by the list it came in: a page whose JSON list ended
 * with a JWS string had as anchors an earlier JSON entry and the JWS list's last, neither of them the
 * page's last in the listing. The next page did not hold either, and the run listed again from the
 * first page, three times, then ended without moving `since` on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { adaListing } from './listing.ts';

// One each in turn of OB 2.0 hosted, OB 2.0 signed, VC-JWT and Data Integrity: both lists on most pages.
const ctx = useBackpack({ badges: 12, mix: true });
const OB3 = { kind: 'ob3', path: '/ims/ob/v3p0/credentials', source: (id: string) => `${ctx.bp.baseUrl}/ob3/credentials/${id}` } as const;
const BC = { kind: 'badge-connect', path: '/ims/ob/v2p1/assertions', source: (id: string) => `${ctx.bp.baseUrl}/public/assertions/${id}` } as const;
type Api = typeof OB3 | typeof BC;
const PAGE = 3;

beforeAll(() => void (ctx.bp.control.stateForTests.lastJwsInJsonList = true));
afterAll(() => void (ctx.bp.control.stateForTests.lastJwsInJsonList = false));

const firstPageAsked = (search: string | undefined): boolean => !new URLSearchParams(search ?? '').has('offset');

describe.each([OB3, BC])('$kind: a VC-JWT written in the JSON list, others in the JWS list', (api) => {
  it('a run reads each page once, keeps every badge once, and moves `since` on', async () => {
    const all = adaListing(ctx.bp, api.kind).map((b) => ({ id: b.entityId, jws: b.compact !== undefined }));
    const pages = Array.from({ length: Math.ceil(all.length / PAGE) }, (_, i) => all.slice(i * PAGE, (i + 1) * PAGE));
    // Some page (not the last) ends with a VC-JWT (answered in the JSON list) and holds another one (in the JWS list).
    expect(pages.slice(0, -1).some((p) => p.at(-1)!.jws && p.filter((b) => b.jws).length > 1)).toBe(true);
    const h = await harness({ syncOptions: { pageSize: PAGE, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind: api.kind, baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(id);
    for (let i = 0; i < 1000 && h.app.sync.isRunning(id); i++) await new Promise((r) => setTimeout(r, 5));
    // A whole listing again, from nothing.
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    await h.db.badges.deleteByAccount(id);
    const from = ctx.bp.control.requests.length;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(ctx.bp.control.requests.slice(from).filter((r) => r.path === api.path && firstPageAsked(r.search))).toHaveLength(1);
    expect(s.since).toBeDefined();
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.sourceId).sort();
    expect(cached).toEqual(all.map((b) => api.source(b.id)).sort());
    expect(s.done).toBe(all.length);
  });
});
