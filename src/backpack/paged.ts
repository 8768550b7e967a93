/**
 * Paged listing for the OB 3.0 API (§6.4) and Badge Connect (OB 2.1 §"Pagination"): `limit`,
 * `offset`, `since`; the total from `X-Total-Count` when present; the next page from `Link`
 * rel="next" until there is none (never from X-Total-Count, which is optional). A next link to
 * another origin is refused rather than followed with the token.
 */
import { BackpackError, BackpackErrorCodes as C, PartialListError } from './errors.ts';
import { answeredAt, getJson, upgradedLink, type ClientOptions } from './http.ts';
import { parseLinkHeader } from './link-header.ts';
import { httpDate } from '../core/http-date.ts';

export interface PageQuery {
  limit?: number;
  offset?: number;
  /** Only what was created or updated at or after this time. */
  since?: Date | string;
}

export interface Page<T> {
  items: T[];
  /** X-Total-Count, when the server sent it. */
  total?: number;
  /** The URL of the next page (Link rel="next"); absent on the last page. */
  next?: string;
  /** The URL this page was read from. */
  url: string;
  /** The server's clock when it answered (RFC 9110 §6.6.1 `Date`, ms since the epoch), when it said. */
  date?: number;
}

export function pageUrl(endpoint: string, q: PageQuery): string {
  const u = new URL(endpoint);
  if (q.limit !== undefined) u.searchParams.set('limit', String(q.limit));
  if (q.offset !== undefined) u.searchParams.set('offset', String(q.offset));
  if (q.since !== undefined) u.searchParams.set('since', typeof q.since === 'string' ? q.since : q.since.toISOString());
  return u.toString();
}

export async function fetchPage<T>(opts: ClientOptions, url: string, token: string, what: string, read: (body: unknown) => T[]): Promise<Page<T>> {
  const { body, res } = await getJson(opts, url, token, what, 'application/ld+json, application/json');
  const items = read(body);
  const totalHeader = res.headers.get('x-total-count');
  // A count the backpack writes: 400 digits made an Infinity, kept as the sync's progress (n of Infinity).
  const total = totalHeader !== null && /^\d+$/.test(totalHeader.trim()) && Number.isSafeInteger(Number(totalHeader)) ? Number(totalHeader) : undefined;
  // Relative to where the page was answered (a redirect within the site, which getJson lets through), not where it was asked.
  const link = parseLinkHeader(res.headers.get('link'), answeredAt(res, url)).get('next');
  const next = link === undefined ? undefined : upgradedLink(link, url);
  if (next !== undefined && new URL(next).origin !== new URL(url).origin) {
    // With the page's items: a sync stores them, then stops and says why.
    throw new PartialListError(items, new BackpackError(C.PROTOCOL, `${what}: the next page is on another site (${new URL(next).origin}); Lanyard does not send the token there`));
  }
  // RFC 9110 §5.6.7's three forms only (core/http-date.ts httpDate): Date.parse guessed a clock from junk ("12.3": 2001).
  const date = httpDate(res.headers.get('date'));
  return { items, url, ...(total !== undefined ? { total } : {}), ...(next !== undefined ? { next } : {}), ...(Number.isFinite(date) ? { date } : {}) };
}

/**
 * Every page from `first`, following rel="next"; stops on a repeated link or an empty page. An
 * offset listing that moves meanwhile (a badge deleted) can skip an item here: sync does not use
 * this, it overlaps its pages (background/services/sync-anchor.ts).
 */
export async function* allPages<T>(opts: ClientOptions, first: string, token: string, what: string, read: (body: unknown) => T[]): AsyncGenerator<Page<T>> {
  const seen = new Set<string>();
  let url: string | undefined = first;
  while (url !== undefined && !seen.has(url)) {
    seen.add(url);
    const page: Page<T> = await fetchPage(opts, url, token, what, read);
    yield page;
    if (page.items.length === 0) return;
    url = page.next;
  }
}
