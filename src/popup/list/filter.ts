/**
 * Search, filters and sort over the badge list, as pure functions so they are tested alone and
 * stay fast with 1,000 badges: the text to search is prepared once per list (lower-cased, accents
 * removed), sorting once per sort order, and a keystroke only runs the cheap filter (over the
 * answer before it where that one holds every match: search-memo.ts).
 */
import type { BadgeView } from '../../messaging/views.ts';
import { sortTimeOf } from '../../core/share/dates.ts';
import { displayText } from '../../core/share/display.ts';
import { issuerSite, siteEnd } from '../../core/share/issuer-site.ts';
import { isolated } from '../ui/Sentence.tsx';
import { isExpired } from '../format.ts';

export type SortOrder = 'newest' | 'oldest' | 'name' | 'issuer';
export type VerdictFilter = '' | BadgeView['verdict'] | 'pending';

export interface ListQuery {
  text: string;
  account: string;
  /** An issuer filter's value (issuerKey): the issuer's id, never its name alone. */
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

/** The search text's terms: folded as the badges' words are, split at white space. A badge matches when its words hold every term. */
export const termsOf = (text: string): string[] => fold(text).split(/\s+/).filter(Boolean);

export function filterIndex(sorted: readonly IndexedBadge[], q: ListQuery): BadgeView[] {
  return matching(sorted, q, termsOf(q.text)).map((item) => item.badge);
}

/** The items (in their order) that the query's filters and the search's `terms` keep. */
export function matching(items: readonly IndexedBadge[], q: ListQuery, terms: readonly string[]): IndexedBadge[] {
  const out: IndexedBadge[] = [];
  for (const item of items) {
    const b = item.badge;
    if (q.account && b.accountId !== q.account) continue;
    if (q.issuer && issuerKey(b) !== q.issuer) continue;
    if (q.verdict === 'pending' ? !b.pending : q.verdict && b.verdict !== q.verdict) continue;
    if (q.address && (q.address === NO_ADDRESS ? b.recipient !== null : b.recipient !== q.address)) continue;
    if (q.tag && !b.tags.includes(q.tag)) continue;
    if ((q.expired === 'hide' && item.expired) || (q.expired === 'only' && !item.expired)) continue;
    if (!holdsAll(item.hay, terms)) continue;
    out.push(item);
  }
  return out;
}

function holdsAll(hay: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!hay.includes(term)) return false;
  return true;
}

/**
 * Which issuer a badge is from, for the issuer filter: its id (profile URL or DID), which the checks
 * tie the badge to, not the name it gives itself: anyone may call an issuer profile "River Club"
 * (core/share/issuer-site.ts). A badge whose issuer has no id is grouped by the name alone, apart
 * from every issuer that has one.
 */
export function issuerKey(b: Pick<BadgeView, 'issuerId' | 'issuerName'>): string | undefined {
  const id = b.issuerId?.trim();
  if (id) return `id:${id}`;
  return b.issuerName ? `name:${b.issuerName}` : undefined;
}

export interface IssuerFacet {
  /** The filter's value: issuerKey. */
  key: string;
  /** The name the issuer gives itself (display-safe, as the list shows it). */
  name: string;
  /** The name and what tells this issuer from another of the same name: where it is (issuer-site.ts), or its id when that is the same too. */
  label: string;
}

/** The most of an issuer's name an entry of the issuer filter shows, so that where it is stays in view. */
const LABEL_NAME_CHARS = 40;

/** An id as a label's last resort: without its scheme, shown safely, cut in the middle (both ends tell ids apart). */
function shortId(id: string): string {
  const s = displayText(id.replace(/^https?:\/\//i, ''), 300);
  return s.length > 48 ? `${s.slice(0, 24)}…${s.slice(-23)}` : s;
}

/**
 * The issuer filter's entries: one per issuer id, labelled with the name and, beside it, the issuer's
 * site or DID, as the badge page shows it (nothing for an id that names no place, urn:uuid:…). Two
 * issuers whose labels would still read the same (the same name on the same host, as every issuer
 * a Badgr server hosts, or no place) show their ids instead.
 */
export function issuerFacets(badges: readonly BadgeView[], locale: string): IssuerFacet[] {
  const byKey = new Map<string, { name: string; id?: string }>();
  for (const b of badges) {
    const key = issuerKey(b);
    if (key && !byKey.has(key)) byKey.set(key, { name: b.issuerName ?? '', ...(b.issuerId?.trim() ? { id: b.issuerId.trim() } : {}) });
  }
  // An <option> cannot hold <bdi>: the name and the place are each isolated with FSI…PDI (ui/Sentence.tsx `isolated`).
  // A <select> shows the start of its label: the name is cut (one padded with blank-looking characters
  // pushed the place out of view) and a long host keeps its end, which names the site (issuer-site.ts siteEnd).
  const labelOf = (name: string, place: string | undefined) => {
    const shown = displayText(name, LABEL_NAME_CHARS);
    return shown && place ? `${isolated(shown)} (${isolated(place)})` : isolated(shown || place || '');
  };
  const first = [...byKey].map(([key, { name, id }]) => {
    const site = id ? issuerSite(id) : undefined;
    return { key, name, id, label: labelOf(name, site && siteEnd(site)) };
  });
  const count = new Map<string, number>();
  for (const f of first) count.set(f.label, (count.get(f.label) ?? 0) + 1);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return first
    .map(({ key, name, id, label }) => ({ key, name, label: id && count.get(label)! > 1 ? labelOf(name, shortId(id)) : label }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export interface Facets {
  accounts: string[];
  issuers: IssuerFacet[];
  addresses: string[];
  tags: string[];
}

/** The values each filter offers, from the badges themselves, sorted. */
export function facetsOf(badges: readonly BadgeView[], locale: string): Facets {
  const sets = { accounts: new Set<string>(), addresses: new Set<string>(), tags: new Set<string>() };
  for (const b of badges) {
    sets.accounts.add(b.accountId);
    if (b.recipient) sets.addresses.add(b.recipient);
    for (const tag of b.tags) sets.tags.add(tag);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const sorted = (s: Set<string>) => [...s].sort(collator.compare);
  return { accounts: [...sets.accounts], issuers: issuerFacets(badges, locale), addresses: sorted(sets.addresses), tags: sorted(sets.tags) };
}

/** The issuers' names, each once, sorted: what the LinkedIn company pages setting offers to type (its keys are names or ids). */
export function issuerNames(badges: readonly BadgeView[], locale: string): string[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...new Set(badges.flatMap((b) => (b.issuerName ? [b.issuerName] : [])))].sort(collator.compare);
}

/** How many filters (not the search text or the sort) are set. */
export function activeFilters(q: ListQuery): number {
  return [q.account, q.issuer, q.verdict, q.address, q.tag].filter(Boolean).length + (q.expired === 'any' ? 0 : 1);
}
