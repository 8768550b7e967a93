/**
 * Bound session 29: the page's badge picker searches as the user types (picker/list, content.ts
 * pickerList), and each query lower-cased the name, issuer and every tag of every badge again: with
 * 300 badges of 50 tags, 15,600 strings per keystroke. Each record's search words are now lower-cased
 * once, while it stays as stored (its `rev`) and the reader's languages stay the same; the rows found
 * are the same as before, also after a record changes.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { harness, type Harness } from './harness.ts';
import type { BadgeRecord, OriginalRecord } from '../../src/platform/records.ts';

const BADGES = 300;
const TAGS = 50;

const record = (i: number, name = `Badge ${i} Ÿ`): BadgeRecord =>
  ({
    key: `local|b${i}`, accountId: 'local', sourceId: `b${i}`, original: { kind: 'json' }, contentHash: `h${i}`, format: 'ob2.0-hosted', verdict: 'valid', checks: [],
    recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z',
    meta: { name, issuerName: `Issuer ${i % 7} ÉCOLE`, issuedOn: `2025-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`, tags: Array.from({ length: TAGS }, (_, t) => `Tag${t}-of-${i}`), evidence: [], alignments: [], claimedRecipients: [] },
  }) as unknown as BadgeRecord;
const original = (i: number): OriginalRecord => ({ key: `local|b${i}`, bytes: new Uint8Array([1]) });

let h: Harness;
beforeAll(async () => {
  h = await harness();
  await h.db.saveBadges(Array.from({ length: BADGES }, (_, i) => ({ record: record(i), original: original(i) })));
});
afterEach(() => vi.restoreAllMocks());

/** What the search matched before: name, issuer or a tag holding the query, each lower-cased. */
const reference = (records: readonly BadgeRecord[], query: string): string[] => {
  const q = query.trim().toLowerCase();
  return records.filter((r) => !q || [r.meta.name, r.meta.issuerName ?? '', ...r.meta.tags].some((t) => t.toLowerCase().includes(q))).map((r) => r.meta.name).sort();
};
const names = async (query: string): Promise<string[]> => (await h.app.content.pickerList(query)).map((b) => b.name).sort();

describe('the picker search lower-cases each badge once', () => {
  it('a keystroke after the first lower-cases no badge words again (was every name, issuer and tag)', async () => {
    await h.app.content.pickerList('tag');
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    await h.app.content.pickerList('tag4-of-1');
    expect(lower.mock.calls.length).toBeLessThan(BADGES);
  });

  it('finds what it found before, by name, issuer or tag, in any case', async () => {
    const all = await h.db.badges.all();
    for (const q of ['', 'badge 1', 'BADGE 12', 'ÿ', 'école', 'issuer 3', 'tag49-of-29', 'TAG0-OF-299', ' tag7-of-7 ', 'nothing here']) {
      const want = reference(all, q).slice(0, 100);
      const got = await names(q);
      if (want.length < 100) expect(got).toEqual(want);
      else expect(got.length).toBe(100);
    }
  });

  it('a badge written again is searched as it is now, not as it was', async () => {
    expect(await names('renamed')).toEqual([]);
    expect(await names('tag3-of-5')).toContain('Badge 5 Ÿ');
    await h.db.saveBadges([{ record: { ...record(5, 'Renamed Five'), meta: { ...record(5).meta, name: 'Renamed Five', tags: ['Fresh'] } }, original: original(5) }]);
    expect(await names('renamed')).toEqual(['Renamed Five']);
    expect(await names('fresh')).toEqual(['Renamed Five']);
    expect(await names('tag3-of-5')).not.toContain('Renamed Five');
    expect(await names('tag3-of-5')).not.toContain('Badge 5 Ÿ');
    await h.db.badges.delete('local|b5');
    expect(await names('renamed')).toEqual([]);
  });
});
