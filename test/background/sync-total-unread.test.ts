/**
 * A listing that ends before the count its backpack announced is not known whole. The OB 3.0 API
 * and Badge Connect say how many a listing holds (`X-Total-Count`) and link the next page (Link
 * rel="next", OB 3.0 api.html "Paging"; OB 2.1 §"Pagination"); Lanyard follows only the links. A
 * backpack that sends the count but no link (a proxy that drops the header, an implementation that
 * pages by the count alone) ended the listing after its first page, and that "whole" listing marked
 * every stored badge past it `unlisted` (sync-listed.ts), as if the backpack no longer held them.
 * Nothing is marked when fewer badges were read than announced; a count that errs the other way (more
 * announced than listed) only leaves the marks as they were.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 9 });

describe.each([
  ['ob3', '/ims/ob/v3p0/credentials'],
  ['badge-connect', '/ims/ob/v2p1/assertions'],
] as const)('%s: a listing that ends before its X-Total-Count', (kind, path) => {
  it('marks no stored badge unlisted', async () => {
    let dropLinks = false;
    const h = await harness({
      syncOptions: { pageSize: 3 },
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (!dropLinks || new URL(url).pathname !== path) return res;
        const headers = new Headers(res.headers);
        headers.delete('link');
        return new Response(res.body, { status: res.status, headers });
      },
    });
    const { id } = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    const stored = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    expect(stored.length).toBeGreaterThan(3);
    // A whole listing again (Badge Connect would otherwise ask only for what changed).
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never, wholeAt: undefined as never });
    dropLinks = true;
    await h.app.sync.run(id);
    const after = await h.db.badges.byAccount(id);
    expect(after.map((r) => r.key).sort()).toEqual(stored);
    expect(after.filter((r) => r.unlisted).map((r) => r.sourceId)).toEqual([]);
  });
});
