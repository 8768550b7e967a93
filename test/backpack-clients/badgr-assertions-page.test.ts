/**
 * The Badgr backpack read a page at a time (BadgrClient.assertionsPage, the sync's pages): the next
 * address is given, a page that cannot be followed says why beside its badges, and a page to resume at
 * must be on the API's own site (the token goes nowhere else).
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import type { Fetch } from '../../src/backpack/http.ts';

const API = 'https://api.badgr.example';
const json = (body: unknown): Response => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const a = (id: string) => ({ entityId: id, openBadgeId: `${API}/public/assertions/${id}` });

describe('BadgrClient.assertionsPage', () => {
  it('gives one page and the next address, and reads the next at it', async () => {
    const asked: string[] = [];
    const fetch: Fetch = async (url) => {
      asked.push(url);
      return url.includes('cursor=') ? json({ status: { success: true }, result: [a('b')] }) : json({ status: { success: true }, result: [a('a')], pagination: { hasNext: true, nextResults: `${API}/v2/backpack/assertions?cursor=x` } });
    };
    const client = new BadgrClient({ apiBase: API, fetch });
    const first = await client.assertionsPage('t');
    expect(first.items.map((i) => i.entityId)).toEqual(['a']);
    expect(first.next).toBe(`${API}/v2/backpack/assertions?cursor=x`);
    const second = await client.assertionsPage('t', first.next);
    expect(second.items.map((i) => i.entityId)).toEqual(['b']);
    expect(second.next).toBeUndefined();
    expect(asked).toHaveLength(2);
  });

  it('a next page on another site, or the page itself, is a stop beside the badges read', async () => {
    for (const nextResults of ['https://elsewhere.example/v2/backpack/assertions?cursor=x', `${API}/v2/backpack/assertions?cursor=same`]) {
      const client = new BadgrClient({ apiBase: API, fetch: async () => json({ status: { success: true }, result: [a('a')], pagination: { hasNext: true, nextResults } }) });
      const page = await client.assertionsPage('t', nextResults.includes('same') ? nextResults : undefined);
      expect(page.items).toHaveLength(1);
      expect(page.next).toBeUndefined();
      expect(page.stop).toMatchObject({ code: 'PROTOCOL' });
    }
  });

  it('refuses to resume at a page on another site, asking nothing', async () => {
    let asked = 0;
    const client = new BadgrClient({ apiBase: API, fetch: async () => (asked++, json({ status: { success: true }, result: [] })) });
    await expect(client.assertionsPage('t', 'https://elsewhere.example/v2/backpack/assertions?cursor=x')).rejects.toMatchObject({ code: 'PROTOCOL' });
    expect(asked).toBe(0);
  });
});
