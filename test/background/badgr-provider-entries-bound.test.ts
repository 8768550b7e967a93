/**
 * One Badgr answer of more than MAX_BADGR_ENTRIES badges (a hostile or broken server: the open-source
 * Badgr lists a backpack in one page, up to 32 MB): the sync reads Badgr a page at a time since left31
 * (providers/badgr.ts over badgrV2Page), and a page was handed to the run whole. Its bound (sync-bound.ts,
 * 10,000 a run) is measured only where a next link is followed, and a one-page listing has none, so every
 * entry was verified and stored in one run and the listing counted as read whole. The page now keeps
 * MAX_BADGR_ENTRIES and says why it stops, as the whole-listing read did before (badgrV2List).
 */
import { describe, expect, it } from 'vitest';
import { badgrClient, badgrProvider } from '../../src/background/services/providers/badgr.ts';
import { MAX_BADGR_ENTRIES } from '../../src/backpack/badgr-request.ts';
import type { Fetch } from '../../src/backpack/http.ts';

const API = 'https://api.badgr.example';
const json = (body: unknown): Response => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const a = (id: string) => ({ entityId: id, openBadgeId: `${API}/public/assertions/${id}`, acceptance: 'Accepted', recipient: { identity: 'ada@example.org' } });

describe('Badgr provider: one answer of more than MAX_BADGR_ENTRIES badges', () => {
  it('hands the run no more than MAX_BADGR_ENTRIES, with a stop (the listing is not read whole), and no total', async () => {
    const all = Array.from({ length: MAX_BADGR_ENTRIES + 50 }, (_, i) => a(`b${i}`));
    const fetch: Fetch = async () => json({ status: { success: true }, result: all });
    const page = await badgrProvider(badgrClient(API, fetch)).page('t', undefined, undefined, 50);
    expect(page.items).toHaveLength(MAX_BADGR_ENTRIES);
    expect(page.items[0]!.sourceId).toBe('b0');
    expect(page.stop).toMatchObject({ code: 'PROTOCOL' });
    expect(page.stop!.message).toContain(String(MAX_BADGR_ENTRIES));
    expect(page.total).toBeUndefined();
    expect(page.next).toBeUndefined();
  });

  it('an answer of MAX_BADGR_ENTRIES exactly is a whole listing, as before', async () => {
    const all = Array.from({ length: MAX_BADGR_ENTRIES }, (_, i) => a(`b${i}`));
    const page = await badgrProvider(badgrClient(API, async () => json({ status: { success: true }, result: all }))).page('t', undefined, undefined, 50);
    expect(page.items).toHaveLength(MAX_BADGR_ENTRIES);
    expect(page.stop).toBeUndefined();
    expect(page.total).toBe(MAX_BADGR_ENTRIES);
  });
});
