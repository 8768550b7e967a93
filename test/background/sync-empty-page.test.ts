/**
 * A page that holds no badge while its `Link` says more follow (rel="next": "when incomplete",
 * OB 2.1 §"Pagination"; OB 3.0 api.html "Paging"): a careless backpack that filters a page after
 * cutting it. The empty page is not the end of the listing: a run that took it for one read the
 * listing "whole" and marked every stored badge it had not reached as no longer listed
 * (sync-listed.ts), or ended as complete with the later pages never read. The run keeps what it
 * read, marks nothing, and ends saying why (the next run resumes at that page).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';
import { adaListing } from './listing.ts';

const ctx = useBackpack({ badges: 9 });
afterEach(() => {
  ctx.bp.control.stateForTests.emptyPageOffsets = [];
});

describe.each(['ob3', 'badge-connect'] as const)('%s: an empty page before the end of the listing', (kind) => {
  it('the first page: no stored badge is marked unlisted, and the run says why', async () => {
    const h = await harness({ syncOptions: { pageSize: 3, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
    const stored = await h.db.badges.byAccount(id);
    expect(stored.length).toBe(adaListing(ctx.bp, kind).length);
    // A whole listing again (Badge Connect would otherwise ask only for what changed since).
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.stateForTests.emptyPageOffsets = [0];
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringMatching(/no badge/) } });
    const after = await h.db.badges.byAccount(id);
    expect(after.length).toBe(stored.length);
    expect(after.filter((r) => r.unlisted)).toEqual([]);
  });

  it('a later page: the pages before it are stored, and the run does not end as if complete', async () => {
    const h = await harness({ syncOptions: { pageSize: 3, sleep: async () => undefined } });
    const { id } = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    // The second page, as Lanyard asks it: one badge early (offset 2), to find the first page's last again.
    ctx.bp.control.stateForTests.emptyPageOffsets = [2];
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringMatching(/no badge/) } });
    const cached = new Set((await h.db.badges.byAccount(id)).map((r) => r.sourceId));
    expect(cached.size).toBe(3);
  });
});
