/**
 * A Badgr page that holds only badges the user rejected is not the listing's end: the sync ends a
 * listing at an empty page and, read whole, marks every stored badge it did not see "No longer
 * listed" (sync-listed.ts). The provider says so (`nothingKept`) with the next page's address, and the
 * run reads on, each page counted against its page budget (sync-badgr-rejected-pages.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { badgrClient, badgrProvider } from '../../src/background/services/providers/badgr.ts';
import type { Fetch } from '../../src/backpack/http.ts';

const API = 'https://api.badgr.example';
const json = (body: unknown): Response => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const a = (id: string, acceptance = 'Accepted') => ({ entityId: id, openBadgeId: `${API}/public/assertions/${id}`, acceptance, recipient: { identity: 'ada@example.org' } });

describe('Badgr provider: a page of rejected badges only', () => {
  it('is answered as an empty page that is not the end, the run to read on to the next', async () => {
    const fetch: Fetch = async (url) => {
      const page = new URL(url).searchParams.get('cursor');
      if (page === '2') return json({ status: { success: true }, result: [a('kept')], pagination: { hasNext: true, nextResults: `${API}/v2/backpack/assertions?cursor=3` } });
      if (page === '3') return json({ status: { success: true }, result: [a('last')] });
      return json({ status: { success: true }, result: [a('no', 'Rejected')], pagination: { hasNext: true, nextResults: `${API}/v2/backpack/assertions?cursor=2` } });
    };
    const provider = badgrProvider(badgrClient(API, fetch));
    const none = await provider.page('t', undefined, undefined, 50);
    expect(none).toEqual({ items: [], next: `${API}/v2/backpack/assertions?cursor=2`, nothingKept: true });
    const first = await provider.page('t', none.next, undefined, 50);
    expect(first.items.map((i) => i.sourceId)).toEqual(['kept']);
    expect(first.next).toBe(`${API}/v2/backpack/assertions?cursor=3`);
    expect(first.total).toBeUndefined();
    expect(first.nothingKept).toBeUndefined();
    const second = await provider.page('t', first.next, undefined, 50);
    expect(second.items.map((i) => i.sourceId)).toEqual(['last']);
    expect(second.next).toBeUndefined();
  });

  it('the last page of rejected badges only is the end of the listing', async () => {
    const fetch: Fetch = async () => json({ status: { success: true }, result: [a('no', 'Rejected')] });
    expect(await badgrProvider(badgrClient(API, fetch)).page('t', undefined, undefined, 50)).toEqual({ items: [], total: 0 });
  });
});
