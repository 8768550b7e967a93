/**
 * The keystroke search with its answers kept (src/popup/list/search-memo.ts) gives filterIndex's
 * own answer to every query, whatever came before it: typed, erased, pasted, filters changed.
 */
import { describe, expect, it } from 'vitest';
import type { BadgeView } from '../../src/messaging/views.ts';
import { EMPTY_QUERY, filterIndex, indexBadges, sortIndex, type IndexedBadge, type ListQuery, type SortOrder } from '../../src/popup/list/filter.ts';
import { searchOver } from '../../src/popup/list/search-memo.ts';
import { generateBadges, MOCK_NOW, seedBadges } from '../../src/popup/mock-data.ts';

/** mulberry32: a seeded generator, so that a failure is the same failure when run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Few letters, so that typed terms often match: accents and case that fold away, and a space. */
const LETTERS = ['a', 'b', 'e', 'é', 'E', 'n', 'r', 'o', 'İ', 'ß', 'ǅ', '1', '2', ' ', ' '];

function world(rnd: () => number, n: number): BadgeView[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const word = () => Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(LETTERS.filter((l) => l !== ' '))).join('');
  const base = [...seedBadges().views, ...generateBadges(40)];
  return Array.from({ length: n }, (_, i) => {
    const b = pick(base);
    return { ...b, key: `k${i}`, name: `${word()} ${word()}`, issuerName: rnd() < 0.2 ? undefined : word(), tags: rnd() < 0.5 ? [word()] : [], recipient: rnd() < 0.3 ? null : `${word()}@x.example` };
  });
}

/** The next query a user might make from `q`: mostly a letter typed or erased, sometimes a paste, a cleared box or another filter. */
function next(rnd: () => number, q: ListQuery, badges: readonly BadgeView[]): ListQuery {
  const r = rnd();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  if (r < 0.45) return { ...q, text: q.text + pick(LETTERS) };
  if (r < 0.8) return { ...q, text: q.text.slice(0, -1) };
  if (r < 0.85) return { ...q, text: '' };
  if (r < 0.9) return { ...q, text: Array.from({ length: Math.floor(rnd() * 6) }, () => pick(LETTERS)).join('') };
  if (r < 0.93) return { ...q, tag: q.tag ? '' : pick(badges.flatMap((b) => b.tags)) ?? '' };
  if (r < 0.96) return { ...q, verdict: pick(['', 'valid', 'invalid', 'pending'] as const) };
  if (r < 0.98) return { ...q, expired: pick(['any', 'hide', 'only'] as const) };
  return { ...q, account: q.account ? '' : pick(badges).accountId };
}

describe('the search with its answers kept', () => {
  for (const [seed, sort] of [[1, 'newest'], [2, 'name'], [3, 'issuer'], [4, 'oldest'], [5, 'newest']] as [number, SortOrder][]) {
    it(`answers as filterIndex does over 400 queries in a row (seed ${seed}, ${sort})`, () => {
      const rnd = random(seed);
      const badges = world(rnd, 300);
      const sorted = sortIndex(indexBadges(badges, MOCK_NOW), sort, 'en');
      const search = searchOver(sorted);
      let q: ListQuery = { ...EMPTY_QUERY, sort };
      let narrowed = 0;
      for (let i = 0; i < 400; i++) {
        const before = q;
        q = next(rnd, q, badges);
        const got = search(q);
        const want = filterIndex(sorted, q);
        expect(got.map((b) => b.key), `after ${JSON.stringify(before.text)} → ${JSON.stringify(q)}`).toEqual(want.map((b) => b.key));
        got.forEach((b, j) => expect(b).toBe(want[j]));
        if (q.text.startsWith(before.text) && q.text !== before.text) narrowed++;
      }
      expect(narrowed).toBeGreaterThan(100);
    });
  }

  it('filters the answer before it when a letter is typed, not every badge', () => {
    const badges = generateBadges(500);
    let reads = 0;
    // Each badge's words, counted as the search reads them.
    const sorted: IndexedBadge[] = sortIndex(indexBadges(badges, MOCK_NOW), 'newest', 'en').map((item) => {
      const { hay } = item;
      return Object.defineProperty({ ...item }, 'hay', { get: () => (reads++, hay) });
    });
    const search = searchOver(sorted);
    const first = search({ ...EMPTY_QUERY, text: 'dat' });
    expect(reads).toBe(500);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(200);
    reads = 0;
    const second = search({ ...EMPTY_QUERY, text: 'data p' });
    expect(reads).toBe(first.length);
    expect(second.map((b) => b.key)).toEqual(filterIndex(sorted, { ...EMPTY_QUERY, text: 'data p' }).map((b) => b.key));
    // Erased back to the first query: its answer again, nothing read.
    reads = 0;
    expect(search({ ...EMPTY_QUERY, text: 'dat' })).toBe(first);
    expect(reads).toBe(0);
    // A term that is not inside the earlier one ("dat" → "da t" keeps more): every badge is read again.
    reads = 0;
    search({ ...EMPTY_QUERY, text: 'da t' });
    expect(reads).toBe(500);
  });

  it('does not narrow an answer given under other filters', () => {
    const badges = generateBadges(200);
    const sorted = sortIndex(indexBadges(badges, MOCK_NOW), 'newest', 'en');
    const search = searchOver(sorted);
    const valid = search({ ...EMPTY_QUERY, text: 'a', verdict: 'valid' });
    expect(valid.every((b) => b.verdict === 'valid')).toBe(true);
    // The same text with no filter, then a letter more: not the valid ones alone.
    for (const text of ['a', 'at']) {
      const all = search({ ...EMPTY_QUERY, text });
      expect(all.map((b) => b.key)).toEqual(filterIndex(sorted, { ...EMPTY_QUERY, text }).map((b) => b.key));
      expect(all.some((b) => b.verdict !== 'valid')).toBe(true);
    }
  });
});
