import { describe, expect, it } from 'vitest';
import type { BadgeView } from '../../src/messaging/views.ts';
import { activeFilters, EMPTY_QUERY, facetsOf, filterIndex, indexBadges, issuerNames, NO_ADDRESS, sortIndex, type ListQuery } from '../../src/popup/list/filter.ts';
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
    expect(run({ issuer: 'id:https://riverclub.example/issuer' }).map((b) => b.name)).toEqual(['Kayaking Level 1']);
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
    expect(f.issuers[0]).toEqual({ key: 'id:urn:uuid:5e5b2f7c-7d54-4bbf-9f1b-0d0e7f3a0001', name: '"><script>alert(2)</script>', label: '\u2068"><script>alert(2)</script>\u2069' });
    expect(f.issuers.find((i) => i.name === 'Northwind University')?.label).toBe('\u2068Northwind University\u2069 (\u2068northwind.example.edu\u2069)');
    // The company pages setting still gets the names, each once.
    expect(issuerNames(seedBadges().views, 'en')).toContain('River Club');
  });
});

describe('the issuer filter groups by the issuer’s id, not the name it gives itself', () => {
  const river = seedBadges().views.find((b) => b.issuerName === 'River Club')!;
  const impostor: BadgeView = { ...river, key: 'local:impostor', name: 'Kayaking Master', issuerId: 'https://river-club.example.net/issuer' };
  const onBadgr = (key: string, id: string): BadgeView => ({ ...river, key, name: `Badge ${key}`, issuerId: `https://api.badgr.io/public/issuers/${id}` });
  const list = [river, impostor, onBadgr('b1', 'Aa11BbCcDdEeFfGgHhIiJjKk'), onBadgr('b2', 'Zz99YyXxWwVvUuTtSsRrQqPp'), { ...river, key: 'local:noid', name: 'Paddle', issuerId: undefined }];
  const issuers = facetsOf(list, 'en').issuers;
  /** The label without its isolates (FSI…PDI, tested above). */
  const plain = (label: string) => label.replace(/[\u2068\u2069]/g, '');

  it('two issuers named “River Club” are two entries, each with what tells it apart', () => {
    const labels = issuers.map((i) => plain(i.label));
    expect(issuers).toHaveLength(5);
    expect(new Set(labels).size).toBe(5);
    expect(labels).toContain('River Club (riverclub.example)');
    expect(labels).toContain('River Club (river-club.example.net)');
    // The same name on the same host (a Badgr server hosts many issuers): the ids, cut in the middle.
    expect(labels).toContain('River Club (api.badgr.io/public/issu…a11BbCcDdEeFfGgHhIiJjKk)');
    expect(labels).toContain('River Club (api.badgr.io/public/issu…z99YyXxWwVvUuTtSsRrQqPp)');
    // An issuer without an id is not listed under one that has it.
    expect(labels).toContain('River Club');
  });

  it('a long name or host cannot hide where the issuer is: the name is cut, a host keeps its end (hostile review, session 17)', () => {
    // A <select> shows the start of its label: a name padded with blank-looking U+2800 pushed the place out of
    // view, and a long host showed only its start ("harvard.edu.aaa…").
    const padded: BadgeView = { ...river, key: 'local:padded', issuerName: `Harvard University (harvard.edu)${'\u2800'.repeat(300)}`, issuerId: 'https://evil.example/issuer' };
    const host = `harvard.edu.${'a'.repeat(63)}.${'b'.repeat(63)}.evil.example`;
    const longHost: BadgeView = { ...river, key: 'local:long-host', issuerName: 'Harvard University', issuerId: `https://${host}/issuer` };
    const labels = facetsOf([padded, longHost], 'en').issuers.map((i) => plain(i.label));
    const first = labels.find((l) => l.startsWith('Harvard University (harvard.edu)'))!;
    expect(first.length).toBeLessThanOrEqual(80);
    expect(first).toMatch(/… \(evil\.example\)$/);
    expect(labels).toContain(`Harvard University (…${host.slice(-47)})`);
  });

  it('choosing the real River Club lists its badges only, not the impostor’s', () => {
    const real = issuers.find((i) => plain(i.label) === 'River Club (riverclub.example)')!;
    const shown = filterIndex(sortIndex(indexBadges(list, MOCK_NOW), 'newest', 'en'), { ...EMPTY_QUERY, issuer: real.key });
    expect(shown.map((b) => b.key)).toEqual([river.key]);
    const byName = filterIndex(sortIndex(indexBadges(list, MOCK_NOW), 'newest', 'en'), { ...EMPTY_QUERY, issuer: 'River Club' });
    expect(byName).toEqual([]);
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
