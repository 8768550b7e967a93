/**
 * A Badgr page that holds only badges the user rejected is not the listing's end: the sync ends a
 * listing at an empty page and, read whole, marks every stored badge it did not see "No longer
 * listed" (sync-listed.ts). The provider reads on to the next page (providers/badgr.ts).
 */
import { describe, expect, it } from 'vitest';
import { badgrClient, badgrProvider } from '../../src/background/services/providers/badgr.ts';
import type { Fetch } from '../../src/backpack/http.ts';

const API = 'https://api.badgr.example';
const json = (body: unknown): Response => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const a = (id: string, acceptance = 'Accepted') => ({ entityId: id, openBadgeId: `${API}/public/assertions/${id}`, acceptance, recipient: { identity: 'ada@example.org' } });

describe('Badgr provider: a page of rejected badges only', () => {
  it('reads on to the next page instead of ending the listing', async () => {
    const fetch: Fetch = async (url) => {
      const page = new URL(url).searchParams.get('cursor');
      if (page === '2') return json({ status: { success: true }, result: [a('kept')], pagination: { hasNext: true, nextResults: `${API}/v2/backpack/assertions?cursor=3` } });
      if (page === '3') return json({ status: { success: true }, result: [a('last')] });
      return json({ status: { success: true }, result: [a('no', 'Rejected')], pagination: { hasNext: true, nextResults: `${API}/v2/backpack/assertions?cursor=2` } });
    };
    const provider = badgrProvider(badgrClient(API, fetch));
    const first = await provider.page('t', undefined, undefined, 50);
    expect(first.items.map((i) => i.sourceId)).toEqual(['kept']);
    expect(first.next).toBe(`${API}/v2/backpack/assertions?cursor=3`);
    expect(first.total).toBeUndefined();
    const second = await provider.page('t', first.next, undefined, 50);
    expect(second.items.map((i) => i.sourceId)).toEqual(['last']);
    expect(second.next).toBeUndefined();
  });
});
