import { describe, expect, it } from 'vitest';
import type { BadgeView } from '../../src/messaging/views.ts';
import { activeFilters, EMPTY_QUERY, facetsOf, filterIndex, indexBadges, NO_ADDRESS, sortIndex, type ListQuery } from '../../src/popup/list/filter.ts';
import { revealRow, visibleRange } from '../../src/popup/list/virtual.ts';
import { generateBadges, MOCK_NOW, seedBadges } from '../../src/popup/mock-data.ts';

const badges: BadgeView[] = [...seedBadges().views, ...generateBadges(40)];
const run = (q: Partial<ListQuery>) => filterIndex(sortIndex(indexBadges(badges, MOCK_NOW), q.sort ?? 'newest', 'en'), { ...EMPTY_QUERY, ...q });

describe('search', () => {
  it('matches every term in name, issuer, tags or address, ignoring case and accents', () => {
    expect(run({ text: 'ACCESSIBILITY northwind' }).map((b) => b.name)).toEqual(['Web Accessibility Fundamentals']);
    expect(run({ text: 'kayak' }).map((b) => b.name)).toEqual(['Kayaking Level 1']);
    expect(run({ text: 'ada.lovelace@work' }).every((b) => b.recipient === 'ada.lovelace@work.example')).toBe(true);
    const accented = indexBadges([{ ...badges[0]!, name: 'École de Musique' }], MOCK_NOW);
    expect(filterIndex(accented, { ...EMPTY_QUERY, text: 'ecole musique' })).toHaveLength(1);
    expect(run({ text: 'no such thing' })).toEqual([]);
  });

  it('finds the hostile badge by its literal name', () => {
    expect(run({ text: '<img src=x' }).map((b) => b.key)).toEqual(['badgr-us:Hx0st1le00']);
  });
});

describe('filters', () => {
  it('by account, issuer, verdict, pending, address, tag and expiry', () => {
    expect(run({ account: 'local' }).every((b) => b.accountId === 'local')).toBe(true);
    expect(run({ issuer: 'River Club' }).map((b) => b.name)).toEqual(['Kayaking Level 1']);
    expect(run({ verdict: 'invalid' }).every((b) => b.verdict === 'invalid')).toBe(true);
    expect(run({ verdict: 'pending' }).map((b) => b.name)).toEqual(['Introduction to Python']);
    expect(run({ address: 'ada@old-school.example' }).map((b) => b.name)).toEqual(['Introduction to Python']);
    expect(run({ address: NO_ADDRESS }).every((b) => b.recipient === null)).toBe(true);
    expect(run({ tag: 'gdpr' }).map((b) => b.name)).toEqual(['Data Protection Officer']);
    expect(run({ expired: 'only' }).map((b) => b.name)).toContain('First Aid at Work');
    expect(run({ expired: 'hide' }).map((b) => b.name)).not.toContain('First Aid at Work');
    expect(run({ account: 'local', verdict: 'valid', text: 'open' }).map((b) => b.name)).toEqual(['Open Source Contributor']);
  });

  it('counts active filters and lists facets', () => {
    expect(activeFilters({ ...EMPTY_QUERY, text: 'x', sort: 'name' })).toBe(0);
    expect(activeFilters({ ...EMPTY_QUERY, issuer: 'a', expired: 'hide' })).toBe(2);
    const f = facetsOf(seedBadges().views, 'en');
    expect(f.accounts).toEqual(['badgr-us', 'ob3-academy', 'local']);
    expect(f.addresses).toEqual(['ada.lovelace@work.example', 'ada@example.org', 'ada@old-school.example']);
    expect(f.issuers[0]).toBe('"><script>alert(2)</script>');
  });
});

describe('sort', () => {
  it('newest, oldest, by name and by issuer', () => {
    const dates = (q: ListQuery['sort']) => run({ sort: q }).map((b) => Date.parse(b.issuedOn ?? '') || 0);
    const newest = dates('newest');
    expect([...newest].sort((a, b) => b - a)).toEqual(newest);
    expect(dates('oldest')).toEqual([...newest].reverse().sort((a, b) => a - b));
    const names = run({ sort: 'name' }).map((b) => b.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    const issuers = run({ sort: 'issuer' }).map((b) => b.issuerName ?? '');
    expect(issuers).toEqual([...issuers].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });
});

describe('virtual window', () => {
  it('renders only the visible rows plus overscan', () => {
    expect(visibleRange(0, 400, 64, 1000)).toEqual({ start: 0, end: 12 });
    expect(visibleRange(64 * 500, 400, 64, 1000)).toEqual({ start: 496, end: 512 });
    expect(visibleRange(64 * 998, 400, 64, 1000).end).toBe(1000);
    expect(visibleRange(0, 400, 64, 3)).toEqual({ start: 0, end: 3 });
  });
  it('scrolls as little as needed to reveal a row', () => {
    expect(revealRow(2, 0, 400, 64)).toBe(0);
    expect(revealRow(10, 0, 400, 64)).toBe(64 * 11 - 400);
    expect(revealRow(3, 640, 400, 64)).toBe(192);
  });
});
