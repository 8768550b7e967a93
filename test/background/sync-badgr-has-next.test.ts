/**
 * Badgr's paginated v2 answers say whether more follow (`pagination.hasNext`) and where
 * (`nextResults`, and a `Link` rel="next": badgr-server mainsite/pagination.py
 * BadgrCursorPagination.get_page_info, get_link_header). An answer that says more follow but gives
 * no address for them is not the whole backpack: taken for it, the sync read the listing "whole"
 * and marked every stored badge past that page `unlisted` (sync-listed.ts), as if the backpack no
 * longer held it. The badges read are stored, nothing is marked, and the run says why.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 4 });
const ASSERTIONS = '/v2/backpack/assertions';

describe('Badgr: hasNext with no next page', () => {
  it('stores what it read, marks no badge unlisted, and ends saying why', async () => {
    let cut = false;
    const h = await harness({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (!cut || new URL(url).pathname !== ASSERTIONS) return res;
        const body = (await res.json()) as { result: unknown[] };
        const page = { ...body, result: body.result.slice(0, 2), pagination: { hasNext: true, nextResults: null, hasPrevious: false, previousResults: null } };
        return new Response(JSON.stringify(page), { status: res.status, headers: res.headers });
      },
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const stored = await h.db.badges.byAccount(id);
    expect(stored.length).toBeGreaterThan(2);
    cut = true;
    // The badges are checked again (a day later), so the listing is read and judged.
    h.clock.offsetMs = 25 * 3600_000;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringMatching(/more/) } });
    const after = await h.db.badges.byAccount(id);
    expect(after.map((r) => r.key).sort()).toEqual(stored.map((r) => r.key).sort());
    expect(after.filter((r) => r.unlisted)).toEqual([]);
  });
});
