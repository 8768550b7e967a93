/**
 * The list's search, keystroke by keystroke, with the answers it gave kept (issue 14: 10,000
 * badges). Every answer is filterIndex's own (filter.ts), found with less work:
 * - a query asked again (a letter typed, then erased) gets the list it got before;
 * - a query that can only keep fewer badges than an earlier one with the same filters (each
 *   earlier term is inside one of the new terms: "pract" then "practi", or "a" then "a b") filters
 *   that earlier answer, in its order, rather than every badge: a badge whose words hold the new
 *   term holds every part of it.
 * Made once per sorted list (ListScreen.tsx): another list or sort order starts with nothing kept.
 */
import type { BadgeView } from '../../messaging/views.ts';
import { matching, termsOf, type IndexedBadge, type ListQuery } from './filter.ts';

/** Answers kept, the latest first: a word typed and then erased letter by letter finds each step's list again. */
const KEPT = 8;

interface Answer {
  /** The query's filters (all but the search text and the sort), as one string. */
  filters: string;
  terms: readonly string[];
  items: readonly IndexedBadge[];
  views: BadgeView[];
}

const filtersOf = (q: ListQuery) => JSON.stringify([q.account, q.issuer, q.verdict, q.address, q.tag, q.expired]);
const sameTerms = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
/** Whatever `terms` keeps, `earlier` keeps too. */
const narrows = (terms: readonly string[], earlier: readonly string[]) => earlier.every((e) => terms.some((t) => t.includes(e)));

/** filterIndex(sorted, q) for each query asked, over one sorted list. */
export function searchOver(sorted: readonly IndexedBadge[]): (q: ListQuery) => BadgeView[] {
  let kept: Answer[] = [];
  return (q) => {
    const filters = filtersOf(q);
    const terms = termsOf(q.text);
    const same = kept.find((a) => a.filters === filters && sameTerms(a.terms, terms));
    if (same) {
      kept = [same, ...kept.filter((a) => a !== same)];
      return same.views;
    }
    let from: readonly IndexedBadge[] = sorted;
    for (const a of kept) if (a.filters === filters && a.items.length < from.length && narrows(terms, a.terms)) from = a.items;
    const items = matching(from, q, terms);
    const answer: Answer = { filters, terms, items, views: items.map((item) => item.badge) };
    kept = [answer, ...kept.slice(0, KEPT - 1)];
    return answer.views;
  };
}
