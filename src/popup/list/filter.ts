/**
 * Search, filters and sort over the badge list, as pure functions so they are tested alone and
 * stay fast with 1,000 badges: the text to search is prepared once per list (lower-cased, accents
 * removed), sorting once per sort order, and a keystroke only runs the cheap filter.
 */
import type { BadgeView } from '../../messaging/views.ts';
import { sortTimeOf } from '../../core/share/dates.ts';
import { isExpired } from '../format.ts';

export type SortOrder = 'newest' | 'oldest' | 'name' | 'issuer';
export type VerdictFilter = '' | BadgeView['verdict'] | 'pending';

export interface ListQuery {
  text: string;
  account: string;
  issuer: string;
  verdict: VerdictFilter;
  /** '' any, NO_ADDRESS for badges matched to none of the user's addresses, else the address. */
  address: string;
  tag: string;
  expired: 'any' | 'hide' | 'only';
  sort: SortOrder;
}

export const NO_ADDRESS = '\u0000none';
export const EMPTY_QUERY: ListQuery = { text: '', account: '', issuer: '', verdict: '', address: '', tag: '', expired: 'any', sort: 'newest' };

export interface IndexedBadge {
  badge: BadgeView;
  hay: string;
  time: number;
  expired: boolean;
}

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

export function indexBadges(badges: readonly BadgeView[], now: number): IndexedBadge[] {
  return badges.map((badge) => ({
    badge,
    hay: fold([badge.name, badge.issuerName ?? '', badge.tags.join(' '), badge.recipient ?? ''].join('\n')),
    time: sortTimeOf(badge.issuedOn),
    expired: isExpired(badge.expires, now),
  }));
}

export function sortIndex(index: readonly IndexedBadge[], order: SortOrder, locale: string): IndexedBadge[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: IndexedBadge, b: IndexedBadge) => collator.compare(a.badge.name, b.badge.name);
  const compare: Record<SortOrder, (a: IndexedBadge, b: IndexedBadge) => number> = {
    newest: (a, b) => b.time - a.time || byName(a, b),
    oldest: (a, b) => a.time - b.time || byName(a, b),
    name: (a, b) => byName(a, b) || b.time - a.time,
    issuer: (a, b) => collator.compare(a.badge.issuerName ?? '', b.badge.issuerName ?? '') || b.time - a.time,
  };
  return [...index].sort(compare[order]);
}

export function filterIndex(sorted: readonly IndexedBadge[], q: ListQuery): BadgeView[] {
  const terms = fold(q.text).split(/\s+/).filter(Boolean);
  const out: BadgeView[] = [];
  for (const item of sorted) {
    const b = item.badge;
    if (q.account && b.accountId !== q.account) continue;
    if (q.issuer && b.issuerName !== q.issuer) continue;
    if (q.verdict === 'pending' ? !b.pending : q.verdict && b.verdict !== q.verdict) continue;
    if (q.address && (q.address === NO_ADDRESS ? b.recipient !== null : b.recipient !== q.address)) continue;
    if (q.tag && !b.tags.includes(q.tag)) continue;
    if ((q.expired === 'hide' && item.expired) || (q.expired === 'only' && !item.expired)) continue;
    if (terms.length && !terms.every((term) => item.hay.includes(term))) continue;
    out.push(b);
  }
  return out;
}

export interface Facets {
  accounts: string[];
  issuers: string[];
  addresses: string[];
  tags: string[];
}

/** The values each filter offers, from the badges themselves, sorted. */
export function facetsOf(badges: readonly BadgeView[], locale: string): Facets {
  const sets = { accounts: new Set<string>(), issuers: new Set<string>(), addresses: new Set<string>(), tags: new Set<string>() };
  for (const b of badges) {
    sets.accounts.add(b.accountId);
    if (b.issuerName) sets.issuers.add(b.issuerName);
    if (b.recipient) sets.addresses.add(b.recipient);
    for (const tag of b.tags) sets.tags.add(tag);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const sorted = (s: Set<string>) => [...s].sort(collator.compare);
  return { accounts: [...sets.accounts], issuers: sorted(sets.issuers), addresses: sorted(sets.addresses), tags: sorted(sets.tags) };
}

/** How many filters (not the search text or the sort) are set. */
export function activeFilters(q: ListQuery): number {
  return [q.account, q.issuer, q.verdict, q.address, q.tag].filter(Boolean).length + (q.expired === 'any' ? 0 : 1);
}
