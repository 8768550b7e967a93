/**
 * Paging as OB 2.1 §"Pagination" and OB 3.0 §6.4 define it: `limit` (positive) and `offset`
 * (zero-based), `since` (an ISO 8601 date-time with a zone), `X-Total-Count`, and a `Link` header
 * with `next` (when more follow), `last` and `first` (always) and `prev` (when offset > 0)
 * (badgr-server apps/backpack/badge_connect_api.py BadgeConnectPagination). Newest first.
 *
 * What `since` compares differs: OB 2.1 GET /assertions keeps what was "created or updated after the
 * provided timestamp" (`updatedAt`); OB 3.0 getCredentials what was "issued after this timestamp"
 * (ob_v3p0.lines, `issuedOn`), so a credential issued long ago and added to the backpack later is
 * not in a `since` listing.
 */
import type { Req } from '../http/io.ts';
import type { BadgeRecord } from '../state.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export type Paged = { items: BadgeRecord[]; headers: Record<string, string> } | { error: string };

function link(req: Req, base: string, limit: number, offset: number, rel: string): string {
  const u = new URL(req.url.pathname, base);
  for (const [k, v] of req.url.searchParams) if (k !== 'limit' && k !== 'offset') u.searchParams.append(k, v);
  u.searchParams.set('limit', String(limit));
  u.searchParams.set('offset', String(offset));
  return `<${u.toString()}>; rel="${rel}"`;
}

export function paginate(req: Req, base: string, all: BadgeRecord[], sinceBy: 'updatedAt' | 'issuedOn' = 'updatedAt', ignored?: 'limit' | 'limit-and-offset', emptyAt: readonly number[] = [], countsPage = false): Paged {
  const q = req.url.searchParams;
  const rawLimit = q.get('limit');
  const rawOffset = q.get('offset');
  const since = q.get('since');
  const limit = rawLimit === null ? DEFAULT_LIMIT : Number(rawLimit);
  const offset = rawOffset === null ? 0 : Number(rawOffset);
  if (!Number.isInteger(limit) || limit < 1) return { error: 'limit must be a positive integer' };
  if (!Number.isInteger(offset) || offset < 0) return { error: 'offset must be a non-negative integer' };
  if (since !== null && (!DATE_TIME.test(since) || Number.isNaN(Date.parse(since)))) return { error: 'since must be an ISO 8601 date-time with a time zone' };
  const size = Math.min(limit, MAX_LIMIT);
  const from = since === null ? -Infinity : Date.parse(since);
  const matching = all.filter((b) => Date.parse(b[sinceBy]) >= from).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.entityId.localeCompare(b.entityId));
  const total = matching.length;
  const links: string[] = [];
  if (offset + size < total) links.push(link(req, base, size, offset + size, 'next'));
  links.push(link(req, base, size, total === 0 ? 0 : Math.floor((total - 1) / size) * size, 'last'));
  links.push(link(req, base, size, 0, 'first'));
  if (offset > 0) links.push(link(req, base, size, Math.max(0, offset - size), 'prev'));
  // A backpack that does not page as asked (state.pagingIgnored): the rest, or everything, with no next link.
  if (ignored) return { items: matching.slice(ignored === 'limit' ? offset : 0), headers: { 'x-total-count': String(total) } };
  // A careless backpack (state.emptyPageOffsets): the page at this offset holds nothing, its headers say more follow.
  const items = emptyAt.includes(offset) ? [] : matching.slice(offset, offset + size);
  // Joined with a bare comma, as Badgr's BadgeConnectPagination writes it (`','.join(links)`): RFC 8288 allows both.
  // A backpack that counts its answer, not its listing (state.totalCountsPage): X-Total-Count is the page's length.
  return { items, headers: { 'x-total-count': String(countsPage ? items.length : total), link: links.join(',') } };
}
